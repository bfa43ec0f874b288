package cn.shequ.project;

import static cn.shequ.task.TaskNames.markdown;

import cn.shequ.document.Amounts;
import cn.shequ.engine.ShequClock;
import cn.shequ.fund.Fund;
import cn.shequ.fund.FundLedger;
import cn.shequ.fund.PaymentTerms;
import cn.shequ.identity.Communities;
import cn.shequ.identity.Community;
import cn.shequ.meeting.MeetingService;
import cn.shequ.persistence.ReadOnce;
import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.rules.Decisions;
import cn.shequ.task.TaskNames;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a service project's task shows besides its decision, from Shequ's tables: the name every task
 * list shows ({@link #name}, when the task is created), the dossier its Tasklist form shows
 * ({@link #dossier}, when the form is read, ADR 0058: project, amount, fund, budget lines, milestones,
 * the residents' meeting, the milestone at hand and what the decision will do with the money) and the
 * proposal prepare-proposal's form opens with ({@link #proposal}).
 */
@Component
class ProjectDossier {

    private static final List<String> MILESTONE_TASKS = List.of(Tasks.REPORT_MILESTONE, Tasks.ACCEPT_MILESTONE,
            Tasks.APPROVE_PAYMENT);

    private final ProjectMapper projects;
    private final Communities communities;
    private final FundLedger funds;
    private final MeetingService meetings;
    private final ShequClock clock;

    ProjectDossier(ProjectMapper projects, Communities communities, FundLedger funds, MeetingService meetings,
                   ShequClock clock) {
        this.projects = projects;
        this.communities = communities;
        this.funds = funds;
        this.meetings = meetings;
        this.clock = clock;
    }

    /** "财政审批拨付 · SP-2026-0002 东湖社区长者助餐服务 · 第1期 ¥12,000.00"; without a milestone, the project's amount. */
    String name(String step, ProjectHead project, String taskKey, Integer milestoneSeq) {
        // number and amount only: a step's UPDATE of the milestone's status in this transaction leaves them (ADR 0070)
        Optional<Milestone> milestone = ReadOnce.using(Set.of("seq", "amount"),
                () -> milestoneOf(project.code(), taskKey, milestoneSeq));
        String tail = milestone.map(m -> "第" + m.seq() + "期 " + Amounts.yuan(m.amount()))
                .orElseGet(() -> Amounts.yuan(project.amount()));
        return TaskNames.of(step, project.code(), project.title(), tail);
    }

    /** The fields of prepare-proposal's form as the stored proposal has them (its form opens filled in). */
    Map<String, Object> proposal(Project project) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", project.title());
        values.put("category", project.category());
        values.put("beneficiaries", project.beneficiaries());
        values.put("description", project.description());
        values.put("fundCode", project.fundCode());
        values.put("deliveryMode", project.deliveryMode());
        values.put("plannedStart", project.plannedStart().toString());
        values.put("plannedEnd", project.plannedEnd().toString());
        values.values().removeIf(v -> v == null);
        return values;
    }

    /** The Markdown the task's form shows above its decision. */
    String dossier(Project project, String taskKey, Integer milestoneSeq, boolean civilAffairsNext) {
        String code = project.code();
        Optional<Fund> fund = funds.find(project.fundCode());
        StringBuilder md = new StringBuilder();
        md.append("#### 项目档案 · ").append(code).append(' ').append(markdown(project.title())).append("\n\n");
        String community = communities.find(project.communityCode()).map(Community::name)
                .orElse(project.communityCode());
        md.append("- 社区：").append(markdown(community)).append("；服务类别：")
                .append(markdown(Optional.ofNullable(projects.categoryName(project.category())).orElse(project.category())))
                .append("；实施方式：").append(deliveryMode(project.deliveryMode())).append('\n');
        md.append("- 计划期限：").append(project.plannedStart()).append(" 至 ").append(project.plannedEnd()).append('\n');
        md.append("- 项目金额：**").append(Amounts.yuan(project.amount())).append("**；资金：")
                .append(markdown(project.fundCode()))
                .append(fund.map(f -> " " + markdown(f.name()) + "（可用余额 " + Amounts.yuan(f.available()) + "）").orElse(""))
                .append('\n');
        if (project.reservedAmount() != null && project.reservedAmount().signum() > 0) {
            md.append("- 已预留：").append(Amounts.yuan(project.reservedAmount())).append("；已拨付：")
                    .append(Amounts.yuan(project.disbursedAmount() == null ? BigDecimal.ZERO : project.disbursedAmount()))
                    .append('\n');
        }
        List<BudgetLine> lines = projects.budgetLines(code);
        if (!lines.isEmpty()) {
            md.append("- 预算明细：").append(lines.stream()
                    .map(l -> markdown(l.item()) + " " + Amounts.yuan(l.amount())).collect(Collectors.joining("；")))
                    .append('\n');
        }
        List<Milestone> milestones = projects.milestones(code);
        if (!milestones.isEmpty()) {
            md.append("- 里程碑：").append(milestones.stream()
                    .map(m -> "第" + m.seq() + "期 " + markdown(m.name()) + " " + m.percent() + "% " + Amounts.yuan(m.amount())
                            + "（" + milestoneStatus(m.status()) + "）")
                    .collect(Collectors.joining("；"))).append('\n');
        }
        meetings.lastMeeting(code).ifPresent(m -> md.append("- 居民会议：")
                .append(meetingOutcome(meetings.lastOutcome(code)))
                .append("（").append(Decisions.MeetingOutcome.KIND_REPRESENTATIVES_MEETING.equals(m.kind()) ? "居民代表会议" : "居民会议")
                .append("，").append(m.heldOn()).append("；应到 ").append(m.eligible()).append(" 人，实到 ").append(m.present())
                .append(" 人；赞成 ").append(m.yes()).append("，反对 ").append(m.no()).append("，弃权 ").append(m.abstain())
                .append("）").append(m.minutes() == null || m.minutes().isBlank() ? "" : "；会议纪要：" + markdown(m.minutes()))
                .append('\n'));
        Optional<Milestone> milestone = milestoneOf(project.code(), taskKey, milestoneSeq);
        milestone.ifPresent(m -> {
            md.append("\n**本期里程碑**：第").append(m.seq()).append("期 ").append(markdown(m.name())).append("，")
                    .append(m.percent()).append("%，**").append(Amounts.yuan(m.amount())).append("**\n");
            if (m.summary() != null) {
                md.append("- 完成情况：").append(markdown(m.summary())).append('\n');
            }
            if (m.evidence() != null) {
                md.append("- 证明材料：").append(markdown(m.evidence())).append('\n');
            }
            if (m.acceptedAt() != null) {
                int term = projects.contractTerms(code).map(PaymentTerms::days).orElse(PaymentTerms.DEFAULT_DAYS);
                long days = ChronoUnit.DAYS.between(m.acceptedAt().toLocalDate(), clock.today());
                md.append("- 验收：").append(m.acceptedAt().toLocalDate()).append("，服务对象 ")
                        .append(m.servedParticipants()).append(" 人参与；验收后已过 **").append(days).append(" 日**（付款期限 ")
                        .append(term).append(" 日")
                        .append(days > term ? "，**已逾期**" : "，还剩 " + (term - days) + " 日").append("）\n");
            }
        });
        String effect = effect(project, taskKey, milestone, fund, civilAffairsNext);
        if (effect != null) {
            md.append("\n**本次决定**：").append(effect).append('\n');
        }
        return md.toString();
    }

    private Optional<Milestone> milestoneOf(String code, String taskKey, Integer milestoneSeq) {
        if (milestoneSeq == null || !MILESTONE_TASKS.contains(taskKey)) {
            return Optional.empty();
        }
        return projects.milestone(code, milestoneSeq);
    }

    private static String effect(Project project, String taskKey, Optional<Milestone> milestone, Optional<Fund> fund,
                                 boolean civilAffairsNext) {
        String fundName = project.fundCode() + fund.map(f -> " " + markdown(f.name())).orElse("");
        return switch (taskKey) {
            case Tasks.PREPARE_PROPOSAL -> "提交后报告书交居民会议表决。预算明细和里程碑请在工作台或 API 中修改。";
            case Tasks.RECORD_RESIDENT_MEETING -> "表决通过后交街道办事处审核；未通过则项目终止。";
            case Tasks.STREET_OFFICE_REVIEW -> "同意后交" + (civilAffairsNext ? "区民政局审核（金额超过街道审批权限）" : "财政审核与资金预留")
                    + "；退回则由居委会修改后重新提交居民会议；不同意则项目终止。";
            case Tasks.CIVIL_AFFAIRS_REVIEW -> "同意后交财政审核与资金预留；退回则由居委会修改；不同意则项目终止。";
            case Tasks.FINANCE_REVIEW -> "同意即从资金 " + fundName + " **预留 " + Amounts.yuan(project.amount()) + "**"
                    + fund.map(f -> "（可用余额 " + Amounts.yuan(f.available()) + "，预留后 "
                            + Amounts.yuan(f.available().subtract(project.amount())) + "）").orElse("") + "。";
            case Tasks.REPORT_MILESTONE -> milestone.map(m -> "报告第" + m.seq() + "期完成情况，交验收。").orElse(null);
            case Tasks.ACCEPT_MILESTONE -> milestone.map(m -> "验收通过后交财政审批拨付 " + Amounts.yuan(m.amount()) + "。")
                    .orElse(null);
            case Tasks.APPROVE_PAYMENT -> milestone.map(m -> "同意即从资金 " + fundName + " **拨付 " + Amounts.yuan(m.amount())
                    + "**（第" + m.seq() + "期，从为本项目预留的资金中支付）。").orElse(null);
            case Tasks.FINAL_ACCEPTANCE -> "验收后按绩效等级结算，结余资金释放回资金 " + fundName + "。";
            default -> null;
        };
    }

    private static String deliveryMode(String mode) {
        return switch (String.valueOf(mode)) {
            case "SELF" -> "居委会自办";
            case "SOCIAL_ORG" -> "社会组织承接";
            case "PURCHASE" -> "政府购买服务";
            default -> String.valueOf(mode);
        };
    }

    private static String milestoneStatus(String status) {
        return switch (String.valueOf(status)) {
            case Milestone.PENDING -> "未开始";
            case Milestone.REPORTED -> "已报告";
            case Milestone.ACCEPTED -> "已验收";
            case Milestone.APPROVED -> "已批准拨付";
            case Milestone.PAID -> "已拨付";
            default -> String.valueOf(status);
        };
    }

    private static String meetingOutcome(String outcome) {
        return switch (String.valueOf(outcome)) {
            case Decisions.MeetingOutcome.OUTCOME_PASSED -> "**通过**";
            case Decisions.MeetingOutcome.OUTCOME_REJECTED -> "**未通过**";
            case Decisions.MeetingOutcome.OUTCOME_NO_QUORUM -> "**不足法定人数**";
            default -> String.valueOf(outcome);
        };
    }
}

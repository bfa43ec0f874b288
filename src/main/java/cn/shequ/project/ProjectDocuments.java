package cn.shequ.project;

import cn.shequ.audit.AuditHeads;
import cn.shequ.document.AcceptanceReport;
import cn.shequ.document.Amounts;
import cn.shequ.document.AuditReport;
import cn.shequ.document.ChineseDates;
import cn.shequ.document.DisclosureNotice;
import cn.shequ.document.DocumentContent;
import cn.shequ.document.DocumentService;
import cn.shequ.document.DocumentType;
import cn.shequ.document.MeetingResolution;
import cn.shequ.document.PaymentVoucher;
import cn.shequ.document.PerformanceReport;
import cn.shequ.document.ProjectReport;
import cn.shequ.document.ReviewOpinion;
import cn.shequ.engine.ShequClock;
import cn.shequ.fund.FundLedger;
import cn.shequ.fund.MilestonePayments;
import cn.shequ.fund.PaymentTerms;
import cn.shequ.identity.Communities;
import cn.shequ.identity.Community;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.meeting.MeetingOutcome;
import cn.shequ.meeting.MeetingService;
import cn.shequ.persistence.ReadOnce;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Issues the formal papers of a service project at their steps (DESIGN.md "Documents"), in the
 * step's own transaction: the project report on submission, the meeting resolution, each review
 * opinion, each payment voucher, the acceptance and performance reports, the disclosure notice and
 * the audit report.
 */
@Component
class ProjectDocuments {

    /** Issuing authorities other than the residents' committees: code (≤ 6 characters), short name, full name. */
    record Authority(String code, String shortName, String name) {}

    static final Authority STREET_OFFICE = new Authority("S01", "金霞街", "金霞街道办事处");
    static final Authority CIVIL_AFFAIRS = new Authority("D01M", "龙湖民", "龙湖区民政局");
    static final Authority FINANCE = new Authority("D01F", "龙湖财", "龙湖区财政局");
    static final Authority AUDIT = new Authority("D01A", "龙湖审", "龙湖区审计局");

    private static final Map<String, String> DELIVERY = Map.of("SELF", "居委会自办", "SOCIAL_ORG", "社会组织承接",
            "PURCHASE", "政府购买服务");

    private final DocumentService documents;
    private final ProjectMapper projects;
    private final Communities communities;
    private final CurrentUsers users;
    private final FundLedger funds;
    private final ShequClock clock;
    private final AuditHeads auditHeads;

    ProjectDocuments(DocumentService documents, ProjectMapper projects, Communities communities, FundLedger funds,
                     ShequClock clock, AuditHeads auditHeads, CurrentUsers users) {
        this.users = users;
        this.auditHeads = auditHeads;
        this.documents = documents;
        this.projects = projects;
        this.communities = communities;
        this.funds = funds;
        this.clock = clock;
    }

    void projectReport(Project p, String actor) {
        Community c = community(p);
        List<ProjectReport.BudgetItem> budget = projects.budgetLines(p.code()).stream()
                .map(l -> new ProjectReport.BudgetItem(l.item(), l.amount())).toList();
        issue(DocumentType.PROJECT_REPORT, p, c, ProjectReport.content(new ProjectReport.Data(committee(c), p.code(),
                p.title(), categoryName(p), c.name(), p.beneficiaries(), p.description(), p.amount(), fundName(p),
                DELIVERY.get(p.deliveryMode()), p.plannedStart(), p.plannedEnd(), budget, name(actor), today())), actor);
    }

    void meetingResolution(Project p, MeetingService.Meeting m, MeetingOutcome outcome, String actor) {
        Community c = community(p);
        boolean representatives = "REPRESENTATIVES_MEETING".equals(m.kind());
        issue(DocumentType.MEETING_RESOLUTION, p, c, MeetingResolution.content(new MeetingResolution.Data(committee(c),
                p.code(), p.title(), representatives ? "居民代表会议" : "居民会议", mode(m.mode()), m.heldOn(), m.eligible(),
                m.present(), m.yes(), m.no(), m.abstain(),
                representatives ? "出席人数达到应到人数的三分之二以上" : "出席人数超过应到人数的一半（居委会法第九条）",
                outcome.quorum(), "赞成票超过出席人数的一半（居委会法第九条）", outcome.passed(), m.minutes(), name(actor),
                today())), actor);
    }

    void reviewOpinion(Project p, String taskKey, String decision, String comment, String actor) {
        Authority authority = switch (taskKey) {
            case ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW -> STREET_OFFICE;
            case ServiceProjectProcess.Tasks.CIVIL_AFFAIRS_REVIEW -> CIVIL_AFFAIRS;
            default -> FINANCE;
        };
        String stage = switch (taskKey) {
            case ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW -> "街道办事处审核";
            case ServiceProjectProcess.Tasks.CIVIL_AFFAIRS_REVIEW -> "区民政局审核";
            default -> "财政审核与资金预留";
        };
        ReviewOpinion.Decision d = switch (decision) {
            case ServiceProjectProcess.Decision.APPROVE -> ReviewOpinion.Decision.APPROVED;
            case ServiceProjectProcess.Decision.RETURN -> ReviewOpinion.Decision.RETURNED;
            default -> ReviewOpinion.Decision.REJECTED;
        };
        Community c = community(p);
        issue(DocumentType.REVIEW_OPINION, p, authority, ReviewOpinion.content(new ReviewOpinion.Data(authority.name(),
                p.code(), p.title(), committee(c), p.amount(), stage, d, comment == null ? "同意。" : comment, name(actor),
                today(), today())), actor);
    }

    void paymentVoucher(Project p, Milestone m, MilestonePayments.Payment payment) {
        Community c = community(p);
        issue(DocumentType.PAYMENT_VOUCHER, p, FINANCE, PaymentVoucher.content(new PaymentVoucher.Data(FINANCE.name(),
                p.code(), p.title(), committee(c), p.fundCode(), fundName(p), m.seq(), m.name(), payment.amount(),
                payment.ledgerSeq(), payment.paidAt(), name(m.approvedBy()), name(payment.paidBy()),
                remark(m, payment), today())), payment.paidBy());
    }

    /**
     * 附注: the acceptance the payment rests on, and lateness with the interest owed, which is not part
     * of the amount paid (保障中小企业款项支付条例 (2025) arts. 9, 17: 30 days, 0.05% a day).
     */
    private String remark(Milestone m, MilestonePayments.Payment payment) {
        String accepted = "依据：第" + m.seq() + "期里程碑于" + ChineseDates.numeric(payment.acceptedAt().toLocalDate())
                + "经" + name(m.acceptedBy()) + "验收合格。";
        return payment.late() ? accepted + "本次拨付距验收已超过" + payment.paymentTermDays() + "日，属逾期支付，逾期"
                + payment.daysLate() + "日，应付逾期利息" + Amounts.yuan(payment.lateInterest()) + "（日利率"
                + PaymentTerms.percent(payment.interestRate()) + "），不含在本次拨付金额内。"
                : accepted;
    }

    void acceptanceReport(Project p, int respondents, int satisfied, String actor) {
        Community c = community(p);
        List<Milestone> milestones = projects.milestones(p.code());
        int served = milestones.stream().map(Milestone::servedParticipants).filter(java.util.Objects::nonNull)
                .mapToInt(Integer::intValue).max().orElse(0);
        String summary = String.join("；", milestones.stream().map(m -> m.name() + "：" + (m.summary() == null ? "" : m.summary())).toList());
        String evidence = String.join("；", milestones.stream().map(m -> m.evidence() == null ? "" : m.evidence()).toList());
        issue(DocumentType.ACCEPTANCE_REPORT, p, c, AcceptanceReport.content(new AcceptanceReport.Data(committee(c),
                p.code(), p.title(), p.beneficiaries(), DELIVERY.get(p.deliveryMode()), today(), summary, evidence, served,
                respondents, satisfied, true, "项目终期验收合格。", List.of(name(actor)), today())), actor);
    }

    void performanceReport(Project p, ProjectMapper.Scores scores, String grade, String actor) {
        List<PerformanceReport.Indicator> indicators = List.of(
                new PerformanceReport.Indicator("预算执行", BigDecimal.TEN, scores.scoreBudget(), null),
                new PerformanceReport.Indicator("产出", BigDecimal.valueOf(50), scores.scoreOutputs(), null),
                new PerformanceReport.Indicator("效益", BigDecimal.valueOf(30), scores.scoreOutcomes(), null),
                new PerformanceReport.Indicator("服务对象满意度", BigDecimal.TEN, scores.scoreSatisfaction(), null));
        issue(DocumentType.PERFORMANCE_REPORT, p, STREET_OFFICE, PerformanceReport.content(new PerformanceReport.Data(
                STREET_OFFICE.name(), p.code(), p.title(), committee(community(p)), p.reservedAmount(), p.disbursedAmount(),
                indicators, p.score(), grade, p.respondents() == null ? 0 : p.respondents(),
                p.satisfied() == null ? 0 : p.satisfied(), "绩效等级：" + grade + "（财预〔2020〕10号）", name(actor), today())), actor);
    }

    void disclosureNotice(Project p, List<DisclosureNotice.Entry> payments) {
        Community c = community(p);
        List<DocumentContent.Field> facts = List.of(new DocumentContent.Field("批准金额", p.amount().toPlainString() + " 元"),
                new DocumentContent.Field("已拨付", p.disbursedAmount().toPlainString() + " 元"),
                new DocumentContent.Field("绩效等级", p.grade() == null ? "" : p.grade()),
                new DocumentContent.Field("审计日志链尾", auditLogHead()));
        issue(DocumentType.DISCLOSURE_NOTICE, p, c, DisclosureNotice.content(new DisclosureNotice.Data(committee(c),
                p.code(), p.title(), "项目终期验收公开", p.plannedStart(), today(), facts, payments, c.name() + "居民委员会",
                today())), CurrentUser.SYSTEM);
    }

    void auditReport(Project p, String decision, String findings, String actor) {
        boolean clean = ServiceProjectProcess.Decision.CLEAN.equals(decision);
        List<AuditReport.Finding> list = clean ? List.of() : List.of(new AuditReport.Finding(findings, null, "需整改"));
        issue(DocumentType.AUDIT_REPORT, p, AUDIT, AuditReport.content(new AuditReport.Data(AUDIT.name(), p.code(),
                p.title(), p.plannedStart(), today(), "项目申报、表决、审批、资金预留与拨付、验收、公开全过程", list,
                clean ? "未发现问题" : "发现问题，责令整改", clean ? "项目资金使用与程序符合规定。" : findings,
                List.of(name(actor)), today(), auditLogHead())), actor);
    }

    /** The audit chain's head as committed when a document of the disclosure kind is issued (docs/audit-head.md). */
    private String auditLogHead() {
        return auditHeads.current().describe() + "（签发时；每日链尾见 /public/audit-heads.html）";
    }

    private void issue(DocumentType type, Project p, Community c, DocumentContent content, String actor) {
        issue(type, p, new Authority(c.code(), c.shortName(), committee(c)), content, actor);
    }

    private void issue(DocumentType type, Project p, Authority authority, DocumentContent content, String actor) {
        String number = documents.number(authority.code(), authority.shortName(), today().getYear());
        documents.issue(type, p.code(), number, content, actor);
    }

    private Community community(Project p) {
        return communities.find(p.communityCode()).orElseThrow();
    }

    private static String committee(Community c) {
        return c.name() + "居民委员会";
    }

    private String categoryName(Project p) {
        String name = projects.categoryName(p.category());
        return name == null ? p.category() : name;
    }

    private String fundName(Project p) {
        // the name only: a payment's UPDATE of the fund's money in this transaction leaves it (ADR 0070)
        return ReadOnce.using(Set.of("name"), () -> funds.find(p.fundCode())).map(f -> f.name()).orElse(p.fundCode());
    }

    private String name(String userId) {
        if (userId == null) {
            return "";
        }
        return users.displayName(userId);
    }

    private static String mode(String mode) {
        return switch (mode) {
            case "ALL_ADULTS" -> "全体十八周岁以上居民";
            case "HOUSEHOLD_REPS" -> "每户派代表";
            default -> "居民小组代表";
        };
    }

    private LocalDate today() {
        return clock.today();
    }
}

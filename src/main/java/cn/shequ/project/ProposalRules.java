package cn.shequ.project;

import cn.shequ.fund.Money;
import cn.shequ.web.DateRange;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a complete project report (项目报告书) must hold, 粤府〔2007〕6号 三(二)1 and 三(三): every
 * field present and within its limits, budget lines summing to the amount, milestones whose
 * percentages sum to 100, a planned period in order. Returns the problems by field; no engine,
 * no database (categories, communities and funds are checked by the caller against the tables).
 */
final class ProposalRules {

    static final int TITLE_MAX = 100;
    static final int BENEFICIARIES_MAX = 500;
    static final int DESCRIPTION_MAX = 4000;
    static final int ITEM_MAX = 100;
    static final int MAX_LINES = 50;
    static final int MAX_MILESTONES = 12;
    static final Set<String> DELIVERY_MODES = Set.of(ServiceProjectProcess.DeliveryMode.SELF,
            ServiceProjectProcess.DeliveryMode.SOCIAL_ORG, ServiceProjectProcess.DeliveryMode.PURCHASE);

    private ProposalRules() {}

    static Map<String, String> problems(ProjectRequest r) {
        Map<String, String> problems = new LinkedHashMap<>();
        text(problems, "title", r.title(), TITLE_MAX, "项目名称");
        text(problems, "beneficiaries", r.beneficiaries(), BENEFICIARIES_MAX, "服务对象");
        text(problems, "description", r.description(), DESCRIPTION_MAX, "项目内容");
        if (blank(r.category())) {
            problems.put("category", "服务类别必填 / required");
        }
        if (blank(r.communityCode())) {
            problems.put("communityCode", "社区必填 / required");
        }
        if (blank(r.fundCode())) {
            problems.put("fundCode", "资金来源必填 / required");
        }
        if (r.deliveryMode() == null || !DELIVERY_MODES.contains(r.deliveryMode())) {
            problems.put("deliveryMode", "实施方式须为 SELF、SOCIAL_ORG 或 PURCHASE / must be SELF, SOCIAL_ORG or PURCHASE");
        }
        String amountProblem = Money.problem(r.amount());
        if (amountProblem != null) {
            problems.put("amount", amountProblem);
        }
        budget(problems, r.budgetLines(), amountProblem == null ? r.amount() : null);
        milestones(problems, r.milestones(), amountProblem == null ? r.amount() : null);
        if (r.plannedStart() == null) {
            problems.put("plannedStart", "计划开始日期必填 / required");
        }
        if (r.plannedEnd() == null) {
            problems.put("plannedEnd", "计划结束日期必填 / required");
        }
        if (r.plannedStart() != null && !DateRange.holds(r.plannedStart())) {
            problems.put("plannedStart", DateRange.problem("计划开始日期"));
        }
        if (r.plannedEnd() != null && !DateRange.holds(r.plannedEnd())) {
            problems.put("plannedEnd", DateRange.problem("计划结束日期"));
        } else if (r.plannedStart() != null && r.plannedEnd() != null && r.plannedEnd().isBefore(r.plannedStart())) {
            problems.put("plannedEnd", "计划结束日期不得早于开始日期 / must not be before plannedStart");
        }
        return problems;
    }

    private static void budget(Map<String, String> problems, List<ProjectRequest.BudgetLineRequest> lines, BigDecimal amount) {
        if (lines == null || lines.isEmpty()) {
            problems.put("budgetLines", "预算明细至少一项 / at least one budget line");
            return;
        }
        if (lines.size() > MAX_LINES) {
            problems.put("budgetLines", "预算明细最多 " + MAX_LINES + " 项 / at most " + MAX_LINES);
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            ProjectRequest.BudgetLineRequest line = lines.get(i);
            String field = "budgetLines[" + i + "]";
            if (line == null) {
                problems.put(field, "预算明细不能为空 / empty line");
                return;
            }
            text(problems, field + ".item", line.item(), ITEM_MAX, "预算项目");
            String problem = Money.problem(line.amount());
            if (problem != null) {
                problems.put(field + ".amount", problem);
                return;
            }
            sum = sum.add(line.amount());
        }
        if (amount != null && sum.compareTo(amount) != 0) {
            problems.put("budgetLines", "预算明细合计 " + Money.format(sum) + " 元，须等于项目金额 " + Money.format(amount)
                    + " 元（粤府〔2007〕6号）/ budget lines must sum to the amount");
        }
    }

    private static void milestones(Map<String, String> problems, List<ProjectRequest.MilestoneRequest> milestones,
                                   BigDecimal amount) {
        if (milestones == null || milestones.isEmpty()) {
            problems.put("milestones", "至少一个里程碑 / at least one milestone");
            return;
        }
        if (milestones.size() > MAX_MILESTONES) {
            problems.put("milestones", "里程碑最多 " + MAX_MILESTONES + " 个 / at most " + MAX_MILESTONES);
            return;
        }
        int sum = 0;
        for (int i = 0; i < milestones.size(); i++) {
            ProjectRequest.MilestoneRequest m = milestones.get(i);
            String field = "milestones[" + i + "]";
            if (m == null) {
                problems.put(field, "里程碑不能为空 / empty milestone");
                return;
            }
            text(problems, field + ".name", m.name(), ITEM_MAX, "里程碑名称");
            if (m.percent() == null || m.percent() < 1 || m.percent() > 100) {
                problems.put(field + ".percent", "比例须为 1 到 100 的整数 / must be 1..100");
                return;
            }
            sum += m.percent();
        }
        if (sum != 100) {
            problems.put("milestones", "里程碑比例合计 " + sum + "%，须为 100% / percentages must sum to 100");
            return;
        }
        if (amount != null) {
            List<Integer> percents = milestones.stream().map(ProjectRequest.MilestoneRequest::percent).toList();
            List<BigDecimal> shares = Money.split(amount, percents);
            for (int i = 0; i < shares.size(); i++) {
                String problem = Money.milestoneProblem(shares.get(i), percents.get(i));
                if (problem != null) {
                    problems.put("milestones[" + i + "].percent", problem);
                }
            }
        }
    }

    /**
     * The milestones as stored (a report written before the rule, or by an older version) checked
     * again when the report is submitted: the field and problem of each that would pay less than
     * ¥0.01, empty when all can be paid.
     */
    static Map<String, String> storedMilestoneProblems(List<Milestone> milestones) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (int i = 0; i < milestones.size(); i++) {
            String problem = Money.milestoneProblem(milestones.get(i).amount(), milestones.get(i).percent());
            if (problem != null) {
                problems.put("milestones[" + i + "].percent", problem);
            }
        }
        return problems;
    }

    private static void text(Map<String, String> problems, String field, String value, int max, String label) {
        if (blank(value)) {
            problems.put(field, label + "必填 / required");
        } else if (value.length() > max) {
            problems.put(field, label + "最多 " + max + " 字 / at most " + max + " characters");
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

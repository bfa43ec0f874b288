package cn.shequ.procurement.requirement;

import cn.shequ.engine.EngineTasks;
import cn.shequ.identity.CurrentUser;
import cn.shequ.procurement.Procurement;
import cn.shequ.procurement.ProcurementMapper;
import cn.shequ.procurement.ProjectArea;
import cn.shequ.procurement.PurchaseProcess;
import cn.shequ.project.Project;
import cn.shequ.project.ProjectService;
import cn.shequ.refusal.Refusal;
import cn.shequ.task.TaskCompletion;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The requirement of the purchase a PURCHASE service project's process called: stated by a purchaser of the
 * project's street through the define-requirement task (or POST /api/procurements with a projectCode), on the
 * project's category, budget and fund.
 */
@Component
public class ProjectRequirements {

    private final ProcurementMapper procurements;
    private final Requirements requirements;
    private final EngineTasks tasks;
    private final TaskCompletion completion;
    private final ProjectService projects;

    ProjectRequirements(ProcurementMapper procurements, Requirements requirements, EngineTasks tasks,
                        TaskCompletion completion, ProjectService projects) {
        this.procurements = procurements;
        this.requirements = requirements;
        this.tasks = tasks;
        this.completion = completion;
        this.projects = projects;
    }

    /**
     * The purchaser completes define-requirement of a purchase that service project
     * {@code projectCode} called (process instance {@code instanceId}, code {@code code}): the
     * category, budget and fund are the project's, whose money finance has reserved already — it is
     * not reserved twice, and the project pays the contract's milestones from it. Only a purchaser of
     * the project's street (or its district's civil affairs bureau) states it. Returns the variables
     * the purchase routes on.
     */
    Map<String, Object> defineForProject(String code, String instanceId, String projectCode, CurrentUser user,
                                         Function<String, Object> fields) {
        Purchaser purchaser = Purchaser.of(user);
        Project project = projects.find(projectCode).orElseThrow(() -> Refusal.notFound("社区服务项目", projectCode));
        ProjectArea area = procurements.areaOfCommunity(project.communityCode());
        if (purchaser.street() != null ? !purchaser.street().equals(area.street()) : !purchaser.district().equals(area.district())) {
            throw Refusal.forbidden("OTHER_JURISDICTION", "只能为本辖区社区的项目采购：项目 " + projectCode + " 属于街道 "
                    + area.street() + "（102号令第五、六条）/ only the street office of the project's community, or its district's "
                    + "civil affairs bureau, buys for it");
        }
        Map<String, String> problems = new LinkedHashMap<>();
        Object title = fields.apply("title");
        ProcurementRequest request = new ProcurementRequest(
                title == null || title.toString().isBlank() ? project.title() : title.toString(), project.category(),
                project.reservedAmount().subtract(project.disbursedAmount()), project.fundCode(),
                whole(number(fields, "termMonths", problems, true)),
                text(fields, "termReason"), number(fields, "priceWeight", problems, false), projectCode,
                text(fields, "method"), text(fields, "methodReason"));
        ProcurementRules.problems(request).forEach(problems::putIfAbsent);
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        Requirements.Decided decided;
        try {
            decided = requirements.record(code, request, purchaser, user, request.amount().setScale(2), instanceId);
        } catch (DuplicateKeyException secondCompletion) {
            // two purchasers sent the requirement at once: the first one's counts
            throw Refusal.conflict("TASK_ALREADY_COMPLETED", "采购项目 " + code + " 的需求已由他人确定 / the requirement of "
                    + code + " has just been stated by someone else");
        }
        return Map.of(PurchaseProcess.Vars.PURCHASER, user.userId(),
                PurchaseProcess.Vars.NEEDS_FINANCE_APPROVAL, decided.needsFinanceApproval(),
                PurchaseProcess.Vars.METHOD_SWITCH, false);
    }

    /**
     * POST /api/procurements with a projectCode: the requirement of the purchase the project's
     * process started, sent through the API instead of the task form.
     */
    public Procurement defineThroughProject(ProcurementRequest request, CurrentUser user) {
        Purchaser.of(user);
        String projectCode = request.projectCode().trim();
        if (projects.find(projectCode).isEmpty()) {
            throw Refusal.invalid(Map.of("projectCode", "未知的社区服务项目 / unknown project: " + projectCode));
        }
        List<EngineTasks.OpenTask> open = tasks.openTasks(PurchaseProcess.PROCESS_ID,
                PurchaseProcess.Vars.PROJECT_CODE, projectCode, PurchaseProcess.Tasks.DEFINE_REQUIREMENT);
        if (open.isEmpty()) {
            throw Refusal.conflict("PROJECT_NOT_PURCHASING", "项目 " + projectCode + " 没有待确定需求的政府购买服务：项目经财政审核"
                    + "同意且实施方式为政府购买服务后，由项目流程发起采购 / the project has no purchase awaiting its requirement");
        }
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", request.title());
        fields.put("termMonths", request.termMonths());
        fields.put("termReason", request.termReason());
        fields.put("priceWeight", request.priceWeight());
        fields.put("method", request.method());
        fields.put("methodReason", request.methodReason());
        fields.values().removeIf(java.util.Objects::isNull);
        completion.complete(open.get(0).id(), user, fields);
        return procurements.findByProject(projectCode).orElseThrow();
    }

    private static BigDecimal number(Function<String, Object> fields, String field, Map<String, String> problems,
                                     boolean whole) {
        Object value = fields.apply(field);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value.toString().trim());
            if (whole && number.stripTrailingZeros().scale() > 0) {
                problems.put(field, "须为整数 / must be a whole number");
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            problems.put(field, "须为数字 / must be a number");
            return null;
        }
    }

    /** A whole number of months; one too large for an int becomes 0, which the term rule refuses as out of range. */
    private static Integer whole(BigDecimal number) {
        if (number == null) {
            return null;
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException tooLarge) {
            return 0;
        }
    }

    private static String text(Function<String, Object> fields, String field) {
        Object value = fields.apply(field);
        return value == null ? null : value.toString();
    }
}

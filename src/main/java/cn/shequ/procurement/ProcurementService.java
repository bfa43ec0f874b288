package cn.shequ.procurement;

import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.EngineDecisions;
import cn.shequ.engine.EngineProcesses;
import cn.shequ.engine.EngineTasks;
import cn.shequ.engine.ShequClock;
import cn.shequ.fund.Fund;
import cn.shequ.fund.FundLedger;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.Groups;
import cn.shequ.procurement.requirement.ProcurementRequest;
import cn.shequ.procurement.requirement.ProcurementRules;
import cn.shequ.project.Project;
import cn.shequ.project.ProjectService;
import cn.shequ.rules.Decisions;
import cn.shequ.task.TaskCompletion;
import cn.shequ.task.TaskSubjects;
import cn.shequ.refusal.Refusal;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starting a purchase of services and acting on it through its open tasks. Every write validates
 * first and runs in one transaction with the engine and the ledger, so a refusal leaves no
 * procurement row, no reservation and no process instance behind.
 */
@Service
public class ProcurementService implements TaskSubjects {

    private final ProcurementMapper procurements;
    private final ProcurementCodes codes;
    private final FundLedger funds;
    private final EngineDecisions decisions;
    private final EngineProcesses processes;
    private final EngineTasks tasks;
    private final TaskCompletion completion;
    private final ProjectService projects;
    private final ShequClock clock;
    private final AuditLog audit;

    ProcurementService(ProcurementMapper procurements, ProcurementCodes codes, FundLedger funds, EngineDecisions decisions,
                       EngineProcesses processes, EngineTasks tasks, TaskCompletion completion, ProjectService projects,
                       ShequClock clock, AuditLog audit) {
        this.procurements = procurements;
        this.codes = codes;
        this.funds = funds;
        this.decisions = decisions;
        this.processes = processes;
        this.tasks = tasks;
        this.completion = completion;
        this.projects = projects;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public Optional<String> statusOf(String subjectCode) {
        return subjectCode.startsWith(ProcurementCodes.PROCUREMENT + "-")
                ? procurements.find(subjectCode).map(Procurement::status) : Optional.empty();
    }

    public Optional<Procurement> find(String code) {
        return procurements.find(code);
    }

    Procurement require(String code) {
        return procurements.find(code).orElseThrow(() -> Refusal.notFound("采购项目", code));
    }

    List<Procurement> search(String status) {
        return procurements.search(status);
    }

    /**
     * A purchaser (street office or civil affairs bureau, 102号令 arts. 5–6) states the requirement:
     * the budget is reserved from the fund first (预算法 art. 13; 102号令 art. 14; the fund's
     * categories apply, 预算法 art. 93), the method is decided by the DMN table on this amount plus
     * the purchaser's earlier purchases of the category this fiscal year (采购法 art. 28), and the
     * process starts. With a {@code projectCode} the requirement is that of the service project's
     * own purchase, which its process has started: the body completes its define-requirement task.
     */
    @Transactional
    public Procurement create(ProcurementRequest request, CurrentUser user) {
        if (!ProcurementRules.blank(request.projectCode())) {
            return defineThroughProject(request, user);
        }
        Purchaser purchaser = purchaser(user);
        Map<String, String> problems = ProcurementRules.problems(request);
        if (!problems.containsKey("category") && procurements.categoryName(request.category()) == null) {
            problems.put("category", "不在政府购买服务指导性目录内的服务类别（102号令第十至十四条）/ not in the catalogue: "
                    + request.category());
        }
        Optional<Fund> fund = ProcurementRules.blank(request.fundCode()) ? Optional.empty() : funds.find(request.fundCode());
        if (!problems.containsKey("fundCode") && fund.isEmpty()) {
            problems.put("fundCode", "未知的资金 / unknown fund: " + request.fundCode());
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        if (fund.get().ownerStreet() != null && !fund.get().ownerStreet().equals(purchaser.street())) {
            throw Refusal.forbidden("FUND_OF_ANOTHER_PURCHASER", "资金 " + fund.get().code() + " 是街道 "
                    + fund.get().ownerStreet() + " 的预算，只能用于其本身的采购（预算法第十三条）/ this fund is the budget of "
                    + fund.get().ownerStreet());
        }
        String code = codes.next(ProcurementCodes.PROCUREMENT, clock.today().getYear());
        BigDecimal amount = request.amount().setScale(2);
        // budget first: reserved before anything else exists, refused (409) when the fund cannot pay for it
        funds.reserve(request.fundCode(), request.category(), amount, code, user.userId());
        Decided decided = record(code, request, purchaser, user, amount, null);
        String instance = processes.start(PurchaseProcess.PROCESS_ID, code, Map.of(
                PurchaseProcess.Vars.PROCUREMENT_CODE, code,
                PurchaseProcess.Vars.FOR_PROJECT, false,
                PurchaseProcess.Vars.PURCHASER, user.userId(),
                PurchaseProcess.Vars.NEEDS_FINANCE_APPROVAL, decided.needsFinanceApproval(),
                PurchaseProcess.Vars.METHOD_SWITCH, false));
        procurements.setProcessInstance(code, instance);
        return procurements.find(code).orElseThrow();
    }

    /**
     * The purchaser completes define-requirement of a purchase that service project
     * {@code projectCode} called (process instance {@code instanceId}, code {@code code}): the
     * category, budget and fund are the project's, whose money finance has reserved already — it is
     * not reserved twice, and the project pays the contract's milestones from it. Only a purchaser of
     * the project's street (or its district's civil affairs bureau) states it. Returns the variables
     * the purchase routes on.
     */
    public Map<String, Object> defineForProject(String code, String instanceId, String projectCode, CurrentUser user,
                                         Function<String, Object> fields) {
        Purchaser purchaser = purchaser(user);
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
        Decided decided;
        try {
            decided = record(code, request, purchaser, user, request.amount().setScale(2), instanceId);
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
    private Procurement defineThroughProject(ProcurementRequest request, CurrentUser user) {
        purchaser(user);
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

    /**
     * The method the procurement-method table gives a requirement: on {@code amount} plus what the
     * purchaser has already bought of {@code category} this fiscal year (采购法 art. 28; 条例 art. 28).
     */
    public record MethodDecision(BigDecimal purchasedBefore, BigDecimal countedAmount, String method,
                                 boolean needsFinanceApproval) {}

    /**
     * What {@link #create} will decide for a requirement of {@code user}, before anything is saved
     * (the workbench shows it while the purchaser types): the same table on the same sum.
     */
    public MethodDecision previewMethod(String category, BigDecimal amount, String requestedMethod, CurrentUser user) {
        return decideMethod(category, amount.setScale(2, java.math.RoundingMode.HALF_UP), requestedMethod, purchaser(user));
    }

    private MethodDecision decideMethod(String category, BigDecimal amount, String requestedMethod, Purchaser purchaser) {
        BigDecimal before = procurements.purchasedBefore(category, clock.today().getYear(), purchaser.street(),
                purchaser.district());
        BigDecimal counted = before.add(amount);
        Map<String, Object> method = decisions.evaluate(Decisions.ProcurementMethod.ID, Map.of(
                Decisions.ProcurementMethod.AMOUNT, counted.doubleValue(),
                Decisions.ProcurementMethod.REQUESTED_METHOD, requestedMethod == null ? "" : requestedMethod));
        return new MethodDecision(before, counted, (String) method.get(Decisions.ProcurementMethod.METHOD),
                Boolean.TRUE.equals(method.get(Decisions.ProcurementMethod.NEEDS_FINANCE_APPROVAL)));
    }

    /** How the method was decided for a requirement. */
    private record Decided(String method, boolean needsFinanceApproval) {}

    /**
     * Decides the method on this amount plus the purchaser's earlier purchases of the category this
     * fiscal year (采购法 art. 28; 条例 art. 28), and records the procurement. {@code instanceId}: the
     * instance of a purchase a project called, which holds nothing of the fund itself (the project's
     * reservation is its budget); null for a purchaser's own purchase, reserved by the caller.
     */
    private Decided record(String code, ProcurementRequest request, Purchaser purchaser, CurrentUser user,
                           BigDecimal amount, String instanceId) {
        LocalDateTime now = clock.localNow();
        int year = clock.today().getYear();
        MethodDecision method = decideMethod(request.category(), amount, request.method(), purchaser);
        BigDecimal before = method.purchasedBefore();
        BigDecimal counted = method.countedAmount();
        String decided = method.method();
        boolean approval = method.needsFinanceApproval();
        ProcurementStatus status = approval ? ProcurementStatus.AWAITING_METHOD_APPROVAL : ProcurementStatus.AWAITING_NOTICE;
        String projectCode = trim(request.projectCode());
        boolean forProject = instanceId != null;
        BigDecimal reserved = forProject ? BigDecimal.ZERO.setScale(2) : amount;
        procurements.insert(new Procurement(code, request.title().trim(), request.category(), amount, request.fundCode(),
                user.userId(), purchaser.street(), purchaser.district(), year, request.termMonths(), trim(request.termReason()),
                request.priceWeight(), trim(request.method()), decided, trim(request.methodReason()), counted, approval,
                status.name(), projectCode, instanceId, reserved, BigDecimal.ZERO.setScale(2), 0, null, null,
                null, null, null, null, null, null, null, null, now, now, forProject));
        audit.append(AuditEvent.of(user.userId(), "PROCUREMENT_CREATED").subject(code)
                .detail("amount", amount.toPlainString()).detail("fundCode", request.fundCode())
                .detail("category", request.category()).detail("projectCode", projectCode)
                .detail("reservedHere", reserved.toPlainString()).detail("purchasedBefore", before.toPlainString())
                .detail("countedAmount", counted.toPlainString()).detail("requestedMethod", trim(request.method()))
                .detail("method", decided).detail("needsFinanceApproval", approval)
                .detail("termMonths", request.termMonths()).detail("priceWeight", request.priceWeight().toPlainString()));
        return new Decided(decided, approval);
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

    /** Completes the one open task {@code taskKey} of the procurement for the caller. */
    void completeOpenTask(Procurement procurement, String taskKey, CurrentUser user, Map<String, Object> fields) {
        List<EngineTasks.OpenTask> open = procurement.processInstanceId() == null ? List.of()
                : tasks.openTasks(procurement.processInstanceId(), taskKey);
        if (open.isEmpty()) {
            throw Refusal.conflict("WRONG_STATE", "采购项目 " + procurement.code() + " 当前没有待办的 " + taskKey
                    + "（状态 " + procurement.status() + "）/ no open " + taskKey);
        }
        completion.complete(open.get(0).id(), user, fields);
    }

    /** Who buys: a street office, or a district's civil affairs bureau. */
    record Purchaser(String street, String district) {}

    static Purchaser purchaser(CurrentUser user) {
        if (user.isIn(Groups.STREET_OFFICE) && user.streetCode() != null) {
            return new Purchaser(user.streetCode(), null);
        }
        if (user.isIn(Groups.CIVIL_AFFAIRS) && user.districtCode() != null) {
            return new Purchaser(null, user.districtCode());
        }
        throw Refusal.forbidden("NOT_A_PURCHASER", "只有国家机关（街道办事处、区民政局）可以作为购买主体，居委会等不得购买服务"
                + "（102号令第五、六条）/ only state organs purchase services (102号令 arts. 5–6)");
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

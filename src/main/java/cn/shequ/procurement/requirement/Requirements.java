package cn.shequ.procurement.requirement;

import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.EngineDecisions;
import cn.shequ.engine.EngineProcesses;
import cn.shequ.engine.ShequClock;
import cn.shequ.fund.Fund;
import cn.shequ.fund.FundLedger;
import cn.shequ.identity.CurrentUser;
import cn.shequ.procurement.Procurement;
import cn.shequ.procurement.ProcurementCodes;
import cn.shequ.procurement.ProcurementMapper;
import cn.shequ.procurement.ProcurementStatus;
import cn.shequ.procurement.PurchaseProcess;
import cn.shequ.rules.Decisions;
import cn.shequ.refusal.Refusal;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A purchaser's requirement and the method the rules give it: the budget reserved from the fund first, the
 * method decided by the procurement-method table, the procurement recorded and its process started. The
 * requirement of a service project's own purchase is {@link ProjectRequirements}'; both record it here.
 */
@Service
public class Requirements {

    private final ProcurementMapper procurements;
    private final ProcurementCodes codes;
    private final FundLedger funds;
    private final EngineDecisions decisions;
    private final EngineProcesses processes;
    private final ShequClock clock;
    private final AuditLog audit;

    Requirements(ProcurementMapper procurements, ProcurementCodes codes, FundLedger funds, EngineDecisions decisions,
                 EngineProcesses processes, ShequClock clock, AuditLog audit) {
        this.procurements = procurements;
        this.codes = codes;
        this.funds = funds;
        this.decisions = decisions;
        this.processes = processes;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * A purchaser's own purchase (no project): the budget is reserved from the fund first (预算法 art. 13;
     * 102号令 art. 14; the fund's categories apply, 预算法 art. 93), the method is decided, and the process
     * starts.
     */
    @Transactional
    public Procurement create(ProcurementRequest request, CurrentUser user) {
        Purchaser purchaser = Purchaser.of(user);
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
        return decideMethod(category, amount.setScale(2, java.math.RoundingMode.HALF_UP), requestedMethod, Purchaser.of(user));
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
    record Decided(String method, boolean needsFinanceApproval) {}

    /**
     * Decides the method on this amount plus the purchaser's earlier purchases of the category this
     * fiscal year (采购法 art. 28; 条例 art. 28), and records the procurement. {@code instanceId}: the
     * instance of a purchase a project called, which holds nothing of the fund itself (the project's
     * reservation is its budget); null for a purchaser's own purchase, reserved by the caller.
     */
    Decided record(String code, ProcurementRequest request, Purchaser purchaser, CurrentUser user,
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

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

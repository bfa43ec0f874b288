package cn.shequ.procurement;

import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.delivery.PerformanceGrading;
import cn.shequ.engine.ShequClock;
import cn.shequ.fund.FundLedger;
import cn.shequ.fund.MilestonePayments;
import cn.shequ.fund.PaymentTerms;
import cn.shequ.procurement.PurchaseProcess.Vars;
import cn.shequ.procurement.bidding.BidMapper;
import cn.shequ.procurement.contract.Contract;
import cn.shequ.procurement.contract.ContractGrades;
import cn.shequ.procurement.contract.ContractMapper;
import cn.shequ.procurement.contract.ContractMilestone;
import cn.shequ.project.ProjectService;
import cn.shequ.project.ServiceProjectProcess;
import cn.shequ.task.WorkItems;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks and listeners of purchase-of-service: each reads the procurement code, calls
 * one service, and sets at most a few small variables. Those of one part of the process are in the part:
 * closing the bidding in {@code bidding.BiddingDelegates}, the award in {@code evaluation.EvaluationDelegates},
 * the evaluation reopened by an upheld challenge in {@code challenge.ChallengeDelegates}.
 */
@Configuration
public class ProcurementDelegates {

    public static final String SYSTEM = AuditEvent.SYSTEM;
    private static final String OVERDUE_SUFFIX = "-overdue";

    /** A task passed its due date: flag it in every task list and record the escalation; the task stays open. */
    @Bean(PurchaseProcess.Beans.ESCALATE_OVERDUE)
    JavaDelegate escalateOverdueProcurementTask(WorkItems workItems, ProcurementMapper procurements, ShequClock clock,
                                                AuditLog audit) {
        return execution -> {
            String activity = execution.getCurrentActivityId();
            String taskKey = activity.endsWith(OVERDUE_SUFFIX)
                    ? activity.substring(0, activity.length() - OVERDUE_SUFFIX.length()) : activity;
            workItems.escalate(code(execution), taskKey);
            String comment = "逾期未办（超过法定期限），已督办 / overdue, escalated";
            procurements.insertAction(code(execution), taskKey, null, SYSTEM, "ESCALATED", comment, clock.localNow());
            audit.append(AuditEvent.of(SYSTEM, "TASK_ESCALATED").subject(code(execution)).task(taskKey, "ESCALATED", comment));
        };
    }

    /** Returns what was reserved and not paid to the fund (cancelled, refused, or settled). */
    @Bean(PurchaseProcess.Beans.RELEASE_RESERVATION)
    JavaDelegate releaseProcurementReservation(ProcurementMapper procurements, FundLedger funds, ShequClock clock) {
        return execution -> release(procurements.lock(code(execution)).orElseThrow(), procurements, funds, clock);
    }

    /** Pays the milestone once, whatever the number of retries (asyncBefore: a failure becomes an incident). */
    @Bean(PurchaseProcess.Beans.DISBURSE_PAYMENT)
    JavaDelegate disburseContractPayment(ProcurementMapper procurements, ContractMapper contracts,
                                         MilestonePayments payments, ProcurementDocuments documents, ShequClock clock) {
        return execution -> {
            String code = code(execution);
            int seq = ((Number) execution.getVariable(Vars.MILESTONE_SEQ)).intValue();
            Procurement p = procurements.lock(code).orElseThrow();
            ContractMilestone milestone = contracts.milestone(code, seq).orElseThrow();
            boolean alreadyPaid = payments.find(code, seq).isPresent();
            Contract contract = contracts.ofProcurement(code).orElseThrow();
            MilestonePayments.Payment payment = payments.pay(code, seq, p.fundCode(), milestone.amount(),
                    milestone.acceptedAt(), contract.paymentTerms(), milestone.approvedBy());
            if (!alreadyPaid) {
                procurements.setMoney(code, p.reservedAmount(), p.disbursedAmount().add(payment.amount()), clock.localNow());
                contracts.setStatus(code, seq, ContractMilestone.PAID);
                documents.paymentVoucher(p, contract, milestone, payment);
            }
        };
    }

    /**
     * Final evaluation settled: the grade by performance-grade (DMN, 财预〔2020〕10号) goes onto the
     * purchase and onto the provider's performance record (once, whatever the retries), and the
     * unused reservation returns to the fund.
     */
    @Bean(PurchaseProcess.Beans.SETTLE)
    JavaDelegate settlePurchase(ProcurementMapper procurements, PerformanceGrading grading, FundLedger funds,
                                ContractGrades grades, ShequClock clock) {
        return execution -> {
            Procurement p = procurements.lock(code(execution)).orElseThrow();
            grades.record(p, p.score(), grading.grade(p.score()), null);
            release(p, procurements, funds, clock);
        };
    }

    /**
     * The status an end event stands for and, for the service project that called the purchase, how
     * it ended: the contract handed over to the project is being delivered there (IN_DELIVERY).
     */
    @Bean(PurchaseProcess.Beans.STATUS_LISTENER)
    ExecutionListener procurementStatusListener(ProcurementMapper procurements, ShequClock clock) {
        Map<String, ProcurementStatus> statuses = Map.of(
                PurchaseProcess.Elements.ENDED_COMPLETED, ProcurementStatus.COMPLETED,
                PurchaseProcess.Elements.ENDED_HANDED_TO_PROJECT, ProcurementStatus.IN_DELIVERY,
                PurchaseProcess.Elements.ENDED_CANCELLED, ProcurementStatus.CANCELLED,
                PurchaseProcess.Elements.ENDED_REJECTED, ProcurementStatus.REJECTED);
        Map<String, String> outcomes = Map.of(
                PurchaseProcess.Elements.ENDED_HANDED_TO_PROJECT, ServiceProjectProcess.PurchaseOutcome.CONTRACTED,
                PurchaseProcess.Elements.ENDED_CANCELLED, ServiceProjectProcess.PurchaseOutcome.CANCELLED,
                PurchaseProcess.Elements.ENDED_REJECTED, ServiceProjectProcess.PurchaseOutcome.REJECTED);
        Set<String> challengeAnswered = Set.of(PurchaseProcess.Elements.CHALLENGE_UPHELD_END,
                PurchaseProcess.Elements.CHALLENGE_DISMISSED);
        return execution -> {
            ProcurementStatus status = statuses.get(execution.getCurrentActivityId());
            if (status != null) {
                procurements.setStatus(code(execution), status.name(), clock.localNow());
            }
            String outcome = outcomes.get(execution.getCurrentActivityId());
            if (outcome != null) {
                execution.setVariable(Vars.PURCHASE_OUTCOME, outcome);
            }
            if (challengeAnswered.contains(execution.getCurrentActivityId())) {
                // the answer's decision has routed its challenge; another challenge still open must not
                // read it as its own when its answer comes without one (/engine-rest's complete)
                execution.removeVariable(Vars.DECISION);
            }
        };
    }

    /**
     * A PURCHASE project reaches its purchase (call activity purchase-service): the purchase gets its
     * code now, the business key of the instance the call starts; its row is written when the
     * purchaser states the requirement (define-requirement).
     */
    @Bean(ServiceProjectProcess.Beans.OPEN_PURCHASE)
    ExecutionListener openProjectPurchase(ProcurementCodes codes, ProjectService projects, ShequClock clock, AuditLog audit) {
        return execution -> {
            String projectCode = (String) execution.getVariable(ServiceProjectProcess.Vars.PROJECT_CODE);
            String code = codes.next(ProcurementCodes.PROCUREMENT, clock.today().getYear());
            execution.setVariable(ServiceProjectProcess.Vars.PROCUREMENT_CODE, code);
            projects.purchaseOpened(projectCode, code);
            audit.append(AuditEvent.of(SYSTEM, "PURCHASE_OPENED").subject(projectCode).detail("procurementCode", code));
        };
    }

    /**
     * The purchase of a PURCHASE project has its contract published: the contract's milestones (of
     * the contract price) become the project's, which the project then reports, accepts and pays
     * from its own reservation (no second reservation); what the price leaves unused is released
     * at the project's settlement.
     */
    @Bean(ServiceProjectProcess.Beans.ADOPT_CONTRACT)
    JavaDelegate adoptPurchaseContract(ProcurementMapper procurements, ContractMapper contracts, BidMapper bids,
                                       ProjectService projects) {
        return execution -> {
            String projectCode = (String) execution.getVariable(ServiceProjectProcess.Vars.PROJECT_CODE);
            String code = (String) execution.getVariable(ServiceProjectProcess.Vars.PROCUREMENT_CODE);
            List<ProjectService.ContractMilestone> milestones = contracts.milestones(code).stream()
                    .map(m -> new ProjectService.ContractMilestone(m.name(), m.sharePercent(), m.amount())).toList();
            Procurement p = procurements.find(code).orElseThrow();
            String supplier = bids.bid(p.awardBidId()).orElseThrow().submittedBy();
            Contract contract = contracts.ofProcurement(code).orElseThrow();
            int count = projects.adoptContractMilestones(projectCode, code, supplier, p.purchaserUser(),
                    new PaymentTerms(contract.paymentTermDays(), contract.lateInterestRate()), milestones);
            execution.setVariable(ServiceProjectProcess.Vars.MILESTONE_COUNT, count);
        };
    }

    private static void release(Procurement p, ProcurementMapper procurements, FundLedger funds, ShequClock clock) {
        BigDecimal unused = p.reservedAmount().subtract(p.disbursedAmount());
        if (unused.signum() > 0) {
            funds.release(p.fundCode(), unused, p.code(), SYSTEM);
            procurements.setMoney(p.code(), p.disbursedAmount(), p.disbursedAmount(), clock.localNow());
        }
    }

    /** The procurement an execution of purchase-of-service is about. */
    public static String code(DelegateExecution execution) {
        return (String) execution.getVariable(Vars.PROCUREMENT_CODE);
    }
}

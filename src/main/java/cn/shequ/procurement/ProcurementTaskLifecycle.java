package cn.shequ.procurement;

import cn.shequ.engine.ShequClock;
import cn.shequ.fund.Money;
import cn.shequ.identity.CurrentUser;
import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.procurement.PurchaseProcess.Vars;
import cn.shequ.procurement.bidding.Bid;
import cn.shequ.procurement.bidding.BidMapper;
import cn.shequ.procurement.challenge.Challenge;
import cn.shequ.procurement.challenge.ChallengeMapper;
import cn.shequ.procurement.contract.ContractMapper;
import cn.shequ.procurement.evaluation.Evaluation;
import cn.shequ.task.TaskLifecycle;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener on every user task of purchase-of-service: keeps the procurement status and the
 * task index in step with the engine, links each answer task to its challenge, and on completion
 * dispatches to the step's handler ({@link PurchaseStepDispatch}, one {@link PurchaseStepHandler} per task
 * key) for the user the engine sees (API, /engine-rest and Tasklist alike), writing every refusal to the audit log.
 */
@Component(PurchaseProcess.Beans.TASK_LIFECYCLE)
class ProcurementTaskLifecycle extends TaskLifecycle {

    private static final Map<String, ProcurementStatus> STATUS_ON_CREATE = Map.ofEntries(
            Map.entry(Tasks.APPROVE_METHOD, ProcurementStatus.AWAITING_METHOD_APPROVAL),
            Map.entry(Tasks.PUBLISH_NOTICE, ProcurementStatus.AWAITING_NOTICE),
            Map.entry(Tasks.DECIDE_AFTER_FAILURE, ProcurementStatus.FAILED),
            Map.entry(Tasks.FORM_COMMITTEE, ProcurementStatus.AWAITING_COMMITTEE),
            Map.entry(Tasks.SCORE_BID, ProcurementStatus.EVALUATING),
            Map.entry(Tasks.SIGN_CONTRACT, ProcurementStatus.AWAITING_CONTRACT),
            Map.entry(Tasks.PUBLISH_CONTRACT, ProcurementStatus.AWAITING_CONTRACT_PUBLICATION),
            Map.entry(Tasks.REPORT_MILESTONE, ProcurementStatus.IN_DELIVERY),
            Map.entry(Tasks.ACCEPT_MILESTONE, ProcurementStatus.IN_DELIVERY),
            Map.entry(Tasks.APPROVE_PAYMENT, ProcurementStatus.IN_DELIVERY),
            Map.entry(Tasks.FINAL_EVALUATION, ProcurementStatus.AWAITING_FINAL_EVALUATION));

    private static final java.util.List<String> MILESTONE_TASKS = java.util.List.of(Tasks.REPORT_MILESTONE,
            Tasks.ACCEPT_MILESTONE, Tasks.APPROVE_PAYMENT);

    private final ProcurementMapper procurements;
    private final ChallengeMapper challenges;
    private final Evaluation evaluation;
    private final BidMapper bids;
    private final PurchaseStepDispatch steps;
    private final ShequClock clock;
    private final ContractMapper contracts;

    ProcurementTaskLifecycle(ProcurementMapper procurements, ChallengeMapper challenges, Evaluation evaluation, BidMapper bids,
                             PurchaseStepDispatch steps, ShequClock clock, ContractMapper contracts, TaskLifecycle.Support support) {
        super(support);
        this.contracts = contracts;
        this.procurements = procurements;
        this.challenges = challenges;
        this.evaluation = evaluation;
        this.bids = bids;
        this.steps = steps;
        this.clock = clock;
    }

    @Override
    protected Set<String> processVariables(DelegateTask task) {
        return Vars.SET_BY_PROCESS;
    }

    /** Members score side by side, and challenges are answered side by side. */
    @Override
    protected boolean declaresFormFields(DelegateTask task) {
        return Tasks.SCORE_BID.equals(task.getTaskDefinitionKey()) || Tasks.ANSWER_CHALLENGE.equals(task.getTaskDefinitionKey());
    }

    @Override
    protected String subjectCode(DelegateTask task) {
        return (String) task.getVariable(Vars.PROCUREMENT_CODE);
    }

    @Override
    protected Map<String, Object> refusalDetails(DelegateTask task) {
        return milestone(step(task).milestoneSeq());
    }

    @Override
    protected void created(DelegateTask task) {
        String code = subjectCode(task);
        ProcurementStatus status = STATUS_ON_CREATE.get(task.getTaskDefinitionKey());
        if (status != null) {
            procurements.setStatus(code, status.name(), clock.localNow());
        }
        if (Tasks.SCORE_BID.equals(task.getTaskDefinitionKey())) {
            long bidId = ((Number) task.getVariable(Vars.BID_ID)).longValue();
            evaluation.bindScoringTask(task.getId(), code, (String) task.getVariable(Vars.MEMBER), bidId);
            // the member sees which bid this task scores: in the task list (subjectName) and, read-only, in the form
            Bid bid = bids.bid(bidId).orElseThrow();
            task.setVariableLocal("bidder", bid.providerName());
            task.setVariableLocal("bidPrice", Money.format(bid.price()));
            task.setVariableLocal("bidProposal", bid.proposal());
        }
        if (Tasks.ANSWER_CHALLENGE.equals(task.getTaskDefinitionKey())) {
            Challenge challenge = challenges.untaken(code)
                    .orElseThrow(() -> new IllegalStateException("an answer task without a challenge on " + code));
            challenges.take(challenge.id(), task.getId());
        }
        index(task, code, null);
    }

    /**
     * "技术评分 · PS-2026-0003 … · the bidder scored" (the bidder, never the other members), or
     * "财政审批付款 · PS-2026-0003 … · 第1期 ¥12,000.00" for a contract milestone.
     */
    @Override
    protected String subjectName(DelegateTask task) {
        Procurement procurement = procurements.find(subjectCode(task)).orElse(null);
        if (procurement == null) {
            // a project's purchase before its requirement is stated (define-requirement): no purchase row yet
            return null;
        }
        String tail = null;
        if (Tasks.SCORE_BID.equals(task.getTaskDefinitionKey())) {
            tail = (String) task.getVariableLocal("bidder");
        } else if (step(task).milestoneSeq() != null && MILESTONE_TASKS.contains(task.getTaskDefinitionKey())) {
            tail = contracts.milestone(procurement.code(), step(task).milestoneSeq())
                    .map(m -> "第" + m.seq() + "期 " + cn.shequ.document.Amounts.yuan(m.amount())).orElse(null);
        }
        return cn.shequ.task.TaskNames.of(task.getName(), procurement.code(), procurement.title(), tail);
    }

    /** The step's decision: read only by the gateway right after its task (ADR 0061). */
    @Override
    protected Set<String> routedAtOnce() {
        return Set.of(Vars.DECISION);
    }

    @Override
    protected Map<String, Object> apply(DelegateTask task, CurrentUser actor) {
        return steps.complete(subjectCode(task), step(task), actor, task::getVariable);
    }

    private static PurchaseTask step(DelegateTask task) {
        return new PurchaseTask(task.getTaskDefinitionKey(), task.getId(), task.getProcessInstanceId(),
                name -> task.getExecution().getVariable(name));
    }
}

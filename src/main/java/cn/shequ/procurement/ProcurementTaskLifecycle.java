package cn.shequ.procurement;

import cn.shequ.audit.AuditActions;
import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.EngineTasks;
import cn.shequ.engine.ShequClock;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.procurement.PurchaseProcess.Vars;
import cn.shequ.task.WorkItems;
import cn.shequ.web.ApiException;
import cn.shequ.web.RefusalCapture;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Task listener on every user task of purchase-of-service: keeps the procurement status and the
 * task index in step with the engine, links each answer task to its challenge, and on completion
 * applies {@link ProcurementSteps} for the user the engine sees (API, /engine-rest and Tasklist
 * alike), writing every refusal to the audit log.
 */
@Component(PurchaseProcess.Beans.TASK_LIFECYCLE)
class ProcurementTaskLifecycle implements TaskListener {

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

    /**
     * The fields of each task's form (forms/&lt;task&gt;.form), declared task-local when the task is
     * created: what Tasklist submits through /engine-rest then stays with the task, as the API's fields
     * do, instead of landing in the process, where any reader of the instance (a bidder too) would see
     * the committee or a member's score and the next task's form would open filled with it.
     */
    static final Map<String, List<String>> FORM_FIELDS = Map.ofEntries(
            Map.entry(Tasks.DEFINE_REQUIREMENT, List.of("title", "termMonths", "termReason", "priceWeight", "method", "methodReason")),
            Map.entry(Tasks.APPROVE_METHOD, List.of(Vars.DECISION, "comment")),
            Map.entry(Tasks.PUBLISH_NOTICE, List.of(Vars.BID_DEADLINE, "bidDeposit")),
            Map.entry(Tasks.DECIDE_AFTER_FAILURE, List.of(Vars.DECISION, "method", "methodReason", "comment")),
            Map.entry(Tasks.FORM_COMMITTEE, List.of("members", "experts")),
            Map.entry(Tasks.SCORE_BID, List.of("technicalScore")),
            Map.entry(Tasks.ANSWER_CHALLENGE, List.of(Vars.DECISION, "answer")),
            Map.entry(Tasks.SIGN_CONTRACT, List.of("signedOn", "performanceBond", "milestones", ContractSteps.PAYMENT_TERM_DAYS,
                    ContractSteps.LATE_INTEREST_DAILY_RATE)),
            Map.entry(Tasks.PUBLISH_CONTRACT, List.of("confirmed")),
            Map.entry(Tasks.REPORT_MILESTONE, List.of("summary", "evidence")),
            Map.entry(Tasks.ACCEPT_MILESTONE, List.of(Vars.DECISION, "servedParticipants", "comment")),
            Map.entry(Tasks.APPROVE_PAYMENT, List.of(Vars.DECISION, "comment")),
            Map.entry(Tasks.FINAL_EVALUATION, List.of("respondents", "satisfied", "budgetExecution", "outputs", "outcomes",
                    "satisfaction")));

    private final ProcurementMapper procurements;
    private final ChallengeMapper challenges;
    private final Evaluation evaluation;
    private final ProcurementSteps steps;
    private final WorkItems workItems;
    private final EngineTasks tasks;
    private final CurrentUsers users;
    private final ShequClock clock;
    private final AuditLog audit;

    ProcurementTaskLifecycle(ProcurementMapper procurements, ChallengeMapper challenges, Evaluation evaluation,
                             ProcurementSteps steps,
                             WorkItems workItems, EngineTasks tasks, CurrentUsers users, ShequClock clock, AuditLog audit) {
        this.procurements = procurements;
        this.challenges = challenges;
        this.evaluation = evaluation;
        this.steps = steps;
        this.workItems = workItems;
        this.tasks = tasks;
        this.users = users;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public void notify(DelegateTask task) {
        String code = (String) task.getVariable(Vars.PROCUREMENT_CODE);
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> created(task, code);
            case EVENTNAME_ASSIGNMENT -> workItems.assigned(task.getId(), task.getAssignee());
            case EVENTNAME_COMPLETE -> {
                try {
                    completed(task, code);
                } catch (ApiException refusal) {
                    RefusalCapture.remember(refusal);
                    throw refusal;
                }
            }
            case EVENTNAME_DELETE -> workItems.closed(task.getId());
            default -> { }
        }
    }

    private void created(DelegateTask task, String code) {
        // a task reads its fields from its own variables or, from a Tasklist form, the process's: the decision
        // of an earlier task must not stand in for one this task was not sent
        task.getExecution().removeVariable(Vars.DECISION);
        FORM_FIELDS.getOrDefault(task.getTaskDefinitionKey(), List.of()).forEach(field -> task.setVariableLocal(field, null));
        ProcurementStatus status = STATUS_ON_CREATE.get(task.getTaskDefinitionKey());
        if (status != null) {
            procurements.setStatus(code, status.name(), clock.localNow());
        }
        if (Tasks.SCORE_BID.equals(task.getTaskDefinitionKey())) {
            evaluation.bindScoringTask(task.getId(), code, (String) task.getVariable(Vars.MEMBER),
                    ((Number) task.getVariable(Vars.BID_ID)).longValue());
        }
        if (Tasks.ANSWER_CHALLENGE.equals(task.getTaskDefinitionKey())) {
            Challenge challenge = challenges.untaken(code)
                    .orElseThrow(() -> new IllegalStateException("an answer task without a challenge on " + code));
            challenges.take(challenge.id(), task.getId());
        }
        List<String> groups = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).toList();
        workItems.opened(task.getId(), task.getTaskDefinitionKey(), task.getName(), code, null, groups,
                task.getAssignee(), task.getCreateTime(), task.getDueDate());
    }

    private void completed(DelegateTask task, String code) {
        String actorId = tasks.currentUserId().orElse(task.getAssignee());
        if (actorId == null) {
            throw ApiException.unauthenticated();
        }
        ProcurementSteps.Step step = new ProcurementSteps.Step(task.getTaskDefinitionKey(), task.getId(), task.getProcessInstanceId(),
                name -> task.getExecution().getVariable(name));
        Map<String, Object> routing;
        try {
            routing = steps.complete(code, step, users.load(actorId), task::getVariable);
        } catch (ApiException refused) {
            // every refusal by a business rule or segregation of duties is kept, although the completion rolls back
            audit.appendIndependently(AuditEvent.of(actorId, AuditActions.RULE_REFUSED).subject(code)
                    .task(task.getTaskDefinitionKey(), refused.code(), refused.getMessage())
                    .detail("status", refused.status().value()).detail("fields", refused.fields())
                    .detail("milestoneSeq", step.milestoneSeq()));
            throw refused;
        }
        routing.forEach((name, value) -> task.getExecution().setVariable(name, value));
        workItems.closed(task.getId());
    }
}

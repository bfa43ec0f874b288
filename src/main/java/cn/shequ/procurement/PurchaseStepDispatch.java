package cn.shequ.procurement;

import cn.shequ.audit.AuditActions;
import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.ShequClock;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.Groups;
import cn.shequ.procurement.PurchaseProcess.Vars;
import cn.shequ.task.StepHandler;
import cn.shequ.task.StepHandlers;
import cn.shequ.task.StepOutcome;
import cn.shequ.task.SubmittedFields;
import cn.shequ.task.TaskInput;
import cn.shequ.refusal.Refusal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Completing a purchase's user task, through the API or in Tasklist: finds the task's
 * {@link PurchaseStepHandler} by its key, checks who may do it, lets the handler read the fields and apply
 * the step, and records the completion (the procurement's record of actions and the audit log). What each
 * step does is in its handler, e.g. {@link cn.shequ.procurement.contract.SignContractStep}. Throws {@link Refusal} to refuse: the
 * completion rolls back, the task stays open.
 */
@Component
class PurchaseStepDispatch {

    private final StepHandlers<PurchaseStepHandler> handlers;
    private final ProcurementMapper procurements;
    private final ShequClock clock;
    private final AuditLog audit;

    PurchaseStepDispatch(List<PurchaseStepHandler> handlers, ProcurementMapper procurements, ShequClock clock, AuditLog audit) {
        this.handlers = new StepHandlers<>(PurchaseProcess.RESOURCE, handlers);
        this.procurements = procurements;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Completes {@code task} of procurement {@code code} for {@code actor}; {@code sent} reads what the user
     * submitted. Returns the process variables to set.
     */
    Map<String, Object> complete(String code, PurchaseTask task, CurrentUser actor, Function<String, Object> sent) {
        PurchaseStepHandler handler = handlers.of(task.taskKey());
        SubmittedFields fields = SubmittedFields.declaredBy(handler, sent);
        Procurement p = null;
        if (handler.onExistingProcurement()) {
            p = procurements.lock(code).orElseThrow(() -> Refusal.notFound("采购项目", code));
            requireActor(p, handler, task, actor);
        }
        StepOutcome outcome = handler.complete(new PurchaseStep(code, p, task, actor, fields, new TaskInput(fields),
                clock.localNow()));
        Map<String, Object> routing = new HashMap<>(outcome.routing());
        if (outcome.decision() != null) {
            routing.put(Vars.DECISION, outcome.decision());
        }
        recordCompletion(code, task, actor, outcome.decision(), outcome.comment(), fields.recorded());
        return routing;
    }

    /** Who did what: the procurement's own record of actions and the audit log. */
    private void recordCompletion(String code, PurchaseTask task, CurrentUser actor, String decision, String comment,
                                  Map<String, Object> submitted) {
        procurements.insertAction(code, task.taskKey(), task.milestoneSeq(), actor.userId(), decision,
                comment == null ? null : comment.substring(0, Math.min(comment.length(), StepHandler.COMMENT_MAX)),
                clock.localNow());
        audit.append(AuditEvent.of(actor.userId(), AuditActions.TASK_COMPLETED).subject(code)
                .task(task.taskKey(), decision, comment).details(submitted).detail("milestoneSeq", task.milestoneSeq()));
    }

    /**
     * Who may complete a step: finance its approvals (never the purchaser: segregation of duties), otherwise
     * the one user the step names (the purchaser their own procurement's steps, a member their own scores, the
     * winning provider its reports).
     */
    private static void requireActor(Procurement p, PurchaseStepHandler handler, PurchaseTask task, CurrentUser actor) {
        if (handler.byFinance()) {
            if (!actor.isIn(Groups.FINANCE)) {
                throw Refusal.forbidden("WRONG_GROUP", "此环节由财政部门办理 / this step belongs to finance");
            }
            if (actor.userId().equals(p.purchaserUser())) {
                throw Refusal.forbidden("SOD_PURCHASER", "职责分离：采购经办人不得审批本项目的采购方式或付款"
                        + " / the purchaser may not approve their own procurement's method or payments");
            }
            return;
        }
        String expected = handler.assignee(p, task);
        if (!actor.userId().equals(expected)) {
            throw Refusal.forbidden("NOT_ASSIGNED", "此环节由 " + expected + " 办理 / this step belongs to " + expected);
        }
    }
}

package cn.shequ.procurement;

import cn.shequ.task.StepHandler;

/**
 * One user task of the purchase-of-service process ({@link PurchaseProcess.Tasks}), one Spring bean each, named
 * after the task. Besides what the step does ({@link #complete}), a handler declares who does it: finance
 * ({@link #byFinance}, never the procurement's purchaser), or the one user {@link #assignee} names (the
 * purchaser unless said otherwise). {@link PurchaseStepDispatch} checks that before {@link #complete} runs and
 * records the completion after it.
 */
public interface PurchaseStepHandler extends StepHandler<PurchaseStep> {

    /** Whether finance does this step (never the procurement's own purchaser: segregation of duties). */
    default boolean byFinance() {
        return false;
    }

    /** The one user who does this step of procurement {@code p} (unless {@link #byFinance}): its purchaser by default. */
    default String assignee(Procurement p, PurchaseTask task) {
        return p.purchaserUser();
    }

    /**
     * Whether the step works on an existing procurement, locked and checked for who may act first; false for
     * the step that makes the procurement row (its own rules say who may).
     */
    default boolean onExistingProcurement() {
        return true;
    }
}

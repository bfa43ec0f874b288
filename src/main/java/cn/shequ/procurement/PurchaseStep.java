package cn.shequ.procurement;

import cn.shequ.identity.CurrentUser;
import cn.shequ.task.SubmittedFields;
import cn.shequ.task.TaskInput;
import java.time.LocalDateTime;

/**
 * One completion of a purchase's user task, as {@link PurchaseStepDispatch} hands it to the step's handler
 * once the actor may do it: the procurement's code and row (locked; null for define-requirement, which makes
 * it), the task, who completes it, the fields sent (read through {@code fields} or {@code input}, recorded for
 * the audit log) and the moment of the completion.
 */
public record PurchaseStep(String code, Procurement procurement, PurchaseTask task, CurrentUser actor, SubmittedFields fields,
                    TaskInput input, LocalDateTime now) {

    public Integer milestoneSeq() {
        return task.milestoneSeq();
    }
}

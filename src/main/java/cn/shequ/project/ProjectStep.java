package cn.shequ.project;

import cn.shequ.identity.CurrentUser;
import cn.shequ.task.SubmittedFields;
import cn.shequ.task.TaskInput;
import java.time.LocalDateTime;

/**
 * One completion of a service project's user task, as {@link ProjectStepDispatch} hands it to the step's
 * handler once the actor may do it: the project (locked), the milestone of a milestone step (else null),
 * who completes it, the fields sent (read through {@code fields} or {@code input}, recorded for the audit
 * log) and the moment of the completion.
 */
record ProjectStep(Project project, Integer milestoneSeq, CurrentUser actor, SubmittedFields fields, TaskInput input,
                   LocalDateTime now) {

    String code() {
        return project.code();
    }
}

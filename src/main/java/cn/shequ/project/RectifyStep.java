package cn.shequ.project;

import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.project.ServiceProjectProcess.Vars;
import cn.shequ.task.StepOutcome;
import cn.shequ.task.TaskInput;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * rectify: the committee reports how the audit's findings were rectified (kept as the step's comment in
 * the project's record of actions and the audit log); the audit then reviews again. The form's 备注
 * (comment), when given, is recorded in the step's audit entry beside the rectification.
 */
@Component
class RectifyStep implements ProjectStepHandler {

    @Override
    public String taskKey() {
        return Tasks.RECTIFY;
    }

    @Override
    public List<String> fields() {
        return List.of("rectification", Vars.COMMENT);
    }

    @Override
    public StepOutcome complete(ProjectStep step) {
        TaskInput input = step.input();
        String rectification = input.text("rectification", "整改情况", TEXT_MAX, true);
        input.text(Vars.COMMENT, "备注", COMMENT_MAX, false);
        input.refuseIfInvalid();
        return StepOutcome.decided(null, rectification);
    }
}

package cn.shequ.project;

import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.task.StepOutcome;
import cn.shequ.task.TaskInput;
import org.springframework.stereotype.Component;

/**
 * rectify: the committee reports how the audit's findings were rectified (kept as the step's comment in
 * the project's record of actions and the audit log); the audit then reviews again.
 */
@Component
class RectifyStep implements ProjectStepHandler {

    @Override
    public String taskKey() {
        return Tasks.RECTIFY;
    }

    @Override
    public StepOutcome complete(ProjectStep step) {
        TaskInput input = step.input();
        String rectification = input.text("rectification", "整改情况", TEXT_MAX, true);
        input.refuseIfInvalid();
        return StepOutcome.decided(null, rectification);
    }
}

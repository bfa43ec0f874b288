package cn.shequ.project;

import static cn.shequ.project.ServiceProjectProcess.Decision.APPROVE;
import static cn.shequ.project.ServiceProjectProcess.Decision.RETURN;

import cn.shequ.identity.Groups;
import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.project.ServiceProjectProcess.Vars;
import cn.shequ.task.StepOutcome;
import cn.shequ.task.TaskInput;
import org.springframework.stereotype.Component;

/**
 * approve-payment: finance approves an accepted milestone's payment (disbursed next by the process) or
 * returns it with an opinion. Never the milestone's reporter or acceptor, nor the proposer
 * ({@link DutySegregation}).
 */
@Component
class ApprovePaymentStep implements ProjectStepHandler {

    private final ProjectMapper projects;

    ApprovePaymentStep(ProjectMapper projects) {
        this.projects = projects;
    }

    @Override
    public String taskKey() {
        return Tasks.APPROVE_PAYMENT;
    }

    @Override
    public String group() {
        return Groups.FINANCE;
    }

    @Override
    public StepOutcome complete(ProjectStep step) {
        TaskInput input = step.input();
        String decision = input.choice(Vars.DECISION, "拨付意见", APPROVE, RETURN);
        String comment = input.text(Vars.COMMENT, "意见说明", COMMENT_MAX, RETURN.equals(decision));
        input.refuseIfInvalid();
        projects.approveMilestone(step.code(), step.milestoneSeq(), APPROVE.equals(decision) ? Milestone.APPROVED : Milestone.REPORTED,
                step.actor().userId(), step.now());
        return StepOutcome.decided(decision, comment);
    }
}

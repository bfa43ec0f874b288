package cn.shequ.project;

import cn.shequ.delivery.PaymentApproval;
import cn.shequ.identity.Groups;
import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.task.StepOutcome;
import java.util.List;
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
    public List<String> fields() {
        return PaymentApproval.FIELDS;
    }

    @Override
    public String group() {
        return Groups.FINANCE;
    }

    @Override
    public StepOutcome complete(ProjectStep step) {
        PaymentApproval approval = PaymentApproval.read(step.input(), PaymentApproval.Kind.DISBURSEMENT, COMMENT_MAX);
        projects.approveMilestone(step.code(), step.milestoneSeq(), approval.approved() ? Milestone.APPROVED : Milestone.REPORTED,
                step.actor().userId(), step.now());
        return StepOutcome.decided(approval.decision(), approval.comment());
    }
}

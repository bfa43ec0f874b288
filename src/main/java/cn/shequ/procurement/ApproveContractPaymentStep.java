package cn.shequ.procurement;

import static cn.shequ.procurement.PurchaseProcess.Decision.APPROVE;
import static cn.shequ.procurement.PurchaseProcess.Decision.RETURN;

import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.procurement.PurchaseProcess.Vars;
import cn.shequ.task.StepOutcome;
import cn.shequ.task.TaskInput;
import cn.shequ.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * approve-contract-payment: finance (never the purchaser, nor who reported or accepted the milestone)
 * approves an accepted milestone's payment, disbursed next by the process, or returns it with an opinion.
 */
@Component
class ApproveContractPaymentStep implements PurchaseStepHandler {

    private final ContractMapper contracts;

    ApproveContractPaymentStep(ContractMapper contracts) {
        this.contracts = contracts;
    }

    @Override
    public String taskKey() {
        return Tasks.APPROVE_PAYMENT;
    }

    @Override
    public boolean byFinance() {
        return true;
    }

    @Override
    public StepOutcome complete(PurchaseStep step) {
        String actor = step.actor().userId();
        ContractMilestone m = contracts.milestone(step.code(), step.milestoneSeq()).orElseThrow();
        if (actor.equals(m.reportedBy()) || actor.equals(m.acceptedBy())) {
            throw Refusal.forbidden("SOD_PAYMENT", "职责分离：审批付款的人不得是报告或验收该里程碑的人"
                    + " / the payment approver may not have reported or accepted that milestone");
        }
        TaskInput input = step.input();
        String decision = input.choice(Vars.DECISION, "付款意见", APPROVE, RETURN);
        String comment = input.text("comment", "意见说明", COMMENT_MAX, RETURN.equals(decision));
        input.refuseIfInvalid();
        contracts.approve(step.code(), step.milestoneSeq(), APPROVE.equals(decision) ? ContractMilestone.APPROVED : ContractMilestone.REPORTED,
                actor, step.now());
        return StepOutcome.decided(decision, comment);
    }
}

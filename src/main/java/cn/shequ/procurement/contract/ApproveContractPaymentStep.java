package cn.shequ.procurement.contract;

import cn.shequ.delivery.PaymentApproval;
import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.procurement.PurchaseStep;
import cn.shequ.procurement.PurchaseStepHandler;
import cn.shequ.task.StepOutcome;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * approve-contract-payment: finance (never the purchaser, nor who reported or accepted the milestone)
 * approves an accepted milestone's payment, disbursed next by the process, or returns it with an opinion.
 */
@Component
public class ApproveContractPaymentStep implements PurchaseStepHandler {

    private final ContractMapper contracts;

    ApproveContractPaymentStep(ContractMapper contracts) {
        this.contracts = contracts;
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
    public boolean byFinance() {
        return true;
    }

    @Override
    public StepOutcome complete(PurchaseStep step) {
        String actor = step.actor().userId();
        ContractMilestone m = contracts.milestone(step.code(), step.milestoneSeq()).orElseThrow();
        PaymentApproval.requireSegregation(actor, m.reportedBy(), m.acceptedBy(), PaymentApproval.Kind.CONTRACT_PAYMENT);
        PaymentApproval approval = PaymentApproval.read(step.input(), PaymentApproval.Kind.CONTRACT_PAYMENT, COMMENT_MAX);
        contracts.approve(step.code(), step.milestoneSeq(), approval.approved() ? ContractMilestone.APPROVED : ContractMilestone.REPORTED,
                actor, step.now());
        return StepOutcome.decided(approval.decision(), approval.comment());
    }
}

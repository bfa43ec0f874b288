package cn.shequ.procurement.contract;

import cn.shequ.delivery.MilestoneAcceptance;
import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.procurement.PurchaseStep;
import cn.shequ.procurement.PurchaseStepHandler;
import cn.shequ.task.StepOutcome;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * accept-contract-milestone: the purchaser accepts a reported milestone with the people served taking part
 * (条例 art. 45: how many), or returns it for rework with an opinion.
 */
@Component
class AcceptContractMilestoneStep implements PurchaseStepHandler {

    private final ContractMapper contracts;

    AcceptContractMilestoneStep(ContractMapper contracts) {
        this.contracts = contracts;
    }

    @Override
    public String taskKey() {
        return Tasks.ACCEPT_MILESTONE;
    }

    @Override
    public List<String> fields() {
        return MilestoneAcceptance.FIELDS;
    }

    @Override
    public StepOutcome complete(PurchaseStep step) {
        MilestoneAcceptance acceptance = MilestoneAcceptance.read(step.input(), COMMENT_MAX);
        contracts.accept(step.code(), step.milestoneSeq(), acceptance.accepted() ? ContractMilestone.ACCEPTED : ContractMilestone.PENDING,
                step.actor().userId(), step.now(), acceptance.servedParticipants());
        return StepOutcome.decided(acceptance.decision(), acceptance.comment());
    }
}

package cn.shequ.procurement;

import static cn.shequ.procurement.PurchaseProcess.Decision.APPROVE;
import static cn.shequ.procurement.PurchaseProcess.Decision.RETURN;

import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.procurement.PurchaseProcess.Vars;
import cn.shequ.task.StepOutcome;
import cn.shequ.task.TaskInput;
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
    public StepOutcome complete(PurchaseStep step) {
        TaskInput input = step.input();
        String decision = input.choice(Vars.DECISION, "验收结论", APPROVE, RETURN);
        String comment = input.text("comment", "验收意见", COMMENT_MAX, RETURN.equals(decision));
        Integer served = APPROVE.equals(decision)
                ? input.integer("servedParticipants", "参与验收的服务对象人数（条例第四十五条）", 1, 1_000_000) : null;
        input.refuseIfInvalid();
        contracts.accept(step.code(), step.milestoneSeq(), APPROVE.equals(decision) ? ContractMilestone.ACCEPTED : ContractMilestone.PENDING,
                step.actor().userId(), step.now(), served);
        return StepOutcome.decided(decision, comment);
    }
}

package cn.shequ.procurement.requirement;

import static cn.shequ.procurement.PurchaseProcess.Decision.APPROVE;
import static cn.shequ.procurement.PurchaseProcess.Decision.REJECT;

import cn.shequ.procurement.Procurement;
import cn.shequ.procurement.ProcurementMapper;
import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.procurement.PurchaseProcess.Vars;
import cn.shequ.procurement.PurchaseStep;
import cn.shequ.procurement.PurchaseStepHandler;
import cn.shequ.task.StepOutcome;
import cn.shequ.task.TaskInput;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * approve-method: finance (never the purchaser) approves or rejects the method asked for that needs its
 * approval (采购法 art. 27); approving a method a failed procurement switches to (采购法 arts. 30–31;
 * 财库〔2015〕124号) makes it the procurement's method.
 */
@Component
class ApproveMethodStep implements PurchaseStepHandler {

    private final ProcurementMapper procurements;

    ApproveMethodStep(ProcurementMapper procurements) {
        this.procurements = procurements;
    }

    @Override
    public String taskKey() {
        return Tasks.APPROVE_METHOD;
    }

    @Override
    public List<String> fields() {
        return List.of(Vars.DECISION, "comment");
    }

    @Override
    public boolean byFinance() {
        return true;
    }

    @Override
    public StepOutcome complete(PurchaseStep step) {
        TaskInput input = step.input();
        Procurement p = step.procurement();
        String decision = input.choice(Vars.DECISION, "审批意见", APPROVE, REJECT);
        String comment = input.text("comment", "意见说明", COMMENT_MAX, REJECT.equals(decision));
        input.refuseIfInvalid();
        if (APPROVE.equals(decision) && p.requestedMethod() != null
                && ProcurementRules.EXCEPTIONAL.contains(p.requestedMethod())) {
            procurements.setMethod(step.code(), p.requestedMethod(), p.methodReason(), true, step.now());
        }
        return StepOutcome.decided(decision, comment);
    }
}

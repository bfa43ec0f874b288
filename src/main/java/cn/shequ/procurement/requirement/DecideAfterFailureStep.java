package cn.shequ.procurement.requirement;

import static cn.shequ.procurement.PurchaseProcess.Decision.CANCEL;
import static cn.shequ.procurement.PurchaseProcess.Decision.RETENDER;
import static cn.shequ.procurement.PurchaseProcess.Decision.SWITCH_METHOD;

import cn.shequ.procurement.ProcurementMapper;
import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.procurement.PurchaseProcess.Vars;
import cn.shequ.procurement.PurchaseStep;
import cn.shequ.procurement.PurchaseStepHandler;
import cn.shequ.task.StepOutcome;
import cn.shequ.task.TaskInput;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * decide-after-failure: too few qualified bids (采购法 art. 36); the purchaser re-tenders, cancels (with a
 * reason), or asks to switch to a method a failed procurement may switch to (采购法 arts. 30–31; 财库〔2015〕124号),
 * with the reason (采购法 art. 27), which finance then approves.
 */
@Component
class DecideAfterFailureStep implements PurchaseStepHandler {

    private final ProcurementMapper procurements;

    DecideAfterFailureStep(ProcurementMapper procurements) {
        this.procurements = procurements;
    }

    @Override
    public String taskKey() {
        return Tasks.DECIDE_AFTER_FAILURE;
    }

    @Override
    public List<String> fields() {
        return List.of(Vars.DECISION, "comment", "method", "methodReason");
    }

    @Override
    public StepOutcome complete(PurchaseStep step) {
        TaskInput input = step.input();
        String decision = input.choice(Vars.DECISION, "处理方式", RETENDER, SWITCH_METHOD, CANCEL);
        String comment = input.text("comment", "说明", COMMENT_MAX, CANCEL.equals(decision));
        if (SWITCH_METHOD.equals(decision)) {
            String method = input.choice("method", "变更后的采购方式",
                    ProcurementRules.EXCEPTIONAL.stream().sorted().toArray(String[]::new));
            String reason = input.text("methodReason", "变更采购方式的理由（采购法第二十七条）", ProcurementRules.REASON_MAX, true);
            input.refuseIfInvalid();
            procurements.setRequestedMethod(step.code(), method, reason, step.now());
        }
        input.refuseIfInvalid();
        return new StepOutcome(decision, comment, Map.of(Vars.METHOD_SWITCH, SWITCH_METHOD.equals(decision)));
    }
}

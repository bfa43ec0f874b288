package cn.shequ.procurement;

import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.rules.PerformanceWeights;
import cn.shequ.task.StepOutcome;
import cn.shequ.task.TaskInput;
import org.springframework.stereotype.Component;

/**
 * final-evaluation: the purchaser records the satisfaction survey (respondents, satisfied) and the
 * performance scores of 财预〔2020〕10号 for the contract.
 */
@Component
class FinalEvaluationStep implements PurchaseStepHandler {

    private final ProcurementMapper procurements;
    private final PerformanceWeights weights;

    FinalEvaluationStep(ProcurementMapper procurements, PerformanceWeights weights) {
        this.procurements = procurements;
        this.weights = weights;
    }

    @Override
    public String taskKey() {
        return Tasks.FINAL_EVALUATION;
    }

    @Override
    public StepOutcome complete(PurchaseStep step) {
        TaskInput input = step.input();
        Integer respondents = input.integer("respondents", "调查人数", 1, 1_000_000);
        Integer satisfied = input.integer("satisfied", "满意人数", 0, 1_000_000);
        PerformanceWeights.Scores scores = weights.read(input);
        if (respondents != null && satisfied != null && satisfied > respondents) {
            input.problem("satisfied", "满意人数不得超过调查人数 / satisfied must not exceed respondents");
        }
        input.refuseIfInvalid();
        // 财预〔2020〕10号: the parts' points are shequ.performance.weights (10/50/30/10 by default)
        procurements.setEvaluation(step.code(), respondents, satisfied, scores.total(), scores.budgetExecution(),
                scores.outputs(), scores.outcomes(), scores.satisfaction(), step.now());
        return StepOutcome.none();
    }
}

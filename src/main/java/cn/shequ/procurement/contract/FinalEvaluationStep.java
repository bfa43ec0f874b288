package cn.shequ.procurement.contract;

import cn.shequ.delivery.FinalEvaluation;
import cn.shequ.procurement.ProcurementMapper;
import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.procurement.PurchaseStep;
import cn.shequ.procurement.PurchaseStepHandler;
import cn.shequ.rules.PerformanceWeights;
import cn.shequ.task.StepOutcome;
import java.util.List;
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
    public List<String> fields() {
        return FinalEvaluation.FIELDS;
    }

    @Override
    public StepOutcome complete(PurchaseStep step) {
        FinalEvaluation evaluation = FinalEvaluation.read(step.input(), weights);
        PerformanceWeights.Scores scores = evaluation.scores();
        procurements.setEvaluation(step.code(), evaluation.respondents(), evaluation.satisfied(), scores.total(),
                scores.budgetExecution(), scores.outputs(), scores.outcomes(), scores.satisfaction(), step.now());
        return StepOutcome.none();
    }
}

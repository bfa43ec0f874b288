package cn.shequ.project;

import cn.shequ.delivery.FinalEvaluation;
import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.rules.PerformanceWeights;
import cn.shequ.task.StepOutcome;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * final-acceptance: the committee records the satisfaction survey (respondents, satisfied) and the
 * performance scores of 财预〔2020〕10号; generates the acceptance report (PDF).
 */
@Component
class FinalAcceptanceStep implements ProjectStepHandler {

    private final ProjectMapper projects;
    private final ProjectDocuments documents;
    private final PerformanceWeights weights;

    FinalAcceptanceStep(ProjectMapper projects, ProjectDocuments documents, PerformanceWeights weights) {
        this.projects = projects;
        this.documents = documents;
        this.weights = weights;
    }

    @Override
    public String taskKey() {
        return Tasks.FINAL_ACCEPTANCE;
    }

    @Override
    public List<String> fields() {
        return FinalEvaluation.FIELDS;
    }

    @Override
    public StepOutcome complete(ProjectStep step) {
        FinalEvaluation evaluation = FinalEvaluation.read(step.input(), weights);
        PerformanceWeights.Scores scores = evaluation.scores();
        projects.setEvaluation(step.code(), evaluation.respondents(), evaluation.satisfied(), scores.total(),
                scores.budgetExecution(), scores.outputs(), scores.outcomes(), scores.satisfaction(), step.now());
        // the row locked for this step: the report prints none of what setEvaluation has just changed (its survey
        // figures come from the evaluation), so the project is not read again after that write (issue 16)
        documents.acceptanceReport(step.project(), evaluation.respondents(), evaluation.satisfied(), step.actor().userId());
        return StepOutcome.none();
    }
}

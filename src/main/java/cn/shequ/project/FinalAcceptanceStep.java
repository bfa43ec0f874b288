package cn.shequ.project;

import cn.shequ.delivery.FinalEvaluation;
import cn.shequ.delivery.PerformanceGrading;
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
    private final PerformanceGrading grading;

    FinalAcceptanceStep(ProjectMapper projects, ProjectDocuments documents, PerformanceWeights weights,
                        PerformanceGrading grading) {
        this.projects = projects;
        this.documents = documents;
        this.weights = weights;
        this.grading = grading;
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
        // the total's grade by performance-grade (DMN) written with the scores, so that settle-project, which follows
        // in this transaction, neither writes the row again nor makes the transaction read it once more (issue 16);
        // the total has at most two decimals (TaskInput.score), as the score column keeps it
        String grade = grading.grade(scores.total());
        projects.setEvaluation(step.code(), evaluation.respondents(), evaluation.satisfied(), scores.total(),
                scores.budgetExecution(), scores.outputs(), scores.outcomes(), scores.satisfaction(), grade, step.now());
        // the row locked for this step: the report prints none of what setEvaluation has just changed (its survey
        // figures come from the evaluation), so the project is not read again after that write (issue 16)
        documents.acceptanceReport(step.project(), evaluation.respondents(), evaluation.satisfied(), step.actor().userId());
        return StepOutcome.none();
    }
}

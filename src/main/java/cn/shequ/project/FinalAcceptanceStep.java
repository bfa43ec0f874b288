package cn.shequ.project;

import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.rules.PerformanceWeights;
import cn.shequ.task.StepOutcome;
import cn.shequ.task.TaskInput;
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
    public StepOutcome complete(ProjectStep step) {
        TaskInput input = step.input();
        Integer respondents = input.integer("respondents", "调查人数", 1, 1_000_000);
        Integer satisfied = input.integer("satisfied", "满意人数", 0, 1_000_000);
        PerformanceWeights.Scores scores = weights.read(input);
        if (respondents != null && satisfied != null && satisfied > respondents) {
            input.problem("satisfied", "满意人数不得超过调查人数 / satisfied must not exceed respondents");
        }
        input.refuseIfInvalid();
        // 财预〔2020〕10号: the parts' points are shequ.performance.weights (10/50/30/10 by default)
        projects.setEvaluation(step.code(), respondents, satisfied, scores.total(), scores.budgetExecution(), scores.outputs(),
                scores.outcomes(), scores.satisfaction(), step.now());
        documents.acceptanceReport(projects.find(step.code()).orElseThrow(), respondents, satisfied, step.actor().userId());
        return StepOutcome.none();
    }
}

package cn.shequ.project;

import static cn.shequ.project.ServiceProjectProcess.Decision.APPROVE;
import static cn.shequ.project.ServiceProjectProcess.Decision.REJECT;
import static cn.shequ.project.ServiceProjectProcess.Decision.RETURN;

import cn.shequ.project.ServiceProjectProcess.Vars;
import cn.shequ.task.StepOutcome;
import cn.shequ.task.TaskInput;
import java.util.List;

/**
 * What the three reviews of a proposal share ({@link StreetOfficeReviewStep}, {@link CivilAffairsReviewStep},
 * {@link FinanceReviewStep}): a decision APPROVE, RETURN or REJECT, an opinion required unless approved, and
 * the review opinion (PDF) for the file. A review's own effect of an approval is {@link #approved}.
 */
abstract class ReviewStep implements ProjectStepHandler {

    private final ProjectDocuments documents;

    ReviewStep(ProjectDocuments documents) {
        this.documents = documents;
    }

    @Override
    public List<String> fields() {
        return List.of(Vars.DECISION, Vars.COMMENT);
    }

    @Override
    public final StepOutcome complete(ProjectStep step) {
        TaskInput input = step.input();
        String decision = input.choice(Vars.DECISION, "审核意见", APPROVE, RETURN, REJECT);
        String comment = input.text(Vars.COMMENT, "意见说明", COMMENT_MAX, decision != null && !APPROVE.equals(decision));
        input.refuseIfInvalid();
        if (APPROVE.equals(decision)) {
            approved(step);
        }
        documents.reviewOpinion(step.project(), taskKey(), decision, comment, step.actor().userId());
        return StepOutcome.decided(decision, comment);
    }

    /** What this review's approval changes beyond the opinion; nothing unless the review says so. */
    protected void approved(ProjectStep step) {
    }
}

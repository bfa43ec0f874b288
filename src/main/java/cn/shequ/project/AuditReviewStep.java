package cn.shequ.project;

import static cn.shequ.project.ServiceProjectProcess.Decision.CLEAN;
import static cn.shequ.project.ServiceProjectProcess.Decision.FINDINGS;

import cn.shequ.identity.Groups;
import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.project.ServiceProjectProcess.Vars;
import cn.shequ.task.StepOutcome;
import cn.shequ.task.TaskInput;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * audit-review: an auditor who had no other part in the project ({@link DutySegregation}) concludes CLEAN or
 * FINDINGS (then the findings are required, and the committee rectifies); generates the audit report (PDF).
 */
@Component
class AuditReviewStep implements ProjectStepHandler {

    private final ProjectDocuments documents;

    AuditReviewStep(ProjectDocuments documents) {
        this.documents = documents;
    }

    @Override
    public String taskKey() {
        return Tasks.AUDIT_REVIEW;
    }

    @Override
    public List<String> fields() {
        return List.of(Vars.DECISION, "findings");
    }

    @Override
    public String group() {
        return Groups.AUDITOR;
    }

    @Override
    public StepOutcome complete(ProjectStep step) {
        TaskInput input = step.input();
        String decision = input.choice(Vars.DECISION, "审计结论", CLEAN, FINDINGS);
        String findings = input.text("findings", "审计发现", TEXT_MAX, FINDINGS.equals(decision));
        input.refuseIfInvalid();
        documents.auditReport(step.project(), decision, findings, step.actor().userId());
        return StepOutcome.decided(decision, findings);
    }
}

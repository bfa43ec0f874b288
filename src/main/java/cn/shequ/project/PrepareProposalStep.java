package cn.shequ.project;

import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.project.ServiceProjectProcess.Vars;
import cn.shequ.task.StepOutcome;
import cn.shequ.refusal.Refusal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * prepare-proposal: the author (a committee member of the community) submits the project report, with the
 * report's fields the form changed; the milestones must be payable. Generates the project report (PDF); the
 * process routes on the delivery mode and milestone count of the report as it stands, whatever a form sent.
 */
@Component
class PrepareProposalStep implements ProjectStepHandler {

    /**
     * The report's fields a completion may change, and how the report holds each: those of prepare-proposal's form,
     * and the amount, which only the API sends (the form leaves it to the proposal's page, with its milestones).
     */
    private static final Map<String, Function<Project, Object>> PROPOSAL_FIELDS = new LinkedHashMap<>();

    static {
        PROPOSAL_FIELDS.put("title", Project::title);
        PROPOSAL_FIELDS.put("category", Project::category);
        PROPOSAL_FIELDS.put("beneficiaries", Project::beneficiaries);
        PROPOSAL_FIELDS.put("description", Project::description);
        PROPOSAL_FIELDS.put("amount", Project::amount);
        PROPOSAL_FIELDS.put("fundCode", Project::fundCode);
        PROPOSAL_FIELDS.put("deliveryMode", Project::deliveryMode);
        PROPOSAL_FIELDS.put("plannedStart", Project::plannedStart);
        PROPOSAL_FIELDS.put("plannedEnd", Project::plannedEnd);
    }

    private final ProjectMapper projects;
    private final ProposalRevision proposals;
    private final ProjectDocuments documents;

    PrepareProposalStep(ProjectMapper projects, ProposalRevision proposals, ProjectDocuments documents) {
        this.projects = projects;
        this.proposals = proposals;
        this.documents = documents;
    }

    @Override
    public String taskKey() {
        return Tasks.PREPARE_PROPOSAL;
    }

    @Override
    public List<String> fields() {
        return List.copyOf(PROPOSAL_FIELDS.keySet());
    }

    @Override
    public StepOutcome complete(ProjectStep step) {
        Project project = step.project();
        String code = step.code();
        if (!step.actor().userId().equals(project.author())) {
            throw Refusal.forbidden("NOT_AUTHOR", "只有项目申报人可以提交项目报告书 / only the author submits");
        }
        Map<String, Object> edits = proposalEdits(project, step.fields());
        if (!edits.isEmpty()) {
            project = proposals.revise(code, edits, step.actor());
        }
        Map<String, String> unpayable = ProposalRules.storedMilestoneProblems(projects.milestones(code));
        if (!unpayable.isEmpty()) {
            throw Refusal.invalid(unpayable);
        }
        // the route follows the report as it stands, whatever a form sent
        Map<String, Object> routing = new HashMap<>();
        routing.put(Vars.DELIVERY_MODE, project.deliveryMode());
        routing.put(Vars.MILESTONE_COUNT, projects.milestones(code).size());
        documents.projectReport(project, step.actor().userId());
        return new StepOutcome("SUBMIT", null, routing);
    }

    /** The report's fields of prepare-proposal's form, for those filled in with another value than the report's. */
    private static Map<String, Object> proposalEdits(Project project, Function<String, Object> fields) {
        Map<String, Object> edits = new LinkedHashMap<>();
        PROPOSAL_FIELDS.forEach((field, stored) -> {
            Object sent = fields.apply(field);
            if (sent == null || sent.toString().isBlank() || same(stored.apply(project), sent)) {
                return;
            }
            edits.put(field, sent);
        });
        return edits;
    }

    private static boolean same(Object current, Object sent) {
        String text = sent.toString().trim();
        if (current instanceof BigDecimal amount) {
            try {
                return amount.compareTo(new BigDecimal(text)) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (current instanceof LocalDate date) {
            return text.startsWith(date.toString());
        }
        return String.valueOf(current).equals(text);
    }
}

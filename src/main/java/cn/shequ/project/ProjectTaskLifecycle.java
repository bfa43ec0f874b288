package cn.shequ.project;

import cn.shequ.audit.AuditActions;
import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.EngineTasks;
import cn.shequ.engine.ShequClock;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.project.ServiceProjectProcess.Vars;
import cn.shequ.task.WorkItems;
import cn.shequ.web.ApiException;
import cn.shequ.web.RefusalCapture;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Task listener on every user task of service-project: keeps the project status and the task
 * index in step with the engine, and on completion applies {@link ProjectSteps} for the user the
 * engine sees (API, /engine-rest and Tasklist alike).
 */
@Component(ServiceProjectProcess.Beans.TASK_LIFECYCLE)
class ProjectTaskLifecycle implements TaskListener {

    private static final Map<String, ProjectStatus> STATUS_ON_CREATE = Map.ofEntries(
            Map.entry(Tasks.RECORD_RESIDENT_MEETING, ProjectStatus.AWAITING_MEETING),
            Map.entry(Tasks.STREET_OFFICE_REVIEW, ProjectStatus.IN_REVIEW),
            Map.entry(Tasks.CIVIL_AFFAIRS_REVIEW, ProjectStatus.IN_REVIEW),
            Map.entry(Tasks.FINANCE_REVIEW, ProjectStatus.AWAITING_FINANCE),
            Map.entry(Tasks.REPORT_MILESTONE, ProjectStatus.IN_DELIVERY),
            Map.entry(Tasks.ACCEPT_MILESTONE, ProjectStatus.IN_DELIVERY),
            Map.entry(Tasks.APPROVE_PAYMENT, ProjectStatus.IN_DELIVERY),
            Map.entry(Tasks.FINAL_ACCEPTANCE, ProjectStatus.AWAITING_FINAL_ACCEPTANCE),
            Map.entry(Tasks.AUDIT_REVIEW, ProjectStatus.IN_AUDIT),
            Map.entry(Tasks.RECTIFY, ProjectStatus.RECTIFYING));

    /** The fields of every step's form; routing variables (meetingOutcome, mayReconvene) are not among them. */
    static final List<String> STALE_INPUTS = List.of(Vars.DECISION, Vars.COMMENT, "kind", "mode", "eligible", "present",
            "yes", "no", "abstain", "heldOn", "minutes", "summary", "evidence", "servedParticipants", "respondents",
            "satisfied", "budgetExecution", "outputs", "outcomes", "satisfaction", "findings", "rectification");

    private final ProjectMapper projects;
    private final ProjectActionMapper actions;
    private final ProjectSteps steps;
    private final WorkItems workItems;
    private final EngineTasks tasks;
    private final CurrentUsers users;
    private final ShequClock clock;
    private final AuditLog audit;

    ProjectTaskLifecycle(ProjectMapper projects, ProjectActionMapper actions, ProjectSteps steps, WorkItems workItems,
                         EngineTasks tasks, CurrentUsers users, ShequClock clock, AuditLog audit) {
        this.projects = projects;
        this.actions = actions;
        this.steps = steps;
        this.workItems = workItems;
        this.tasks = tasks;
        this.users = users;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public void notify(DelegateTask task) {
        String code = (String) task.getVariable(Vars.PROJECT_CODE);
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> created(task, code);
            case EVENTNAME_ASSIGNMENT -> workItems.assigned(task.getId(), task.getAssignee());
            case EVENTNAME_COMPLETE -> {
                try {
                    completed(task, code);
                } catch (ApiException refusal) {
                    RefusalCapture.remember(refusal);
                    throw refusal;
                }
            }
            case EVENTNAME_DELETE -> workItems.closed(task.getId());
            default -> { }
        }
    }

    private void created(DelegateTask task, String code) {
        // what a Tasklist form submitted for an earlier task stays in the process: never let a new task read it
        STALE_INPUTS.forEach(name -> task.getExecution().removeVariable(name));
        Project project = projects.find(code).orElseThrow();
        ProjectStatus status = STATUS_ON_CREATE.get(task.getTaskDefinitionKey());
        if (Tasks.PREPARE_PROPOSAL.equals(task.getTaskDefinitionKey())) {
            boolean submittedBefore = actions.taskKeysDoneBy(code, project.author()).contains(Tasks.PREPARE_PROPOSAL);
            status = submittedBefore ? ProjectStatus.RETURNED : ProjectStatus.DRAFT;
        }
        if (status != null) {
            projects.setStatus(code, status.name(), clock.localNow());
        }
        if (Tasks.REPORT_MILESTONE.equals(task.getTaskDefinitionKey())) {
            // bought from a provider: the contracted provider's user reports, and no other provider sees the task
            String supplier = projects.supplierOf(code);
            if (supplier != null) {
                task.setAssignee(supplier);
            }
        }
        List<String> groups = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).toList();
        workItems.opened(task.getId(), task.getTaskDefinitionKey(), task.getName(), code, project.communityCode(), groups,
                task.getAssignee(), task.getCreateTime(), task.getDueDate());
    }

    private void completed(DelegateTask task, String code) {
        String actorId = tasks.currentUserId().orElse(task.getAssignee());
        if (actorId == null) {
            throw ApiException.unauthenticated();
        }
        Integer milestoneSeq = task.getVariable(Vars.MILESTONE_SEQ) instanceof Number n ? n.intValue() : null;
        Map<String, Object> routing;
        try {
            routing = steps.complete(code, task.getTaskDefinitionKey(), milestoneSeq, users.load(actorId), task::getVariable);
        } catch (ApiException refused) {
            // every refusal by a business rule or segregation of duties is kept, although the completion rolls back
            audit.appendIndependently(AuditEvent.of(actorId, AuditActions.RULE_REFUSED).subject(code)
                    .task(task.getTaskDefinitionKey(), refused.code(), refused.getMessage())
                    .detail("status", refused.status().value()).detail("fields", refused.fields())
                    .detail("milestoneSeq", milestoneSeq));
            throw refused;
        }
        routing.forEach((name, value) -> task.getExecution().setVariable(name, value));
        workItems.closed(task.getId());
    }
}

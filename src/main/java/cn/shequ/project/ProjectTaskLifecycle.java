package cn.shequ.project;

import cn.shequ.engine.EngineTasks;
import cn.shequ.engine.ShequClock;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.Groups;
import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.project.ServiceProjectProcess.Vars;
import cn.shequ.task.TaskLifecycle;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Task listener on every user task of service-project: keeps the project status and the task
 * index in step with the engine, and on completion dispatches to the step's handler ({@link ProjectStepDispatch},
 * one {@link ProjectStepHandler} per task key) for the user the engine sees (API, /engine-rest and Tasklist alike).
 */
@Component(ServiceProjectProcess.Beans.TASK_LIFECYCLE)
class ProjectTaskLifecycle extends TaskLifecycle {

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

    private final ProjectMapper projects;
    private final ProjectActionMapper actions;
    private final ProjectStepDispatch steps;
    private final ShequClock clock;
    private final ProjectDossier dossiers;
    /**
     * What a Tasklist form or /engine-rest may have left in the process from an earlier step, cleared when a task
     * starts: {@link #staleInputs} of the fields the steps declare, derived, never typed (ADR 0057).
     */
    private final Set<String> staleInputs;

    ProjectTaskLifecycle(ProjectMapper projects, ProjectActionMapper actions, ProjectStepDispatch steps, ShequClock clock,
                         ProjectDossier dossiers, TaskLifecycle.Support support) {
        super(support);
        this.dossiers = dossiers;
        this.projects = projects;
        this.actions = actions;
        this.steps = steps;
        this.clock = clock;
        this.staleInputs = staleInputs(steps.fields());
    }

    /**
     * The fields of every step ({@link ProjectStepHandler#fields}, the keys of its form and what the API sends
     * besides) but the process's own variables (deliveryMode and the like, which the process routes on): the inputs
     * a completed step leaves in the process that the next task must not inherit.
     */
    static Set<String> staleInputs(Set<String> fieldsOfTheSteps) {
        Set<String> stale = new TreeSet<>(fieldsOfTheSteps);
        stale.removeAll(Vars.SET_BY_PROCESS);
        return Set.copyOf(stale);
    }

    @Override
    protected Set<String> processVariables(DelegateTask task) {
        if (!Tasks.PREPARE_PROPOSAL.equals(task.getTaskDefinitionKey())) {
            return Vars.SET_BY_PROCESS;
        }
        Set<String> names = new HashSet<>(Vars.SET_BY_PROCESS);
        names.removeAll(Vars.SET_BY_PROPOSAL);
        return names;
    }

    @Override
    protected boolean isAuditTask(DelegateTask task) {
        return ServiceProjectProcess.Tasks.AUDIT_REVIEW.equals(task.getTaskDefinitionKey());
    }

    @Override
    protected String subjectCode(DelegateTask task) {
        return (String) task.getVariable(Vars.PROJECT_CODE);
    }

    @Override
    protected Map<String, Object> refusalDetails(DelegateTask task) {
        return milestone(milestoneSeq(task));
    }

    private static Integer milestoneSeq(DelegateTask task) {
        return task.getVariable(Vars.MILESTONE_SEQ) instanceof Number n ? n.intValue() : null;
    }

    @Override
    protected void created(DelegateTask task) {
        String code = subjectCode(task);
        // what a Tasklist form submitted for an earlier task stays in the process: never let a new task read it
        staleInputs.forEach(name -> task.getExecution().removeVariable(name));
        ProjectHead project = ProjectHead.find(projects, code).orElseThrow();
        ProjectStatus status = STATUS_ON_CREATE.get(task.getTaskDefinitionKey());
        // the first task of a process that is starting: ProjectService.create sets the process instance on the row once
        // the start returns
        boolean starting = project.processInstanceId() == null;
        if (Tasks.PREPARE_PROPOSAL.equals(task.getTaskDefinitionKey())) {
            // a process that is starting has submitted nothing
            boolean submittedBefore = !starting
                    && actions.taskKeysDoneBy(code, project.author()).contains(Tasks.PREPARE_PROPOSAL);
            status = submittedBefore ? ProjectStatus.RETURNED : ProjectStatus.DRAFT;
        }
        // bought from a provider: the step is assigned to the one contract party who does it (no other provider sees it)
        String contractParty = steps.contractParty(code, task.getTaskDefinitionKey());
        if (contractParty != null) {
            task.setAssignee(contractParty);
        }
        index(task, code, project.communityCode());
        // in the engine (Tasklist), a committee's task is offered to its own community's committee only: the model names
        // that group (CommitteeGroupOfProject, ADR 0065); a task of an earlier version of the model, offered to every
        // committee, is offered to its community's committee instead
        if (project.communityCode() != null && task.getCandidates().stream()
                .anyMatch(link -> Groups.COMMITTEE.equals(link.getGroupId()) && IdentityLinkType.CANDIDATE.equals(link.getType()))) {
            EngineTasks.offerNewTaskInstead(task, Groups.COMMITTEE, Groups.communityCommittee(project.communityCode()));
        }
        // the status last: the task's name and dossier (index) read the project row read above, which a write of
        // the project would make the transaction read again (ReadOnce, ADR 0053); neither shows the status
        // the first task of a process that is starting, on the row inserted in this transaction with this status: nothing
        // to write, its updated_at stays its creation time; a status written again on a row changed since still moves it
        // (ADR 0064)
        boolean asInserted = status != null && starting && status.name().equals(project.status());
        if (status != null && !asInserted) {
            projects.setStatus(code, status.name(), clock.localNow());
        }
    }

    @Override
    protected void checkClaim(DelegateTask task, CurrentUser actor) {
        if (task.getProcessDefinitionId() == null || !task.getProcessDefinitionId().startsWith(ServiceProjectProcess.PROCESS_ID + ":")) {
            return;
        }
        steps.checkClaim(subjectCode(task), task.getTaskDefinitionKey(), milestoneSeq(task), actor);
    }

    @Override
    protected String subjectName(DelegateTask task) {
        return dossiers.name(task.getName(), ProjectHead.find(projects, subjectCode(task)).orElseThrow(), task.getTaskDefinitionKey(),
                milestoneSeq(task));
    }

    @Override
    protected String dossier(DelegateTask task) {
        return dossiers.dossier(projects.find(subjectCode(task)).orElseThrow(), task.getTaskDefinitionKey(),
                milestoneSeq(task), Boolean.TRUE.equals(task.getVariable(Vars.CIVIL_AFFAIRS_REVIEW)));
    }

    /** prepare-proposal opens with the proposal as it stands; what the author leaves unchanged stays. */
    @Override
    protected Map<String, Object> prefill(DelegateTask task) {
        if (!Tasks.PREPARE_PROPOSAL.equals(task.getTaskDefinitionKey())) {
            return Map.of();
        }
        return dossiers.proposal(projects.find(subjectCode(task)).orElseThrow());
    }

    /** The step's decision: read only by the gateway right after its task (ADR 0061). */
    @Override
    protected Set<String> routedAtOnce() {
        return Set.of(Vars.DECISION);
    }

    @Override
    protected Map<String, Object> apply(DelegateTask task, CurrentUser actor) {
        return steps.complete(subjectCode(task), task.getTaskDefinitionKey(), milestoneSeq(task), actor, task::getVariable);
    }
}

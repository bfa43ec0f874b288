package cn.shequ.project;

import cn.shequ.audit.AuditActions;
import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.ShequClock;
import cn.shequ.identity.Communities;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.Groups;
import cn.shequ.project.ServiceProjectProcess.Vars;
import cn.shequ.refusal.Refusal;
import cn.shequ.task.StepHandlers;
import cn.shequ.task.StepOutcome;
import cn.shequ.task.SubmittedFields;
import cn.shequ.task.TaskInput;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Completing a service project's user task, whether through the API or in Tasklist: finds the task's
 * {@link ProjectStepHandler} by its key, checks who may do it (jurisdiction, then segregation of duties),
 * lets the handler read the fields and apply the step, and records the completion (the project's record of
 * actions and the audit log). What each step does is in its handler, e.g. {@link FinanceReviewStep}.
 * Throws {@link Refusal} to refuse: the engine rolls the completion back and the task stays open.
 */
@Component
class ProjectStepDispatch {

    private final StepHandlers<ProjectStepHandler> handlers;
    private final ProjectMapper projects;
    private final ProjectActionMapper actions;
    private final DutySegregation duties;
    private final Communities communities;
    private final ShequClock clock;
    private final AuditLog audit;

    ProjectStepDispatch(List<ProjectStepHandler> handlers, ProjectMapper projects, ProjectActionMapper actions,
                        DutySegregation duties, Communities communities, ShequClock clock, AuditLog audit) {
        this.handlers = new StepHandlers<>(ServiceProjectProcess.RESOURCE, handlers);
        this.projects = projects;
        this.actions = actions;
        this.duties = duties;
        this.communities = communities;
        this.clock = clock;
        this.audit = audit;
    }

    /** The fields every step of service-project takes (ProjectStepHandler#fields). */
    Set<String> fields() {
        return handlers.fields();
    }

    /**
     * What a claim of {@code taskKey} by {@code actor} can be refused for before anything is submitted: the
     * step's jurisdiction (community, street, contract party) and the segregation of duties known in advance
     * (the proposer, an earlier review, the milestone's reporter or acceptor, an auditor's other tasks).
     */
    void checkClaim(String code, String taskKey, Integer milestoneSeq, CurrentUser actor) {
        Project project = projects.find(code).orElse(null);
        if (project == null) {
            return;
        }
        Milestone milestone = milestoneSeq == null ? null : projects.milestone(code, milestoneSeq).orElse(null);
        requireJurisdiction(project, handlers.of(taskKey), actor);
        duties.check(project, taskKey, actor.userId(), milestone);
    }

    /**
     * Completes {@code taskKey} of project {@code code} for {@code actor}; {@code sent} reads what the user
     * submitted. Returns the process variables to set (decision, meeting outcome, route).
     */
    Map<String, Object> complete(String code, String taskKey, Integer milestoneSeq, CurrentUser actor,
                                 Function<String, Object> sent) {
        Project project = projects.lock(code).orElseThrow(() -> Refusal.notFound("项目", code));
        // under the lock as the project: the step records it, and the next task's name reads it after (ADR 0070)
        Milestone milestone = milestoneSeq == null ? null : projects.lockMilestone(code, milestoneSeq).orElse(null);
        ProjectStepHandler handler = handlers.of(taskKey);
        requireJurisdiction(project, handler, actor);
        duties.check(project, taskKey, actor.userId(), milestone);
        SubmittedFields fields = SubmittedFields.declaredBy(handler, sent);
        LocalDateTime now = clock.localNow();
        StepOutcome outcome = handler.complete(new ProjectStep(project, milestoneSeq, actor, fields, new TaskInput(fields), now));
        Map<String, Object> routing = new HashMap<>(outcome.routing());
        // a meeting routes on its outcome, which is its decision too
        if (outcome.decision() != null && !routing.containsKey(Vars.MEETING_OUTCOME)) {
            routing.put(Vars.DECISION, outcome.decision());
        }
        actions.insert(code, taskKey, milestoneSeq, actor.userId(), outcome.decision(), outcome.comment(), now);
        audit.append(AuditEvent.of(actor.userId(), AuditActions.TASK_COMPLETED).subject(code)
                .task(taskKey, outcome.decision(), outcome.comment()).details(fields.recorded())
                .detail("milestoneSeq", milestoneSeq));
        return routing;
    }

    /**
     * Who alone does a step of project {@code code} (a milestone step of a project delivered by purchase of
     * services: {@link ProjectStepHandler#contractParty}); null for other steps and other projects.
     */
    String contractParty(String code, String taskKey) {
        return handlers.of(taskKey).contractParty(code);
    }

    /** Who may act on a step: its contract party, or the group of the step and the project's community or street. */
    private void requireJurisdiction(Project project, ProjectStepHandler handler, CurrentUser actor) {
        String party = handler.contractParty(project.code());
        if (party != null) {
            if (!actor.userId().equals(party)) {
                throw handler.notTheContractParty(party);
            }
            return;
        }
        String group = handler.group();
        if (!actor.isIn(group)) {
            throw Refusal.forbidden("WRONG_GROUP", "此环节由 " + Groups.BUSINESS.get(group) + " 办理 / this step belongs to " + group);
        }
        if (Groups.COMMITTEE.equals(group)) {
            ProposalChecks.requireCommittee(actor, project.communityCode());
        }
        if (Groups.STREET_OFFICE.equals(group)) {
            String street = communities.find(project.communityCode()).map(c -> c.streetCode()).orElse(null);
            if (street == null || !street.equals(actor.streetCode())) {
                throw Refusal.forbidden("OTHER_STREET", "只能审核本街道辖区内社区的项目 / only projects of your own street office");
            }
        }
    }
}

package cn.shequ.task;

import cn.shequ.audit.AuditActions;
import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.EngineTasks;
import cn.shequ.engine.NewTasks;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.refusal.Refusal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * What the task listener of every process does alike (events create, assignment, complete,
 * delete on every user task): the task index follows the engine, and a completion applies the
 * process's rules for the user the engine sees — the API, /engine-rest and Tasklist alike. A
 * refusal rolls the completion back and answers with its 4xx (kept for Tasklist's own API by
 * {@link RememberedRefusals}), and is written to the audit log in a transaction of its own, so who
 * tried what and which rule said no stays on record.
 *
 * <p>Each task's form fields (forms/&lt;task&gt;.form) end with the task: what Tasklist or
 * /engine-rest submits lands in the process instance, and is moved onto the task when it is
 * completed, as the API's fields are written there — so no reader of the instance sees it
 * afterwards (a bidder the committee, say) and no later form opens filled with it. Tasks that
 * several people complete side by side ({@link #declaresFormFields}) declare them on the task
 * from the start, so their submissions never meet in the process.
 *
 * <p>The process's own variables ({@link #processVariables}: routing, loop counters, who and what a task is about)
 * are recorded with the task's index rows when the engine creates it; a completion that submits or changed any of
 * them (through /engine-rest and Tasklist too) is refused, naming them ({@link TaskGuards}, ADR 0059).
 */
public abstract class TaskLifecycle implements TaskListener {

    /**
     * The name under which a task's form shows its dossier ({@code {{dossier}}} in a text view of
     * forms/&lt;task&gt;.form): a short Markdown summary of the subject, computed from Shequ's tables
     * when the form is read ({@link TaskDossiers}, ADR 0058), not stored on the task. Not a form
     * field: nobody submits it, no rule reads it.
     */
    public static final String DOSSIER = "dossier";
    /** The task {@link #index} indexed last on this thread, checked when the engine's create event is done. */
    private static final ThreadLocal<String> INDEXED = new ThreadLocal<>();
    /** The task just indexed with its assignee, whose assignment event follows its creation at once. */
    private static final ThreadLocal<String> INDEXED_WITH_ASSIGNEE = new ThreadLocal<>();

    private final Support support;

    protected TaskLifecycle(Support support) {
        this.support = support;
    }

    /** What every task listener works with: the task index, the engine's tasks, users, the audit log. */
    @Component
    public record Support(WorkItems workItems, EngineTasks tasks, CurrentUsers users, AuditLog audit, TaskGuards guards,
                          FormFields formFields) {
    }

    @Override
    public final void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                NewTasks.withoutStoredVariables(task);
                support.formFields().declare(task, declaresFormFields(task));
                // a decision a completion through the engine's API left stored in the process is not the next task's
                routedAtOnce().forEach(task.getExecution()::removeVariable);
                try {
                    created(task);
                    if (!task.getId().equals(INDEXED.get())) { // the guard is written with the index row (ADR 0059)
                        throw new IllegalStateException(getClass().getSimpleName() + " did not index task " + task.getId());
                    }
                } finally {
                    INDEXED.remove();
                }
            }
            // a claim through Tasklist (one that completes through Shequ's API fires no assignment event, ADR 0063); a
            // task created with its assignee (the author's proposal, a contract party's step) is indexed with it already
            case EVENTNAME_ASSIGNMENT -> {
                String indexedWith = INDEXED_WITH_ASSIGNEE.get();
                INDEXED_WITH_ASSIGNEE.remove();
                if (!(task.getId() + " " + task.getAssignee()).equals(indexedWith)) {
                    support.workItems().assigned(task.getId(), task.getAssignee());
                }
            }
            case EVENTNAME_COMPLETE -> {
                try {
                    completed(task);
                } catch (Refusal refusal) {
                    RememberedRefusals.remember(refusal);
                    throw refusal;
                }
            }
            case EVENTNAME_DELETE -> support.workItems().closed(task.getId()); // and the guard its rows carry
            default -> { }
        }
    }

    /** The engine created {@code task}: the subject's status, and {@link #index} it for the task list. */
    protected abstract void created(DelegateTask task);

    /**
     * Applies the rules of {@code task}'s step for {@code actor}; returns the variables the process
     * routes on. Throws {@link Refusal} to refuse: the completion rolls back, the task stays open.
     */
    protected abstract Map<String, Object> apply(DelegateTask task, CurrentUser actor);

    /** The variables of {@code task}'s process that it sets itself and nobody may submit or change while the task is open. */
    protected abstract Set<String> processVariables(DelegateTask task);

    /**
     * The routing variables that only the gateway right after the task reads (the step's decision): set as
     * transient values, never stored (ADR 0061); the rest of {@link #apply}'s routing is stored.
     */
    protected Set<String> routedAtOnce() {
        return Set.of();
    }

    /** The code of what the task is about (project, procurement, provider): the audit entries' subject. */
    protected abstract String subjectCode(DelegateTask task);

    /**
     * Whether {@code task} is an audit task: the only tasks a user in the auditor group completes, whatever
     * other group they are in (DOMAIN-RULES "Segregation of duties").
     */
    protected boolean isAuditTask(DelegateTask task) {
        return false;
    }

    /**
     * Refuses (throws {@link Refusal}) a claim of {@code task} by {@code actor} that the step's rules would
     * refuse at completion whatever is submitted (jurisdiction, segregation of duties known in advance).
     * Called for every task of every process: each lifecycle checks the tasks of its own process.
     */
    protected void checkClaim(DelegateTask task, CurrentUser actor) {
    }

    /** Details a refusal of {@code task} records besides the rule and the fields (e.g. the milestone). */
    protected Map<String, Object> refusalDetails(DelegateTask task) {
        return Map.of();
    }

    /**
     * What {@code task} is about, as its name shows it after the step's own name: a {@link TaskNames}
     * name, e.g. {@code TaskNames.of(task.getName(), code, title, "第1期 ¥12,000.00")}; null keeps the
     * step's name. Nothing in it may be hidden from anyone the task is offered to.
     */
    protected String subjectName(DelegateTask task) {
        return null;
    }

    /**
     * The Markdown dossier {@code task}'s form shows ({@link #DOSSIER}), as the subject stands when the
     * form is read; null: none. Called inside the engine's command that reads the form's variables.
     */
    protected String dossier(DelegateTask task) {
        return null;
    }

    /**
     * The values {@code task}'s form opens with (the stored record a form revises), computed when the form is
     * read ({@link TaskDossiers}, ADR 0061), not stored on the task; a value sent with the completion replaces them.
     */
    protected Map<String, Object> prefill(DelegateTask task) {
        return Map.of();
    }

    /**
     * Indexes {@code task} for the task list under {@code subjectCode} (and a community, for committee
     * tasks), named after its subject, with the values its form opens with (its dossier is computed when
     * the form is read: {@link TaskDossiers}).
     */
    protected void index(DelegateTask task, String subjectCode, String communityCode) {
        String name = subjectName(task);
        if (name != null) {
            task.setName(name);
        }
        // a community's committee group, which the engine offers the task to (Tasklist), is indexed as the committee with
        // the community: what /api's task list and TaskCompletion ask for (ADR 0006, 0065)
        List<String> groups = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> Groups.isCommunityCommittee(link.getGroupId()) ? Groups.COMMITTEE : link.getGroupId())
                .distinct().toList();
        // the process's own variables as they stand now, after the lifecycle's changes at creation: the guard
        support.workItems().opened(task.getId(), task.getTaskDefinitionKey(), task.getName(), subjectCode, communityCode, groups,
                task.getAssignee(), task.getCreateTime(), task.getDueDate(), support.guards().of(task, processVariables(task)));
        INDEXED.set(task.getId());
        INDEXED_WITH_ASSIGNEE.set(task.getAssignee() == null ? null : task.getId() + " " + task.getAssignee());
    }

    /** The milestone of a task inside a milestone loop, as a refusal detail. */
    protected static Map<String, Object> milestone(Integer milestoneSeq) {
        Map<String, Object> details = new HashMap<>();
        details.put("milestoneSeq", milestoneSeq);
        return details;
    }

    private void completed(DelegateTask task) {
        String actorId = support.tasks().currentUserId().orElse(task.getAssignee());
        if (actorId == null) {
            throw Refusal.unauthenticated();
        }
        Map<String, Object> routing;
        Set<String> sentToTheProcess;
        try {
            CurrentUser actor = support.users().load(actorId);
            if (actor.isIn(Groups.AUDITOR) && !isAuditTask(task)) {
                // an auditor also in finance (say) approves no payment: auditors change nothing but their audit tasks
                throw Refusal.forbidden("SOD_AUDITOR_ONLY", "职责分离：审计人员除审计任务外不办理任何业务，即使同时属于其他用户组"
                        + "（行政事业单位内部控制规范第十二条，不相容岗位相互分离）/ segregation of duties: a user in the auditor "
                        + "group completes no task but audit tasks, whatever other group they are in");
            }
            // a task created before ADR 0061 holds its prefilled values as variables, which a form's values replace
            sentToTheProcess = support.formFields().takeSentToTheProcess(task, FormFields.holdsStored(task) ? prefill(task).keySet() : Set.of());
            support.guards().requireUntouched(task, processVariables(task));
            routing = apply(task, actor);
        } catch (Refusal refused) {
            // every refusal by a business rule or segregation of duties is kept, although the completion rolls back
            AuditEvent event = AuditEvent.of(actorId, AuditActions.RULE_REFUSED).subject(subjectCode(task))
                    .task(task.getTaskDefinitionKey(), refused.code(), AuditEvent.refusalComment(refused.getMessage()))
                    .detail("status", refused.kind().number()).detail("fields", refused.fields());
            for (Map.Entry<String, Object> detail : refusalDetails(task).entrySet()) {
                event = event.detail(detail.getKey(), detail.getValue());
            }
            support.audit().appendIndependently(event);
            throw refused;
        }
        Set<String> atOnce = new HashSet<>(routedAtOnce());
        atOnce.removeAll(sentToTheProcess); // removed from the process in this command: stored as before (EngineTasks.route)
        EngineTasks.route(task.getExecution(), routing, atOnce);
        support.workItems().closed(task.getId()); // and the guard its rows carry
    }

    /**
     * Whether {@code task} is one of several that different people complete side by side (a
     * member's scores, answers to challenges): its form fields are then declared on the task when
     * it is created, so that simultaneous Tasklist submissions do not write one process variable.
     */
    protected boolean declaresFormFields(DelegateTask task) {
        return false;
    }
}

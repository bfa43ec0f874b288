package cn.shequ.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/** User tasks as Shequ needs them: find, claim, complete with task-local fields; and who is acting. */
@Component
public class EngineTasks {

    private final ProcessEngine engine;
    private final TaskService tasks;
    private final CommandExecutor commands;
    private final IdentityService identity;

    public EngineTasks(ProcessEngine engine) {
        this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
        this.engine = engine;
        this.tasks = engine.getTaskService();
        this.identity = engine.getIdentityService();
    }

    public record OpenTask(String id, String key, String name, String processInstanceId, String assignee) {}

    /** An open task with its creation time and due date, for recomputing deadlines. */
    public record DueTask(String id, String key, String processInstanceId, java.util.Date created, java.util.Date due) {}

    /** The open tasks of these keys in every process (asked on Shequ's behalf). */
    public List<DueTask> openTasksWithKeys(String... taskKeys) {
        return OnShequsBehalf.call(identity, () -> tasks.createTaskQuery().taskDefinitionKeyIn(taskKeys)
                .orderByTaskCreateTime().asc().list().stream()
                .map(t -> new DueTask(t.getId(), t.getTaskDefinitionKey(), t.getProcessInstanceId(), t.getCreateTime(),
                        t.getDueDate())).toList());
    }

    /** Moves an open task's due date (on Shequ's behalf: nobody holds a grant to change tasks). */
    public void moveDue(String taskId, java.util.Date due) {
        OnShequsBehalf.call(identity, () -> {
            Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
            if (task != null) {
                task.setDueDate(due);
                tasks.saveTask(task);
            }
            return null;
        });
    }

    /**
     * The open task of this id, whoever may see it (asked on Shequ's behalf, no grant checked): for a
     * service that decides itself whether the task is the caller's ({@code TaskCompletion}, ADR 0022
     * and 0049) before it acts on it.
     */
    public Optional<OpenTask> findForShequ(String taskId) {
        return OnShequsBehalf.call(identity, () -> Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).singleResult())
                .map(EngineTasks::open));
    }

    public List<OpenTask> openTasks(String processInstanceId, String taskKey) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                .orderByTaskCreateTime().asc().list().stream().map(EngineTasks::open).toList();
    }

    /** Open tasks {@code taskKey} of the instances of {@code processKey} whose variable {@code name} is {@code value}. */
    public List<OpenTask> openTasks(String processKey, String name, String value, String taskKey) {
        return tasks.createTaskQuery().processDefinitionKey(processKey).processVariableValueEquals(name, value)
                .taskDefinitionKey(taskKey).orderByTaskCreateTime().asc().list().stream().map(EngineTasks::open).toList();
    }

    /**
     * Whether the task existed and is finished. Asked for the caller, who may lack the engine's
     * history permissions (only auditors read history): the engine's authorization check would
     * hide the task and a second completion would look like an unknown task (404, not 409).
     */
    public boolean wasCompleted(String taskId) {
        return OnShequsBehalf.call(identity,
                () -> engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0);
    }

    /** Whether a task of this id is open, whoever may see it (asked on Shequ's behalf). */
    public boolean isOpen(String taskId) {
        return OnShequsBehalf.call(identity, () -> tasks.createTaskQuery().taskId(taskId).count() > 0);
    }

    /** A variable as the task sees it (its own, or its execution's: a multi-instance element, say). */
    public Object variable(String taskId, String name) {
        return tasks.getVariable(taskId, name);
    }

    /**
     * Claims the task for {@code claimant} (unless null: already the caller's) and completes it as
     * the caller, in one engine command; {@code fields} become transient task-local variables: the
     * task's listener reads them in this command (the step's rules, Shequ's own tables, which keep
     * what was submitted), and the engine writes no variable and no history row for them (ADR 0049).
     * What the process routes on is not among them: the listener sets it on the process. A field
     * the task already holds as a stored variable (a prefilled value, a field declared on the task)
     * is written as before, since the engine does not turn a stored variable into a transient one.
     * The claim only makes the claimant the task's assignee (ADR 0063): the engine's task history names them as the
     * assignee and its user operation log names them for the completion, in the same command and at the same time;
     * no separate "Claim" log entry, assignee link history row or assignment event is written for a task that is
     * completed a moment later. A task already assigned to someone else is refused as the engine's claim refuses
     * it ({@code TaskAlreadyClaimedException}). The setting of the fields is logged ("SetVariable") only when one
     * of them is stored (ADR 0058).
     *
     * <p>Authorized once (issue 16, ADR 0022): only Shequ's services call this, after their own check
     * that the task is the caller's ({@code TaskCompletion}: assigned to them, or offered to one of
     * their groups, a committee's task to its own community), and the task's listener applies the
     * step's rules inside. So the engine's per-command authorization queries are skipped for this
     * command context (claim, fields, completion, and what the listeners read inside); the caller
     * stays authenticated, so the engine's user operation log names them. Every other door
     * (/engine-rest, Tasklist's engine API, Java calls of TaskService) keeps the engine's authorization.
     */
    public void claimAndComplete(String taskId, String claimant, Map<String, Object> fields) {
        commands.execute(commandContext -> {
            boolean enabled = commandContext.isAuthorizationCheckEnabled();
            commandContext.disableAuthorizationCheck();
            try {
                TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
                if (claimant != null) {
                    claimToComplete(task, taskId, claimant);
                }
                Map<String, Object> values = transientFields(task, fields);
                if (!values.isEmpty()) {
                    SetTaskVariablesCmd set = new SetTaskVariablesCmd(taskId, values, true);
                    if (values.values().stream().allMatch(EngineTasks::isTransient)) {
                        set.disableLogUserOperation(); // nothing stored: no "SetVariable" entry for values the engine does not keep
                    }
                    set.execute(commandContext);
                }
                new CompleteTaskCmd(taskId, null).execute(commandContext);
            } finally {
                if (enabled) {
                    commandContext.enableAuthorizationCheck();
                }
            }
            return null;
        });
    }

    /**
     * Makes {@code claimant} the assignee of a task completed in the same command: the assignee the task's history
     * keeps, without what a claim that stands on its own writes (ADR 0063). A task another holds is refused.
     */
    private static void claimToComplete(TaskEntity task, String taskId, String claimant) {
        if (task == null) {
            throw new NullValueException("Cannot find task with id " + taskId + ": task is null");
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(claimant)) {
            throw new TaskAlreadyClaimedException(task.getId(), task.getAssignee());
        }
        task.setAssigneeWithoutCascade(claimant);
    }

    /**
     * The fields as transient values, but for those {@code task} already holds as stored local variables
     * (and values already typed by the caller), which stay as they are.
     */
    static Map<String, Object> transientFields(TaskEntity task, Map<String, Object> fields) {
        Map<String, Object> values = new HashMap<>();
        fields.forEach((name, value) -> values.put(name, value instanceof TypedValue
                || (task != null && task.hasVariableLocal(name)) ? value : Variables.untypedValue(value, true)));
        return values;
    }

    /**
     * Sets a completed task's {@code routing} on its execution: those named in {@code atOnce}, which only the gateway
     * right after the task reads, as transient values that are never stored (ADR 0061): they live until the end of
     * the completing transaction, in which that gateway is taken ({@code RoutingDecisionTest} holds the models to
     * it). Where the process already holds a stored variable of such a name (a completion through /engine-rest sent
     * one, or an earlier version left it), the value is stored over it, as before: the engine refuses to turn a
     * stored variable into a transient one, and so it does for a name whose stored variable was removed in this
     * command (ENGINE-17006; a Tasklist form's field moved onto the task): leave those out of {@code atOnce}.
     */
    public static void route(DelegateExecution execution, Map<String, Object> routing, Set<String> atOnce) {
        routing.forEach((name, value) -> {
            if (atOnce.contains(name) && !execution.hasVariable(name)) {
                execution.setVariable(name, Variables.untypedValue(value, true));
            } else {
                execution.setVariable(name, value);
            }
        });
    }

    private static boolean isTransient(Object value) {
        return value instanceof TypedValue typed && typed.isTransient();
    }

    /** The ids of the open tasks offered to {@code groupId}, whoever may see them (asked on Shequ's behalf). */
    public List<String> offeredTo(String groupId) {
        return OnShequsBehalf.call(identity, () -> tasks.createTaskQuery().taskCandidateGroup(groupId).list().stream()
                .map(Task::getId).toList());
    }

    /**
     * Offers a task the engine is creating (its create listener) to {@code toGroup} instead of {@code fromGroup}.
     * The candidate link of {@code fromGroup} is not in the database yet, where TaskService's delete looks for
     * it: it is dropped from the task itself, so it is never written.
     */
    public static void offerNewTaskInstead(DelegateTask task, String fromGroup, String toGroup) {
        TaskEntity entity = (TaskEntity) task;
        task.addCandidateGroup(toGroup);
        for (IdentityLinkEntity link : new ArrayList<>(entity.getIdentityLinks())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && fromGroup.equals(link.getGroupId())) {
                link.delete();
                entity.getIdentityLinks().remove(link);
            }
        }
    }

    /** Offers the open task to {@code toGroup} instead of {@code fromGroup} (on Shequ's behalf). */
    public void offerInstead(String taskId, String fromGroup, String toGroup) {
        OnShequsBehalf.run(identity, () -> {
            tasks.addCandidateGroup(taskId, toGroup);
            tasks.deleteCandidateGroup(taskId, fromGroup);
        });
    }

    /** The user the engine sees on this thread (set per request for /api, /engine-rest and the webapps). */
    public Optional<String> currentUserId() {
        Authentication authentication = identity.getCurrentAuthentication();
        return Optional.ofNullable(authentication).map(Authentication::getUserId);
    }

    private static OpenTask open(Task task) {
        return new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getProcessInstanceId(),
                task.getAssignee());
    }
}

package cn.shequ.task;

import cn.shequ.engine.EngineTasks;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.refusal.Refusal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Completes a task for the caller through the API: 404 unknown, 409 already completed, 403 when
 * the task is neither assigned to the caller nor offered to one of their groups (a committee
 * member only for their own community). Claims it when unassigned; the process's task listener
 * then applies the rules of the step (validation, segregation of duties, money) in the same
 * transaction, so a refusal leaves the task open and nothing changed.
 *
 * <p>A completion that lost the engine's optimistic lock to another command on the same process at
 * the same moment (a timer's job: a reminder or an escalation falling due) while its task is still
 * open and still the caller's to take is tried once more, in a new transaction: nobody took the
 * task, and the user would otherwise be told so (409) and have to send the same thing again. That
 * is only possible when the completion is the caller's whole transaction; inside a caller's own
 * transaction it is answered 409 as before.
 */
@Service
public class TaskCompletion {

    private final EngineTasks tasks;
    private final WorkItems items;
    private final TransactionOperations transactions;

    TaskCompletion(EngineTasks tasks, WorkItems items, TransactionOperations transactions) {
        this.tasks = tasks;
        this.items = items;
        this.transactions = transactions;
    }

    /** Completes {@code taskId} with {@code fields}; returns the code of what it was about (null: not indexed). */
    public String complete(String taskId, CurrentUser user, Map<String, Object> fields) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return once(taskId, user, fields, false); // the caller's transaction: no second try inside it
        }
        try {
            return transactions.execute(status -> once(taskId, user, new HashMap<>(fields), true));
        } catch (LockLost lost) {
            return transactions.execute(status -> once(taskId, user, new HashMap<>(fields), false));
        }
    }

    private String once(String taskId, CurrentUser user, Map<String, Object> fields, boolean mayRetry) {
        List<WorkItem> offers = items.ofTask(taskId);
        // the task index is written in the engine's transactions: a task with rows there is open, and its rows say
        // whose it is; only a task the index does not know is looked for in the engine, on Shequ's behalf (no engine
        // grant checked, ADR 0049): mayWork below decides whether the task is the caller's
        EngineTasks.OpenTask task = offers.isEmpty()
                ? tasks.findForShequ(taskId).orElseThrow(() -> tasks.wasCompleted(taskId) ? alreadyCompleted()
                        : Refusal.notFound("任务", taskId))
                : indexed(offers.get(0));
        if (!mayWork(user, task, offers)) {
            throw offers.isEmpty() ? Refusal.notFound("任务", taskId) : notYours();
        }
        try {
            // the step's listener loads the caller again: with the affiliation this request has already read (ADR 0053),
            // and checks the process's variables against the guard the index row carries (read above, ADR 0059)
            CurrentUsers.resolved(user, () -> TaskGuards.withIndexed(taskId, offers, () -> {
                tasks.claimAndComplete(taskId, task.assignee() == null ? user.userId() : null, fields);
                return null;
            }));
        } catch (OptimisticLockingException | TaskAlreadyClaimedException e) {
            // someone else claimed or completed it between our read and our write: that one counts
            if (tasks.wasCompleted(taskId)) {
                throw alreadyCompleted();
            }
            if (mayRetry && e instanceof OptimisticLockingException && stillMine(taskId, user)) {
                throw new LockLost(); // another command changed the process at the same moment: once more
            }
            throw Refusal.conflict("TASK_TAKEN", "该任务刚被他人领取 / someone else has just taken this task");
        } catch (RuntimeException e) {
            // A completion committed between our read of the task and our read of its execution leaves
            // the engine looking at an execution already moved on (seen on H2 as an NPE in the next
            // activity's behaviour, before its optimistic lock could speak): the other one counts.
            if (tasks.wasCompleted(taskId)) {
                throw alreadyCompleted();
            }
            throw e;
        }
        return offers.isEmpty() ? null : offers.get(0).subjectCode();
    }

    /** Whether the task is still open and unassigned or the caller's, as the engine has it now. */
    private boolean stillMine(String taskId, CurrentUser user) {
        Optional<EngineTasks.OpenTask> now = tasks.findForShequ(taskId);
        return now.isPresent() && (now.get().assignee() == null || now.get().assignee().equals(user.userId()));
    }

    private static EngineTasks.OpenTask indexed(WorkItem item) {
        return new EngineTasks.OpenTask(item.taskId(), item.taskKey(), item.name(), null, item.assignee());
    }

    private static Refusal notYours() {
        return Refusal.forbidden("NOT_YOUR_TASK", "该任务未分配给您或您所在的用户组、社区 / this task is not offered to you");
    }

    /** The answer to a completion of a task that is no longer open, here and through /engine-rest. */
    public static Refusal alreadyCompleted() {
        return Refusal.conflict("TASK_ALREADY_COMPLETED", "该任务已办结 / the task was already completed");
    }

    static boolean mayWork(CurrentUser user, EngineTasks.OpenTask task, List<WorkItem> offers) {
        if (task.assignee() != null) {
            return task.assignee().equals(user.userId());
        }
        return offers.stream().anyMatch(offer -> user.isIn(offer.candidateGroup())
                && (!Groups.COMMITTEE.equals(offer.candidateGroup())
                    || (offer.communityCode() != null && offer.communityCode().equals(user.communityCode()))));
    }

    /** The first try lost the engine's optimistic lock with the task still the caller's: its transaction rolls back. */
    private static final class LockLost extends RuntimeException {
        LockLost() {
            super("optimistic lock lost; tried once more", null, false, false);
        }
    }
}

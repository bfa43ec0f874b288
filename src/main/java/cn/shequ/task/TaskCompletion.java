package cn.shequ.task;

import cn.shequ.engine.EngineTasks;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.refusal.Refusal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completes a task for the caller through the API: 404 unknown, 409 already completed, 403 when
 * the task is neither assigned to the caller nor offered to one of their groups (a committee
 * member only for their own community). Claims it when unassigned; the process's task listener
 * then applies the rules of the step (validation, segregation of duties, money) in the same
 * transaction, so a refusal leaves the task open and nothing changed.
 */
@Service
public class TaskCompletion {

    private final EngineTasks tasks;
    private final WorkItems items;

    TaskCompletion(EngineTasks tasks, WorkItems items) {
        this.tasks = tasks;
        this.items = items;
    }

    @Transactional
    public String complete(String taskId, CurrentUser user, Map<String, Object> fields) {
        List<WorkItem> offers = items.ofTask(taskId);
        // read on Shequ's behalf (no engine grant checked, ADR 0049): mayWork below decides whether the task is the
        // caller's; an open task in our index is theirs to refuse, one that is neither indexed nor theirs is unknown
        EngineTasks.OpenTask task = tasks.findForShequ(taskId).orElseThrow(() -> tasks.wasCompleted(taskId) ? alreadyCompleted()
                : Refusal.notFound("任务", taskId));
        if (!mayWork(user, task, offers)) {
            throw offers.isEmpty() ? Refusal.notFound("任务", taskId) : notYours();
        }
        try {
            // the step's listener loads the caller again: with the affiliation this request has already read (ADR 0053)
            CurrentUsers.resolved(user, () -> {
                tasks.claimAndComplete(taskId, task.assignee() == null ? user.userId() : null, fields);
                return null;
            });
        } catch (OptimisticLockingException | TaskAlreadyClaimedException e) {
            // someone else claimed or completed it between our read and our write: that one counts
            throw tasks.wasCompleted(taskId) ? alreadyCompleted()
                    : Refusal.conflict("TASK_TAKEN", "该任务刚被他人领取 / someone else has just taken this task");
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
}

package cn.shequ.task;

import cn.shequ.engine.EngineTasks;
import cn.shequ.identity.CurrentUser;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Whether a user may see and work an open task, by the rules of the API's task list (Shequ's index,
 * not the engine's grants): assigned to them, or unassigned and offered to one of their groups (a
 * committee's tasks to its own community only). Tasklist's engine API shows a user no other task.
 */
@Component
public class TaskAccess {

    public enum Seen {
        /** open, and the user's to see and work */
        MINE,
        /** open, and someone else's */
        NOT_MINE,
        /** no open task has this id (completed, or never existed) */
        NOT_OPEN
    }

    private final WorkItems items;

    TaskAccess(WorkItems items) {
        this.items = items;
    }

    public Seen of(String taskId, CurrentUser user) {
        List<WorkItem> offers = items.ofTask(taskId);
        if (offers.isEmpty()) {
            return Seen.NOT_OPEN;
        }
        String assignee = offers.get(0).assignee();
        EngineTasks.OpenTask task = new EngineTasks.OpenTask(taskId, offers.get(0).taskKey(), offers.get(0).name(), null, assignee);
        return TaskCompletion.mayWork(user, task, offers) ? Seen.MINE : Seen.NOT_MINE;
    }
}

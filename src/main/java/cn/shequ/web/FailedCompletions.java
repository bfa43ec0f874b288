package cn.shequ.web;

import cn.shequ.engine.EngineTasks;
import cn.shequ.refusal.Refusal;
import cn.shequ.task.TaskCompletion;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * What a failed completion of a task through the engine's own REST APIs (/engine-rest, and Tasklist's
 * /camunda/api/engine) means to the user, where the engine itself answers 500: the task had already
 * been completed — by an earlier click, or by a colleague a moment before — (409
 * TASK_ALREADY_COMPLETED, as /api/tasks/{id}/complete answers), or no task has that id (404).
 */
@Component
class FailedCompletions {

    /** complete, submit-form and resolve of one task, on the default engine or a named one */
    private static final Pattern TASK_COMPLETION = Pattern.compile("(?:^|/)task/([^/]+)/(?:complete|submit-form|resolve)/?$");

    private final EngineTasks tasks;

    FailedCompletions(EngineTasks tasks) {
        this.tasks = tasks;
    }

    /** The answer for a failed request to {@code path}; empty when it is no task completion or the task is open. */
    Optional<Refusal> explain(String path) {
        Matcher completion = TASK_COMPLETION.matcher(path);
        if (!completion.find()) {
            return Optional.empty();
        }
        String taskId = completion.group(1);
        if (tasks.wasCompleted(taskId)) {
            return Optional.of(TaskCompletion.alreadyCompleted());
        }
        return tasks.isOpen(taskId) ? Optional.empty() : Optional.of(Refusal.notFound("任务", taskId));
    }
}

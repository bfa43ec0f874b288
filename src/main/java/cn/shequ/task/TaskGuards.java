package cn.shequ.task;

import cn.shequ.refusal.Refusal;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The process's own variables of each open task as they stood when the engine created it (the
 * guard, kept on the task's rows in the task index {@code work_item}, ADR 0059): a completion that
 * submitted or changed any of them, through whatever door (/engine-rest and Tasklist write a
 * completion's variables to the process, and task variables can be written there too), is refused,
 * naming them. See {@link TaskLifecycle}.
 */
@Component
class TaskGuards {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The index rows of the task being completed on this thread, as {@link TaskCompletion} read them. */
    private static final ThreadLocal<List<WorkItem>> INDEXED = new ThreadLocal<>();

    private final WorkItemMapper items;

    TaskGuards(WorkItemMapper items) {
        this.items = items;
    }

    /**
     * Runs {@code work} (the completion of {@code taskId}) with the task's index rows read in the same transaction
     * just before: the guard they carry need not be read again. The guard never changes while the task is open.
     */
    static <T> T withIndexed(String taskId, List<WorkItem> rows, Supplier<T> work) {
        List<WorkItem> before = INDEXED.get();
        INDEXED.set(rows.stream().filter(row -> row.taskId().equals(taskId)).toList());
        try {
            return work.get();
        } finally {
            if (before == null) {
                INDEXED.remove();
            } else {
                INDEXED.set(before);
            }
        }
    }

    /** The guard of {@code task}: {@code names} as {@code task} sees them now (at its creation), as stored in the index. */
    String of(DelegateTask task, Set<String> names) {
        return json(values(task, names));
    }

    /** Refuses (400) a completion of {@code task} that submitted or changed one of {@code names}. */
    void requireUntouched(DelegateTask task, Set<String> names) {
        List<WorkItem> known = INDEXED.get();
        Optional<String> guard = known != null && !known.isEmpty() && known.get(0).taskId().equals(task.getId())
                ? Optional.ofNullable(known.get(0).guard()) : items.guard(task.getId());
        Map<String, String> then = guard.map(TaskGuards::parse).orElse(null);
        if (then == null) {
            return; // a task created before the guard existed
        }
        Map<String, String> now = values(task, names);
        Map<String, String> problems = new TreeMap<>();
        for (String name : names) {
            if (!Objects.equals(then.get(name), now.get(name))) {
                problems.put(name, "流程变量 " + name + " 由流程设置，办理任务时不得提交或修改 / " + name
                        + " is set by the process, not by whoever completes the task");
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
    }

    /** The process's own variables as the task sees them (its own first, as the rules read them). */
    private static Map<String, String> values(DelegateTask task, Set<String> names) {
        Map<String, String> values = new TreeMap<>();
        for (String name : names) {
            Object value = task.getVariable(name);
            if (value != null) {
                values.put(name, value instanceof Date d ? String.valueOf(d.getTime()) : String.valueOf(value));
            }
        }
        return values;
    }

    private static String json(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable task guard " + json, e);
        }
    }
}

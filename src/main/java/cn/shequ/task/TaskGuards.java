package cn.shequ.task;

import cn.shequ.refusal.Refusal;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The process's own variables of each open task as they stood when the engine created it
 * ({@code task_guard}): a completion that submitted or changed any of them, through whatever door
 * (/engine-rest and Tasklist write a completion's variables to the process, and task variables can
 * be written there too), is refused, naming them. See {@link TaskLifecycle}.
 */
@Component
class TaskGuards {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TaskGuardMapper guards;

    TaskGuards(TaskGuardMapper guards) {
        this.guards = guards;
    }

    /** Records {@code names} as {@code task} sees them now (at its creation). */
    void record(DelegateTask task, Set<String> names) {
        guards.insert(task.getId(), json(values(task, names)));
    }

    /** Refuses (400) a completion of {@code task} that submitted or changed one of {@code names}. */
    void requireUntouched(DelegateTask task, Set<String> names) {
        Map<String, String> then = guards.variables(task.getId()).map(TaskGuards::parse).orElse(null);
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

    /** The task ended (completed or deleted): its guard goes with it. */
    void forget(String taskId) {
        guards.delete(taskId);
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

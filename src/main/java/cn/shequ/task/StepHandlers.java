package cn.shequ.task;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * A process's step handlers found by task key, built from its Spring beans. Refuses to be built (and so the
 * application to start) unless every user task of the process's BPMN has exactly one handler and every
 * handler's key is a user task of it.
 */
public final class StepHandlers<H extends StepHandler<?>> {

    private final Map<String, H> byKey = new TreeMap<>();

    /** {@code bpmnResource}: the process model on the classpath, e.g. processes/service-project.bpmn. */
    public StepHandlers(String bpmnResource, Collection<H> handlers) {
        for (H handler : handlers) {
            H other = byKey.put(handler.taskKey(), handler);
            if (other != null) {
                throw new IllegalStateException("two step handlers for task " + handler.taskKey() + " of " + bpmnResource
                        + ": " + other.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        Set<String> userTasks = userTaskKeys(bpmnResource);
        Set<String> missing = new TreeSet<>(userTasks);
        missing.removeAll(byKey.keySet());
        Set<String> unknown = new TreeSet<>(byKey.keySet());
        unknown.removeAll(userTasks);
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new IllegalStateException("step handlers of " + bpmnResource + ": user tasks without a handler " + missing
                    + ", handlers of no user task " + unknown);
        }
    }

    /** The handler of {@code taskKey}. */
    public H of(String taskKey) {
        H handler = byKey.get(taskKey);
        if (handler == null) {
            throw new IllegalStateException("unknown task " + taskKey);
        }
        return handler;
    }

    public Set<String> keys() {
        return Set.copyOf(byKey.keySet());
    }

    /** The fields every step of the process takes ({@link StepHandler#fields}), each once, sorted. */
    public Set<String> fields() {
        Set<String> fields = new TreeSet<>();
        byKey.values().forEach(handler -> fields.addAll(handler.fields()));
        return fields;
    }

    /** The ids of the user tasks of the BPMN model at {@code resource} on the classpath. */
    public static Set<String> userTaskKeys(String resource) {
        try (InputStream in = StepHandlers.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no process model " + resource + " on the classpath");
            }
            return Bpmn.readModelFromStream(in).getModelElementsByType(UserTask.class).stream()
                    .map(UserTask::getId).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

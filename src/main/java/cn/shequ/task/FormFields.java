package cn.shequ.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * The field keys of a user task's Camunda Form, read from forms/&lt;key&gt;.form on the classpath
 * (the files deployed with the processes), so the list is never kept twice. A task without a form
 * file has no fields.
 */
@Component
public class FormFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<String>> byForm = new ConcurrentHashMap<>();

    public List<String> of(String formKey) {
        return byForm.computeIfAbsent(formKey, FormFields::read);
    }

    /**
     * Whatever an earlier task left in the process under a new task's form fields (a decision, say)
     * is removed, so it cannot stand in for what this task is sent; tasks completed side by side
     * ({@code onTask}) declare their fields on the task (see {@link TaskLifecycle}).
     */
    void declare(DelegateTask task, boolean onTask) {
        for (String field : of(task.getTaskDefinitionKey())) {
            task.getExecution().removeVariable(field);
            if (onTask) {
                task.setVariableLocal(field, null);
            }
        }
    }

    /**
     * /engine-rest's complete writes the variables it is sent to the process, not to the task (its
     * submit-form and the API write to the task): a form field found in the process was sent with
     * this completion, and is moved onto the task, where the step reads it and where it stays; it
     * replaces a value the form opened with ({@code prefilled}). Returns the fields it moved.
     */
    /** Whether {@code task} holds a stored (not transient) variable of its own. */
    static boolean holdsStored(DelegateTask task) {
        VariableMap locals = task.getVariablesLocalTyped();
        return locals.keySet().stream().anyMatch(name -> !locals.getValueTyped(name).isTransient());
    }

    Set<String> takeSentToTheProcess(DelegateTask task, Set<String> prefilled) {
        Set<String> taken = new HashSet<>();
        for (String field : of(task.getTaskDefinitionKey())) {
            Object sent = task.getExecution().getVariable(field);
            if (sent != null) {
                if (task.getVariableLocal(field) == null || prefilled.contains(field)) {
                    task.setVariableLocal(field, sent);
                }
                task.getExecution().removeVariable(field);
                taken.add(field);
            }
        }
        return taken;
    }

    private static List<String> read(String formKey) {
        try (InputStream in = FormFields.class.getClassLoader().getResourceAsStream("forms/" + formKey + ".form")) {
            if (in == null) {
                return List.of();
            }
            List<String> keys = new ArrayList<>();
            collect(JSON.readTree(in).path("components"), keys);
            return List.copyOf(keys);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable form forms/" + formKey + ".form", e);
        }
    }

    private static void collect(JsonNode components, List<String> keys) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key") && !keys.contains(component.path("key").asText())) {
                keys.add(component.path("key").asText());
            }
            collect(component.path("components"), keys);
        }
    }
}

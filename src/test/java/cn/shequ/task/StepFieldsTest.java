package cn.shequ.task;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.project.ServiceProjectProcess;
import cn.shequ.provider.ProviderCertificationProcess;
import cn.shequ.reports.AnnualReportProcess;
import cn.shequ.support.StepHandlerBeans;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every field a form in {@code forms/} declares is known to the step handler of its task, and the other way
 * round (ADR 0057): a form's field that its {@code *Step} does not declare ({@link StepHandler#fields}) is
 * either dropped when sent or left in the process for later tasks; a field a handler declares that its form
 * does not show cannot be filled in Tasklist. The handlers read no field they do not declare
 * ({@link SubmittedFields#declaredBy}), so the declarations are what the steps read.
 */
class StepFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Fields a step takes that its form does not show, each with the reason. */
    private static final Map<String, Set<String>> BEYOND_THE_FORM = Map.of(
            // the amount is changed with the milestones, on the proposal's page or through the API, not in Tasklist
            ServiceProjectProcess.Tasks.PREPARE_PROPOSAL, Set.of("amount"));

    /** Processes whose user tasks have no step handler: their task listener reads their one or two fields itself. */
    private static final List<String> WITHOUT_STEP_HANDLERS = List.of(ProviderCertificationProcess.RESOURCE,
            AnnualReportProcess.RESOURCE);

    @Test
    void everyFieldOfAFormIsKnownToTheStepHandlerOfItsTask() throws IOException {
        assertThat(problems(handlersByTaskKey(), forms())).isEmpty();
    }

    @Test
    void everyFormBelongsToAStepHandlerOrToAProcessWithoutThem() throws IOException {
        Set<String> tasks = new LinkedHashSet<>(handlersByTaskKey().keySet());
        WITHOUT_STEP_HANDLERS.forEach(resource -> tasks.addAll(StepHandlers.userTaskKeys(resource)));
        assertThat(forms().keySet()).as("forms/ without a user task").isSubsetOf(tasks);
        assertThat(handlersByTaskKey()).as("the step handlers of both processes").hasSize(24);
    }

    /** The check names the form, the field and the handler, both ways; a read-only field (display) is no input. */
    @Test
    void aFieldMissingOnEitherSideIsNamed() {
        StepHandler<Object> handler = new StepHandler<>() {
            @Override
            public String taskKey() {
                return "example-task";
            }

            @Override
            public List<String> fields() {
                return List.of("rectification", "evidence");
            }

            @Override
            public StepOutcome complete(Object step) {
                return StepOutcome.none();
            }
        };
        Map<String, Form> forms = Map.of("example-task", new Form(List.of("rectification", "comment"), List.of("dossierNote")));

        assertThat(problems(Map.of("example-task", handler), forms)).containsExactly(
                "forms/example-task.form declares the field comment that " + handler.getClass().getName()
                        + " (the step handler of example-task) does not declare in fields()",
                handler.getClass().getName() + " (the step handler of example-task) declares the field evidence that "
                        + "forms/example-task.form does not show");
    }

    private static List<String> problems(Map<String, StepHandler<?>> handlers, Map<String, Form> forms) {
        List<String> problems = new ArrayList<>();
        handlers.forEach((task, handler) -> {
            Form form = forms.get(task);
            if (form == null) {
                problems.add("no forms/" + task + ".form for " + handler.getClass().getName());
                return;
            }
            String name = handler.getClass().getName() + " (the step handler of " + task + ")";
            for (String field : form.inputs()) {
                if (!handler.fields().contains(field)) {
                    problems.add("forms/" + task + ".form declares the field " + field + " that " + name
                            + " does not declare in fields()");
                }
            }
            for (String field : handler.fields()) {
                if (!form.inputs().contains(field) && !BEYOND_THE_FORM.getOrDefault(task, Set.of()).contains(field)) {
                    problems.add(name + " declares the field " + field + " that forms/" + task + ".form "
                            + (form.shown().contains(field) ? "shows read-only" : "does not show"));
                }
            }
        });
        return problems;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, StepHandler<?>> handlersByTaskKey() {
        Map<String, StepHandler<?>> byKey = new TreeMap<>();
        for (StepHandler<?> handler : (List<StepHandler<?>>) (List) StepHandlerBeans.of((Class) StepHandler.class, "cn.shequ")) {
            assertThat(byKey.put(handler.taskKey(), handler)).as("two handlers of %s", handler.taskKey()).isNull();
        }
        return byKey;
    }

    /** The forms in forms/ by task key: the keys of their input fields, and those shown read-only. */
    private static Map<String, Form> forms() throws IOException {
        Map<String, Form> forms = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
                List<String> inputs = new ArrayList<>();
                List<String> shown = new ArrayList<>();
                collect(JSON.readTree(file.toFile()).path("components"), inputs, shown);
                forms.put(file.getFileName().toString().replace(".form", ""), new Form(inputs, shown));
            }
        }
        assertThat(forms).containsKeys(ServiceProjectProcess.Tasks.RECTIFY, ServiceProjectProcess.Tasks.PREPARE_PROPOSAL);
        return forms;
    }

    private static void collect(JsonNode components, List<String> inputs, List<String> shown) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                boolean readOnly = component.path("disabled").asBoolean() || component.path("readonly").asBoolean();
                (readOnly ? shown : inputs).add(component.path("key").asText());
            }
            collect(component.path("components"), inputs, shown);
        }
    }

    /** A form's input fields, and the fields it only shows (disabled or read-only: the task listener fills them). */
    private record Form(List<String> inputs, List<String> shown) {
    }
}

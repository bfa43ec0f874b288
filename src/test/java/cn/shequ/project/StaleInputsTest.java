package cn.shequ.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.project.ServiceProjectProcess.Vars;
import cn.shequ.task.FormFields;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link ProjectTaskLifecycle#STALE_INPUTS} is kept by hand: the inputs a completed step leaves in the
 * process that the next task must not inherit. It is checked here against the fields the forms in
 * {@code forms/} declare for every user task of the service-project process, both ways, so that a
 * renamed form field fails this test (the new name is missing from the list, the old one is left in it).
 */
class StaleInputsTest {

    /**
     * Inputs a step accepts beyond its form: prepare-proposal's completion may also change the amount
     * (PrepareProposalStep's proposal edits), which the form does not show.
     */
    private static final Set<String> ACCEPTED_BEYOND_THE_FORMS = Set.of("amount");

    private final FormFields forms = new FormFields();

    @Test
    void everyFieldOfAServiceProjectFormIsClearedOrIsTheProcesssOwn() {
        for (String task : taskKeys()) {
            List<String> fields = forms.of(task);
            assertThat(fields).as("the fields of forms/%s.form", task).isNotEmpty();
            assertThat(fields).as("fields of forms/%s.form that ProjectTaskLifecycle.STALE_INPUTS does not clear "
                    + "(a renamed field? add its new name there)", task)
                    .allSatisfy(field -> assertThat(ProjectTaskLifecycle.STALE_INPUTS.contains(field)
                            || Vars.SET_BY_PROCESS.contains(field)).as(field).isTrue());
        }
    }

    @Test
    void everyClearedInputIsAFieldOfAServiceProjectForm() {
        Set<String> declared = new LinkedHashSet<>(ACCEPTED_BEYOND_THE_FORMS);
        taskKeys().forEach(task -> declared.addAll(forms.of(task)));
        assertThat(ProjectTaskLifecycle.STALE_INPUTS)
                .as("names in ProjectTaskLifecycle.STALE_INPUTS that no form declares (a field renamed in forms/?)")
                .isSubsetOf(declared)
                .doesNotHaveDuplicates();
    }

    /** The user-task keys of {@link Tasks}, each the name of its form file. */
    private static List<String> taskKeys() {
        List<String> keys = Stream.of(Tasks.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(StaleInputsTest::value).toList();
        assertThat(keys).contains(Tasks.PREPARE_PROPOSAL, Tasks.FINAL_ACCEPTANCE, Tasks.RECTIFY);
        return keys;
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}

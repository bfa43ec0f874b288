package cn.shequ.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.project.ServiceProjectProcess.Vars;
import cn.shequ.support.StepHandlerBeans;
import cn.shequ.task.FormFields;
import cn.shequ.task.StepHandlers;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The inputs a completed step leaves in the process that the next task must not inherit
 * ({@link ProjectTaskLifecycle#staleInputs}) are derived from the fields the steps declare, never typed (ADR 0057):
 * every field of a service-project form and what a step takes beyond its form, but the process's own variables.
 */
class StaleInputsTest {

    private final StepHandlers<ProjectStepHandler> steps = new StepHandlers<>(ServiceProjectProcess.RESOURCE,
            StepHandlerBeans.of(ProjectStepHandler.class, "cn.shequ.project"));
    private final Set<String> stale = ProjectTaskLifecycle.staleInputs(steps.fields());

    @Test
    void everyFieldOfAServiceProjectFormIsClearedOrIsTheProcesssOwn() {
        FormFields forms = new FormFields();
        Set<String> declared = new LinkedHashSet<>();
        steps.keys().forEach(task -> declared.addAll(forms.of(task)));
        declared.removeAll(Vars.SET_BY_PROCESS);

        assertThat(declared).contains(Vars.DECISION, Vars.COMMENT, "heldOn", "servedParticipants", "rectification");
        assertThat(stale).containsAll(declared);
        // beyond the forms: the amount, which prepare-proposal takes from the API only
        assertThat(stale).contains("amount").hasSize(declared.size() + 1);
    }

    @Test
    void noVariableTheProcessRoutesOnIsCleared() {
        assertThat(steps.of(Tasks.PREPARE_PROPOSAL).fields()).contains(Vars.DELIVERY_MODE);
        assertThat(stale).doesNotContainAnyElementsOf(Vars.SET_BY_PROCESS);
    }
}

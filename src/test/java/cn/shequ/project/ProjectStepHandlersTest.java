package cn.shequ.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.identity.Groups;
import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.support.StepHandlerBeans;
import cn.shequ.task.StepHandlers;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every user task of processes/service-project.bpmn has exactly one {@link ProjectStepHandler}, named after
 * it, and no handler has a key the model does not have ({@link StepHandlers} checks this when the application
 * starts too).
 */
class ProjectStepHandlersTest {

    private final List<ProjectStepHandler> handlers = StepHandlerBeans.of(ProjectStepHandler.class, "cn.shequ.project");

    @Test
    void everyUserTaskOfTheModelHasExactlyOneHandler() {
        StepHandlers<ProjectStepHandler> registry = new StepHandlers<>(ServiceProjectProcess.RESOURCE, handlers);

        assertThat(registry.keys()).isEqualTo(StepHandlers.userTaskKeys(ServiceProjectProcess.RESOURCE))
                .contains(Tasks.PREPARE_PROPOSAL, Tasks.FINANCE_REVIEW, Tasks.RECTIFY).hasSize(11);
        assertThat(registry.of(Tasks.FINANCE_REVIEW)).isInstanceOf(FinanceReviewStep.class);
    }

    @Test
    void eachHandlerIsNamedAfterItsTask() {
        handlers.forEach(handler -> assertThat(handler.getClass().getSimpleName())
                .isEqualTo(StepHandlerBeans.className(handler.taskKey())));
    }

    /** Who does each step (jurisdiction): the group a handler declares, the community's committee unless said. */
    @Test
    void eachStepBelongsToItsGroup() {
        StepHandlers<ProjectStepHandler> registry = new StepHandlers<>(ServiceProjectProcess.RESOURCE, handlers);

        assertThat(registry.of(Tasks.STREET_OFFICE_REVIEW).group()).isEqualTo(Groups.STREET_OFFICE);
        assertThat(registry.of(Tasks.CIVIL_AFFAIRS_REVIEW).group()).isEqualTo(Groups.CIVIL_AFFAIRS);
        assertThat(registry.of(Tasks.FINANCE_REVIEW).group()).isEqualTo(Groups.FINANCE);
        assertThat(registry.of(Tasks.APPROVE_PAYMENT).group()).isEqualTo(Groups.FINANCE);
        assertThat(registry.of(Tasks.AUDIT_REVIEW).group()).isEqualTo(Groups.AUDITOR);
        assertThat(List.of(Tasks.PREPARE_PROPOSAL, Tasks.RECORD_RESIDENT_MEETING, Tasks.REPORT_MILESTONE,
                Tasks.ACCEPT_MILESTONE, Tasks.FINAL_ACCEPTANCE, Tasks.RECTIFY))
                .allSatisfy(key -> assertThat(registry.of(key).group()).as(key).isEqualTo(Groups.COMMITTEE));
    }
}

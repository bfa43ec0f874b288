package cn.shequ.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.procurement.contract.ApproveContractPaymentStep;
import cn.shequ.support.StepHandlerBeans;
import cn.shequ.task.StepHandlers;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every user task of processes/purchase-of-service.bpmn has exactly one {@link PurchaseStepHandler}, named
 * after it, and no handler has a key the model does not have ({@link StepHandlers} checks this when the
 * application starts too).
 */
class PurchaseStepHandlersTest {

    private final List<PurchaseStepHandler> handlers = StepHandlerBeans.of(PurchaseStepHandler.class, "cn.shequ.procurement");

    @Test
    void everyUserTaskOfTheModelHasExactlyOneHandler() {
        StepHandlers<PurchaseStepHandler> registry = new StepHandlers<>(PurchaseProcess.RESOURCE, handlers);

        assertThat(registry.keys()).isEqualTo(StepHandlers.userTaskKeys(PurchaseProcess.RESOURCE))
                .contains(Tasks.DEFINE_REQUIREMENT, Tasks.SIGN_CONTRACT, Tasks.FINAL_EVALUATION).hasSize(13);
        assertThat(registry.of(Tasks.APPROVE_PAYMENT)).isInstanceOf(ApproveContractPaymentStep.class);
    }

    @Test
    void eachHandlerIsNamedAfterItsTask() {
        handlers.forEach(handler -> assertThat(handler.getClass().getSimpleName())
                .isEqualTo(StepHandlerBeans.className(handler.taskKey())));
    }

    @Test
    void financeApprovesAndTheStepThatMakesThePurchaseRunsWithoutOne() {
        StepHandlers<PurchaseStepHandler> registry = new StepHandlers<>(PurchaseProcess.RESOURCE, handlers);

        assertThat(registry.keys()).filteredOn(key -> registry.of(key).byFinance())
                .containsExactlyInAnyOrder(Tasks.APPROVE_METHOD, Tasks.APPROVE_PAYMENT);
        assertThat(registry.keys()).filteredOn(key -> !registry.of(key).onExistingProcurement())
                .containsExactly(Tasks.DEFINE_REQUIREMENT);
    }
}

package cn.shequ.procurement.requirement;

import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.procurement.PurchaseProcess.Vars;
import cn.shequ.procurement.PurchaseStep;
import cn.shequ.procurement.PurchaseStepHandler;
import cn.shequ.procurement.PurchaseTask;
import cn.shequ.task.StepOutcome;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * define-requirement: the purchaser states the requirement of the purchase a service project called
 * (102号令 arts. 5–6). The step makes the procurement row ({@link ProjectRequirements#defineForProject}, which
 * also says who may state it), so it runs without one; the process routes on the method it decides.
 */
@Component
class DefineRequirementStep implements PurchaseStepHandler {

    private final ProjectRequirements requirements;

    DefineRequirementStep(ProjectRequirements requirements) {
        this.requirements = requirements;
    }

    @Override
    public String taskKey() {
        return Tasks.DEFINE_REQUIREMENT;
    }

    @Override
    public List<String> fields() {
        return List.of("title", "termMonths", "termReason", "priceWeight", "method", "methodReason");
    }

    @Override
    public boolean onExistingProcurement() {
        return false;
    }

    @Override
    public StepOutcome complete(PurchaseStep step) {
        PurchaseTask task = step.task();
        return new StepOutcome(null, null, requirements.defineForProject(step.code(), task.processInstanceId(),
                (String) task.execution().apply(Vars.PROJECT_CODE), step.actor(), step.fields()));
    }
}

package cn.shequ.procurement.contract;

import cn.shequ.engine.ShequClock;
import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.procurement.PurchaseStep;
import cn.shequ.procurement.PurchaseStepHandler;
import cn.shequ.task.StepOutcome;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * publish-contract: the purchaser publishes the signed contract; later than 2 working days after signing
 * (条例 art. 50) it is recorded as late, with that as the step's comment.
 */
@Component
class PublishContractStep implements PurchaseStepHandler {

    private final ContractMapper contracts;
    private final ShequClock clock;

    PublishContractStep(ContractMapper contracts, ShequClock clock) {
        this.contracts = contracts;
        this.clock = clock;
    }

    @Override
    public String taskKey() {
        return Tasks.PUBLISH_CONTRACT;
    }

    /**
     * The form's confirmation (已核对合同内容，同意公告) is a checkbox the form requires; completing the task is
     * the confirmation, so the step reads nothing (the API sends no field).
     */
    @Override
    public List<String> fields() {
        return List.of("confirmed");
    }

    @Override
    public StepOutcome complete(PurchaseStep step) {
        Contract c = contracts.ofProcurement(step.code()).orElseThrow();
        LocalDate today = clock.today();
        contracts.publish(step.code(), today, today.isAfter(c.publishDue()));
        return StepOutcome.decided(null, today.isAfter(c.publishDue()) ? "逾期公告（条例第五十条：签订之日起2个工作日内）" : null);
    }
}

package cn.shequ.procurement.contract;

import cn.shequ.engine.ShequClock;
import cn.shequ.procurement.ProcurementMapper;
import cn.shequ.procurement.ProcurementStatus;
import cn.shequ.project.ProjectSettled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A service project delivered through a purchase is settled: its final-acceptance grade is the
 * contract's performance grade, on the purchase and on the provider's record (财预〔2020〕10号),
 * and the purchase is complete. Runs in the engine's transaction of the settlement.
 */
@Component
class PurchasedProjectGrades {

    private final ProcurementMapper procurements;
    private final ContractGrades grades;
    private final ShequClock clock;

    PurchasedProjectGrades(ProcurementMapper procurements, ContractGrades grades, ShequClock clock) {
        this.procurements = procurements;
        this.grades = grades;
        this.clock = clock;
    }

    @EventListener
    void settled(ProjectSettled settled) {
        if (!settled.purchased()) {
            return; // delivered by the committee or a social organisation: no purchase to look for (issue 16)
        }
        procurements.findByProject(settled.projectCode())
                .filter(p -> p.procurementStatus() == ProcurementStatus.IN_DELIVERY)
                .ifPresent(p -> {
                    procurements.setStatus(p.code(), ProcurementStatus.COMPLETED.name(), clock.localNow());
                    grades.record(p, settled.score(), settled.grade(), settled.projectCode());
                });
    }
}

package cn.shequ.procurement;

import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.ShequClock;
import cn.shequ.project.ProjectSettled;
import cn.shequ.provider.Providers;
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
    private final ContractMapper contracts;
    private final Providers providers;
    private final ShequClock clock;
    private final AuditLog audit;

    PurchasedProjectGrades(ProcurementMapper procurements, ContractMapper contracts, Providers providers, ShequClock clock,
                           AuditLog audit) {
        this.procurements = procurements;
        this.contracts = contracts;
        this.providers = providers;
        this.clock = clock;
        this.audit = audit;
    }

    @EventListener
    void settled(ProjectSettled settled) {
        procurements.findByProject(settled.projectCode())
                .filter(p -> p.procurementStatus() == ProcurementStatus.IN_DELIVERY)
                .ifPresent(p -> {
                    Contract contract = contracts.ofProcurement(p.code()).orElseThrow();
                    procurements.setGrade(p.code(), settled.grade());
                    procurements.setStatus(p.code(), ProcurementStatus.COMPLETED.name(), clock.localNow());
                    providers.recordPerformance(contract.providerId(), p.code(), settled.grade(), settled.score());
                    audit.append(AuditEvent.of(AuditEvent.SYSTEM, "PERFORMANCE_GRADED").subject(p.code())
                            .detail("projectCode", settled.projectCode()).detail("score", settled.score().toPlainString())
                            .detail("grade", settled.grade()));
                });
    }
}

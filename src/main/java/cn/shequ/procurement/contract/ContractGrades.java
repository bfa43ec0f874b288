package cn.shequ.procurement.contract;

import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.procurement.Procurement;
import cn.shequ.procurement.ProcurementMapper;
import cn.shequ.provider.Providers;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * A contract's performance grade (财预〔2020〕10号), whether the purchase graded it itself or the
 * service project that delivered it did: on the purchase, on the provider's performance record, and
 * in the audit log.
 */
@Component
public class ContractGrades {

    private final ProcurementMapper procurements;
    private final ContractMapper contracts;
    private final Providers providers;
    private final AuditLog audit;

    ContractGrades(ProcurementMapper procurements, ContractMapper contracts, Providers providers, AuditLog audit) {
        this.procurements = procurements;
        this.contracts = contracts;
        this.providers = providers;
        this.audit = audit;
    }

    /** {@code projectCode}: the project whose final acceptance gave the grade, or null. */
    public void record(Procurement p, BigDecimal score, String grade, String projectCode) {
        procurements.setGrade(p.code(), grade);
        providers.recordPerformance(contracts.ofProcurement(p.code()).orElseThrow().providerId(), p.code(), grade, score);
        AuditEvent graded = AuditEvent.of(AuditEvent.SYSTEM, "PERFORMANCE_GRADED").subject(p.code())
                .detail("score", score.toPlainString()).detail("grade", grade);
        audit.append(projectCode == null ? graded : graded.detail("projectCode", projectCode));
    }
}

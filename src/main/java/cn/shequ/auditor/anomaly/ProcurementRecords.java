package cn.shequ.auditor.anomaly;

import java.util.List;
import org.springframework.stereotype.Component;

/** {@link PurchaseRecords} read from the purchase tables (V8: procurement, contract). */
@Component
class ProcurementRecords implements PurchaseRecords {

    private final AnomalyMapper sql;

    ProcurementRecords(AnomalyMapper sql) {
        this.sql = sql;
    }

    @Override
    public List<Purchase> purchases() {
        return sql.purchases();
    }

    @Override
    public List<Contract> contracts() {
        return sql.contracts();
    }
}

package cn.shequ.auditor.anomaly;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/**
 * An anomaly rule that reads purchases through {@link PurchaseRecords}: it waits while no bean
 * supplies them and finds nothing then.
 */
abstract class PurchaseRecordRule implements AnomalyRule {

    private final ObjectProvider<PurchaseRecords> records;

    PurchaseRecordRule(ObjectProvider<PurchaseRecords> records) {
        this.records = records;
    }

    @Override
    public final Optional<String> waitsFor() {
        return records.getIfAvailable() == null ? Optional.of(PurchaseRecords.PENDING) : Optional.empty();
    }

    @Override
    public final List<Anomaly> detect(LocalDateTime now) {
        PurchaseRecords source = records.getIfAvailable();
        return source == null ? List.of() : detect(source, now);
    }

    abstract List<Anomaly> detect(PurchaseRecords source, LocalDateTime now);
}

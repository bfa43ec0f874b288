package cn.shequ.auditor.anomaly;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** One anomaly rule: an id, a title in Chinese and English, its legal source, and its findings now. */
public interface AnomalyRule {

    /** Upper-case id, e.g. {@code LATE_PAYMENT}: the {@code rule} of every finding. */
    String id();

    /** "中文 / English". */
    String title();

    /** The law or rule the finding breaks, as DOMAIN-RULES.md names it. */
    String legalSource();

    /** The findings at {@code now} (China Standard Time wall clock, as Shequ's tables store times). */
    List<Anomaly> detect(LocalDateTime now);

    /** Empty while the rule runs; otherwise what it waits for (it then finds nothing, it does not guess). */
    default Optional<String> waitsFor() {
        return Optional.empty();
    }
}

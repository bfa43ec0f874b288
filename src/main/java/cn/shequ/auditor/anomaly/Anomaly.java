package cn.shequ.auditor.anomaly;

import cn.shequ.engine.ShequClock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * One finding of a rule (API.md "Audit": {@code rule, subject, detail, detectedAt}): the project or
 * purchase it concerns, a sentence an auditor can check, and when it became observable (the time of
 * the refusal, payment, escalation or passed deadline that shows it, not the time of the query).
 * {@code title} and {@code legalSource} repeat the rule's, so an exported list stands on its own.
 */
public record Anomaly(String rule, String subject, String detail, OffsetDateTime detectedAt, String title,
                      String legalSource) {

    static Anomaly of(AnomalyRule rule, String subject, String detail, LocalDateTime at) {
        return new Anomaly(rule.id(), subject, detail, at == null ? null : at.atZone(ShequClock.ZONE).toOffsetDateTime(),
                rule.title(), rule.legalSource());
    }
}

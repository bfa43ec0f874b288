package cn.shequ.auditor.anomaly;

import cn.shequ.engine.ShequClock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Runs every anomaly rule (GET /api/audit/anomalies) and describes them (GET /api/audit/anomalies/rules). */
@Service
public class Anomalies {

    /** A rule as the workspace lists it: LIVE, or PENDING with what it waits for. */
    public record RuleInfo(String rule, String title, String legalSource, String status, String waitsFor) {}

    private static final Comparator<Anomaly> NEWEST_FIRST = Comparator
            .comparing(Anomaly::detectedAt, Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder()))
            .thenComparing(Anomaly::rule).thenComparing(Anomaly::subject, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final List<AnomalyRule> rules;
    private final ShequClock clock;

    Anomalies(List<AnomalyRule> rules, ShequClock clock) {
        this.rules = rules.stream().sorted(Comparator.comparing(AnomalyRule::id)).toList();
        this.clock = clock;
    }

    /** Every finding of every running rule, newest first; only those of {@code subject} when given. */
    public List<Anomaly> detect(Optional<String> subject) {
        LocalDateTime now = clock.localNow();
        return rules.stream().filter(r -> r.waitsFor().isEmpty())
                .flatMap(r -> r.detect(now).stream())
                .filter(a -> subject.isEmpty() || subject.get().equals(a.subject()))
                .sorted(NEWEST_FIRST).toList();
    }

    public List<RuleInfo> rules() {
        return rules.stream().map(r -> new RuleInfo(r.id(), r.title(), r.legalSource(),
                r.waitsFor().isPresent() ? "PENDING" : "LIVE", r.waitsFor().orElse(null))).toList();
    }
}

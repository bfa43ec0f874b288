package cn.shequ.reports;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The end-of-period timer of 居务公开 ({@code shequ.disclosure.cron}, by default at 00:20 China Standard
 * Time every day, so that the first run after a period ends, or a node that was down then, issues it).
 * Every node runs it; the unique key of {@code periodic_disclosure} lets one issue each disclosure
 * (docs/adr/0020-periodic-disclosure-by-unique-key.md). It reads Shequ's clock, so a moved demo clock
 * moves the period it issues.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "shequ.disclosure.schedule", havingValue = "true", matchIfMissing = true)
class PeriodicDisclosureSchedule {

    private static final Logger log = LoggerFactory.getLogger(PeriodicDisclosureSchedule.class);

    private final PeriodicDisclosures disclosures;

    PeriodicDisclosureSchedule(PeriodicDisclosures disclosures) {
        this.disclosures = disclosures;
    }

    @Scheduled(cron = "${shequ.disclosure.cron:0 20 0 * * *}", zone = "Asia/Shanghai")
    void issueDue() {
        try {
            disclosures.issueDue();
        } catch (RuntimeException e) {
            log.error("居务公开 could not be issued; tried again at the next run", e);
        }
    }
}

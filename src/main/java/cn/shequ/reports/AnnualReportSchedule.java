package cn.shequ.reports;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The start-of-year timer of the annual progress report ({@code shequ.annual-report.cron}, by default at
 * 00:30 China Standard Time every day): from {@code shequ.annual-report.draft-on} on, each reporting body's
 * report on the year before is drafted once and its process started; every node runs it, the unique key
 * (year, body) lets one do it. It reads Shequ's clock.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "shequ.annual-report.schedule", havingValue = "true", matchIfMissing = true)
class AnnualReportSchedule {

    private static final Logger log = LoggerFactory.getLogger(AnnualReportSchedule.class);

    private final AnnualReports reports;

    AnnualReportSchedule(AnnualReports reports) {
        this.reports = reports;
    }

    @Scheduled(cron = "${shequ.annual-report.cron:0 30 0 * * *}", zone = "Asia/Shanghai")
    void draftDue() {
        try {
            reports.draftDue();
        } catch (RuntimeException e) {
            log.error("the annual reports could not be drafted; tried again at the next run", e);
        }
    }
}

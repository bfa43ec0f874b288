package cn.shequ.audit;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes each day's audit chain head shortly after the day ends ({@code shequ.audit-head.cron},
 * by default five minutes past every hour, China Standard Time, so a node that was down at midnight
 * catches up within the hour). Every node runs it; the first to insert a day's row publishes it.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "shequ.audit-head.publish", havingValue = "true", matchIfMissing = true)
class AuditHeadSchedule {

    private static final Logger log = LoggerFactory.getLogger(AuditHeadSchedule.class);

    private final AuditHeads heads;

    AuditHeadSchedule(AuditHeads heads) {
        this.heads = heads;
    }

    @Scheduled(cron = "${shequ.audit-head.cron:0 5 * * * *}", zone = "Asia/Shanghai")
    void publishDue() {
        for (LocalDate day : heads.due()) {
            try {
                heads.publish(day);
            } catch (RuntimeException e) {
                log.error("the audit chain head of {} could not be published; tried again at the next run", day, e);
                return;
            }
        }
    }
}

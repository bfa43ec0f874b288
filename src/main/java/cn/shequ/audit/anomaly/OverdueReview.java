package cn.shequ.audit.anomaly;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A review that passed its due date: each escalation the process's timer recorded (REVIEW_ESCALATED,
 * kept after the review is done), and open tasks already past due that the timer has not reached yet.
 */
@Component
class OverdueReview implements AnomalyRule {

    private final AnomalyMapper sql;

    OverdueReview(AnomalyMapper sql) {
        this.sql = sql;
    }

    @Override
    public String id() {
        return "REVIEW_OVERDUE";
    }

    @Override
    public String title() {
        return "审核超过期限 / review past its due date";
    }

    // no national rule: DOMAIN-RULES "review deadline", 10 working days (shequ.review.working-days)
    @Override
    public String legalSource() {
        return "DOMAIN-RULES“审核期限”：每项审核10个工作日，逾期督办（shequ.review.working-days）";
    }

    @Override
    public List<Anomaly> detect(LocalDateTime now) {
        List<Anomaly> found = new ArrayList<>();
        sql.escalations().forEach(e -> found.add(Anomaly.of(this, e.subjectCode(), e.taskKey() + " 逾期，已督办："
                + e.comment() + "（审计日志第 " + e.seq() + " 条）", e.at())));
        sql.openTasksPastDue(now).forEach(t -> found.add(Anomaly.of(this, t.subjectCode(), t.taskKey() + "（" + t.name()
                + "）" + t.created().toLocalDate() + " 开始，期限 " + t.due() + "，仍未办理 / still open", t.due())));
        return found;
    }
}

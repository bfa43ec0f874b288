package cn.shequ.auditor.anomaly;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A review (or a purchase's task) that passed its due date: each escalation a process's timer recorded
 * (REVIEW_ESCALATED, TASK_ESCALATED; kept after the task is done), and open tasks already past due that
 * the timer has not escalated yet. The open tasks are read first and the escalations second, so a
 * timer committing in between cannot make a task vanish from both; an open task with an escalation of
 * its own is reported once, as the escalation.
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
        return "审核或办理超过期限 / review or task past its due date";
    }

    // no national rule: DOMAIN-RULES "review deadline", 10 working days (shequ.review.working-days)
    @Override
    public String legalSource() {
        return "DOMAIN-RULES“审核期限”：每项审核10个工作日，逾期督办（shequ.review.working-days）";
    }

    @Override
    public List<Anomaly> detect(LocalDateTime now) {
        List<AnomalyMapper.OverdueTask> open = sql.openTasksPastDue(now);
        List<AnomalyMapper.Refusal> escalations = sql.escalations();
        List<Anomaly> found = new ArrayList<>();
        escalations.forEach(e -> found.add(Anomaly.of(this, e.subjectCode(), e.taskKey() + " 逾期，已督办："
                + e.comment() + "（审计日志第 " + e.seq() + " 条）", e.at())));
        open.stream()
                .filter(t -> escalations.stream().noneMatch(e -> e.subjectCode().equals(t.subjectCode())
                        && t.taskKey().equals(e.taskKey()) && !e.at().isBefore(t.created())))
                .forEach(t -> found.add(Anomaly.of(this, t.subjectCode(), t.taskKey() + "（" + t.name() + "）"
                        + t.created().toLocalDate() + " 开始，期限 " + t.due() + "，仍未办理 / still open", t.due())));
        return found;
    }
}

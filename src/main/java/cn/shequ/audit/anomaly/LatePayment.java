package cn.shequ.audit.anomaly;

import cn.shequ.fund.MilestonePayments;
import cn.shequ.fund.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Payment later than 30 days after acceptance: payments flagged late when they were made, and accepted
 * milestones still unpaid 30 days on. The detail states the interest due at 0.05% a day (the
 * regulation's default; a contract may set another rate).
 */
@Component
class LatePayment implements AnomalyRule {

    static final BigDecimal DAILY_INTEREST = new BigDecimal("0.0005");

    private final AnomalyMapper sql;

    LatePayment(AnomalyMapper sql) {
        this.sql = sql;
    }

    @Override
    public String id() {
        return "LATE_PAYMENT";
    }

    @Override
    public String title() {
        return "验收后超过30日未付款 / paid more than 30 days after acceptance";
    }

    // 保障中小企业款项支付条例 (2025): pay within 30 days of acceptance (contract up to 60), else interest 0.05%/day
    @Override
    public String legalSource() {
        return "保障中小企业款项支付条例（2025）：验收后30日内支付，逾期按日万分之五支付利息";
    }

    @Override
    public List<Anomaly> detect(LocalDateTime now) {
        List<Anomaly> found = new ArrayList<>();
        for (AnomalyMapper.Payment p : sql.latePayments()) {
            long days = daysLate(p.acceptedAt(), p.paidAt());
            found.add(Anomaly.of(this, p.subjectCode(), "第 " + p.milestoneSeq() + " 期 ¥" + Money.format(p.amount())
                    + " 于 " + p.acceptedAt().toLocalDate() + " 验收，" + p.paidAt().toLocalDate() + " 才付款（"
                    + p.paidBy() + "），逾期 " + days + " 天，应付利息约 ¥" + interest(p.amount(), days), p.paidAt()));
        }
        LocalDateTime deadlinePassed = now.minus(MilestonePayments.PAYMENT_DEADLINE);
        for (AnomalyMapper.Payment p : sql.unpaidAcceptedBefore(deadlinePassed)) {
            long days = daysLate(p.acceptedAt(), now);
            found.add(Anomaly.of(this, p.subjectCode(), "第 " + p.milestoneSeq() + " 期 ¥" + Money.format(p.amount())
                    + " 于 " + p.acceptedAt().toLocalDate() + " 验收，至今未付款，已逾期 " + days + " 天 / still unpaid",
                    p.acceptedAt().plus(MilestonePayments.PAYMENT_DEADLINE)));
        }
        return found;
    }

    /** Whole days past the 30-day deadline (at least 1 once it has passed). */
    static long daysLate(LocalDateTime acceptedAt, LocalDateTime paidAt) {
        LocalDateTime deadline = acceptedAt.plus(MilestonePayments.PAYMENT_DEADLINE);
        long minutes = ChronoUnit.MINUTES.between(deadline, paidAt);
        return Math.max(1, (minutes + 24 * 60 - 1) / (24 * 60));
    }

    static String interest(BigDecimal amount, long days) {
        return Money.format(amount.multiply(DAILY_INTEREST).multiply(BigDecimal.valueOf(days)).setScale(2, RoundingMode.HALF_UP));
    }
}

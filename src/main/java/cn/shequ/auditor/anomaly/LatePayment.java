package cn.shequ.auditor.anomaly;

import cn.shequ.calendar.WorkingDayCalendar;
import cn.shequ.fund.Money;
import cn.shequ.fund.PaymentTerms;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Payment after the payment term (30 days after acceptance, a contract up to 60): payments flagged
 * late when they were made, and accepted milestones still unpaid once their term has passed. A late
 * payment's days late and interest are the ones {@link PaymentTerms} computed and stored with the
 * payment (0.05% a day, the regulation's default, unless the contract set another rate); this rule
 * only reads them.
 */
@Component
class LatePayment implements AnomalyRule {

    private final AnomalyMapper sql;
    private final WorkingDayCalendar calendar;

    LatePayment(AnomalyMapper sql, WorkingDayCalendar calendar) {
        this.sql = sql;
        this.calendar = calendar;
    }

    @Override
    public String id() {
        return "LATE_PAYMENT";
    }

    @Override
    public String title() {
        return "验收后超过付款期限未付款 / paid after the payment term";
    }

    // 保障中小企业款项支付条例 (2025) arts. 9, 17: pay within 30 days of acceptance (contract up to 60), else interest 0.05%/day
    @Override
    public String legalSource() {
        return "保障中小企业款项支付条例（2025）：验收后30日内支付（合同约定最长60日），逾期按日万分之五支付利息（合同另有约定的从其约定）";
    }

    @Override
    public List<Anomaly> detect(LocalDateTime now) {
        List<Anomaly> found = new ArrayList<>();
        for (AnomalyMapper.PaidLate p : sql.latePayments()) {
            found.add(Anomaly.of(this, p.subjectCode(), paidLate(p), p.paidAt()));
        }
        // no term is shorter than the shortest a contract may agree; each milestone's own term decides
        LocalDateTime shortestTermPassed = now.minusDays(PaymentTerms.MIN_DAYS);
        for (AnomalyMapper.Unpaid m : sql.unpaidAcceptedBefore(shortestTermPassed)) {
            PaymentTerms terms = m.paymentTermDays() == null ? PaymentTerms.DEFAULT
                    : new PaymentTerms(m.paymentTermDays(), m.lateInterestRate());
            long days = terms.daysLate(m.acceptedAt(), now, calendar);
            if (days > 0) {
                found.add(Anomaly.of(this, m.subjectCode(), "第 " + m.milestoneSeq() + " 期 ¥" + Money.format(m.amount())
                        + " 于 " + m.acceptedAt().toLocalDate() + " 验收，至今未付款，已逾期 " + days + " 天 / still unpaid",
                        terms.deadline(m.acceptedAt(), calendar)));
            }
        }
        return found;
    }

    /** The finding of a late payment, from the figures stored with it; a contract's own terms are named. */
    static String paidLate(AnomalyMapper.PaidLate p) {
        String detail = "第 " + p.milestoneSeq() + " 期 ¥" + Money.format(p.amount()) + " 于 " + p.acceptedAt().toLocalDate()
                + " 验收，" + p.paidAt().toLocalDate() + " 才付款（" + p.paidBy() + "），逾期 " + p.daysLate() + " 天，应付利息约 ¥"
                + Money.format(p.lateInterest());
        boolean defaults = p.paymentTermDays() == PaymentTerms.DEFAULT_DAYS
                && p.interestRate().compareTo(PaymentTerms.DEFAULT_DAILY_RATE) == 0;
        return defaults ? detail : detail + "（合同约定付款期限 " + p.paymentTermDays() + " 日，日利率 "
                + PaymentTerms.percent(p.interestRate()) + "）";
    }
}

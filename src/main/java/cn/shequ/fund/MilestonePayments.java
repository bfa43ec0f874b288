package cn.shequ.fund;

import cn.shequ.calendar.WorkingDayCalendar;
import cn.shequ.engine.ShequClock;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pays one milestone exactly once, for service projects and purchases alike: the DISBURSE ledger
 * line and the payment row are written together, and the payment's primary key (subject,
 * milestone) lets the database refuse a second one. A payment after the payment term (30 days
 * after acceptance, a contract up to 60, to the next working day when it ends on a rest day) is flagged late with its interest (保障中小企业款项支付条例
 * (2025) arts. 9, 17), computed here once and stored with the payment.
 */
@Service
public class MilestonePayments {

    /**
     * A milestone's payment: the ledger line that paid it, the terms it was due under, and whether
     * it came late, by how many days, with what interest.
     */
    public record Payment(String subjectCode, int milestoneSeq, BigDecimal amount, long ledgerSeq,
                          LocalDateTime paidAt, String paidBy, LocalDateTime acceptedAt, boolean late,
                          int paymentTermDays, BigDecimal interestRate, int daysLate, BigDecimal lateInterest) {}

    private final PaymentMapper payments;
    private final FundLedger ledger;
    private final ShequClock clock;
    private final WorkingDayCalendar calendar;

    MilestonePayments(PaymentMapper payments, FundLedger ledger, ShequClock clock, WorkingDayCalendar calendar) {
        this.payments = payments;
        this.ledger = ledger;
        this.clock = clock;
        this.calendar = calendar;
    }

    public Optional<Payment> find(String subjectCode, int milestoneSeq) {
        return payments.find(subjectCode, milestoneSeq);
    }

    /** The payments made for a subject's milestones, by milestone seq (none before the first payment). */
    public java.util.Map<Integer, Payment> paid(String subjectCode) {
        java.util.Map<Integer, Payment> paid = new java.util.TreeMap<>();
        payments.all(subjectCode).forEach(payment -> paid.put(payment.milestoneSeq(), payment));
        return paid;
    }

    /**
     * Pays the milestone unless it was paid already (then returns that payment unchanged). Must be
     * called with the subject's row locked, so that concurrent requests queue behind each other.
     *
     * <p>Late-payment interest is a liability owed to the provider, recorded with the payment, in
     * the audit detail of its ledger line and shown with the milestone; it is not paid here and is
     * not a ledger line of its own: the fund ledger moves only ALLOCATE, RESERVE, DISBURSE and
     * RELEASE, and the DISBURSE is the milestone's amount.
     */
    @Transactional
    public Payment pay(String subjectCode, int milestoneSeq, String fundCode, BigDecimal amount,
                       LocalDateTime acceptedAt, PaymentTerms terms, String approvedBy) {
        Optional<Payment> existing = payments.find(subjectCode, milestoneSeq);
        if (existing.isPresent()) {
            return existing.get();
        }
        LocalDateTime paidAt = clock.localNow();
        long daysLate = terms.daysLate(acceptedAt, paidAt, calendar);
        BigDecimal interest = terms.interest(amount, daysLate);
        Map<String, Object> due = new LinkedHashMap<>();
        due.put("acceptedAt", acceptedAt.toString());
        due.put("paymentTermDays", terms.days());
        LocalDateTime paymentDue = terms.deadline(acceptedAt, calendar);
        due.put("paymentDue", paymentDue.toString());
        if (calendar.isProvisional(paymentDue.toLocalDate())) {
            due.put("paymentDueProvisional", true); // counted on a provisional calendar (docs/calendar.md)
        }
        due.put("interestRate", terms.dailyRate().toPlainString());
        due.put("daysLate", daysLate);
        due.put("lateInterest", interest.toPlainString());
        LedgerEntry entry = ledger.disburse(fundCode, amount, subjectCode, milestoneSeq, approvedBy, due);
        Payment payment = new Payment(subjectCode, milestoneSeq, entry.amount(), entry.seq(), paidAt, approvedBy,
                acceptedAt, daysLate > 0, terms.days(), terms.dailyRate(), Math.toIntExact(daysLate), interest);
        payments.insert(payment);
        return payment;
    }
}

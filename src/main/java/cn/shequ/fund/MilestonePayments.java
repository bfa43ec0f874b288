package cn.shequ.fund;

import cn.shequ.engine.ShequClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pays one milestone exactly once, for service projects and purchases alike: the DISBURSE ledger
 * line and the payment row are written together, and the payment's primary key (subject,
 * milestone) lets the database refuse a second one. A payment later than 30 days after
 * acceptance is flagged (保障中小企业款项支付条例, 2025).
 */
@Service
public class MilestonePayments {

    public static final Duration PAYMENT_DEADLINE = Duration.ofDays(30);


    /** A milestone's payment: the ledger line that paid it and whether it came late. */
    public record Payment(String subjectCode, int milestoneSeq, BigDecimal amount, long ledgerSeq,
                          LocalDateTime paidAt, String paidBy, LocalDateTime acceptedAt, boolean late) {}

    private final PaymentMapper payments;
    private final FundLedger ledger;
    private final ShequClock clock;

    MilestonePayments(PaymentMapper payments, FundLedger ledger, ShequClock clock) {
        this.payments = payments;
        this.ledger = ledger;
        this.clock = clock;
    }

    public Optional<Payment> find(String subjectCode, int milestoneSeq) {
        return payments.find(subjectCode, milestoneSeq);
    }

    /**
     * Pays the milestone unless it was paid already (then returns that payment unchanged). Must be
     * called with the subject's row locked, so that concurrent requests queue behind each other.
     */
    @Transactional
    public Payment pay(String subjectCode, int milestoneSeq, String fundCode, BigDecimal amount,
                       LocalDateTime acceptedAt, String approvedBy) {
        Optional<Payment> existing = payments.find(subjectCode, milestoneSeq);
        if (existing.isPresent()) {
            return existing.get();
        }
        LedgerEntry entry = ledger.disburse(fundCode, amount, subjectCode, milestoneSeq, approvedBy);
        LocalDateTime paidAt = clock.localNow();
        boolean late = paidAt.isAfter(acceptedAt.plus(PAYMENT_DEADLINE));
        Payment payment = new Payment(subjectCode, milestoneSeq, entry.amount(), entry.seq(), paidAt, approvedBy,
                acceptedAt, late);
        payments.insert(payment);
        return payment;
    }
}

package cn.shequ.fund;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.engine.ShequClock;
import cn.shequ.support.ShequIT;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A milestone is paid once, whatever the number of requests or retries, also when they arrive at
 * the same moment; a payment more than 30 days after acceptance is flagged late.
 */
@ShequIT
class MilestonePaymentsIT {

    private static final AtomicInteger SUBJECTS = new AtomicInteger();

    @Autowired
    MilestonePayments payments;

    @Autowired
    FundLedger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ShequClock clock;

    @Test
    void aRepeatedPaymentRequestPaysOnce() {
        String subject = reserved("1000.00");
        LocalDateTime accepted = now().minusDays(1);
        MilestonePayments.Payment first = payments.pay(subject, 1, "F2026-CITY", new BigDecimal("400.00"), accepted, "finance1");
        MilestonePayments.Payment again = payments.pay(subject, 1, "F2026-CITY", new BigDecimal("400.00"), accepted, "finance2");
        assertThat(again.ledgerSeq()).isEqualTo(first.ledgerSeq());
        assertThat(again.paidBy()).isEqualTo("finance1");
        assertThat(disbursements(subject)).isEqualTo(1);
        release(subject, "600.00");
    }

    @Test
    void concurrentRequestsForTheSameMilestoneLeaveExactlyOneDisbursement() throws Exception {
        String subject = reserved("1000.00");
        LocalDateTime accepted = now().minusDays(1);
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return payments.pay(subject, 1, "F2026-CITY", new BigDecimal("250.00"), accepted, "finance1");
            }));
        }
        int failures = 0;
        for (Future<?> result : results) {
            try {
                result.get();
            } catch (Exception e) {
                // the database refused a second payment row: that request failed, nothing was paid twice
                failures++;
            }
        }
        pool.shutdown();
        assertThat(disbursements(subject)).isEqualTo(1);
        assertThat(failures).isLessThan(threads);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM milestone_payment WHERE subject_code = ?", Integer.class, subject))
                .isEqualTo(1);
        release(subject, "750.00");
    }

    @Test
    void aPaymentMoreThanThirtyDaysAfterAcceptanceIsFlaggedLate() {
        String subject = reserved("300.00");
        LocalDateTime now = now();
        assertThat(payments.pay(subject, 1, "F2026-CITY", new BigDecimal("100.00"), now.minusDays(30).plusMinutes(1), "finance1").late())
                .as("paid within 30 days").isFalse();
        assertThat(payments.pay(subject, 2, "F2026-CITY", new BigDecimal("100.00"), now.minusDays(31), "finance1").late())
                .as("paid on day 31").isTrue();
        release(subject, "100.00");
    }

    @Test
    void noPaymentBeyondWhatTheFundReserved() {
        String subject = "SP-9901-" + SUBJECTS.incrementAndGet();
        BigDecimal reservedBefore = ledger.find("F2026-CITY").orElseThrow().reserved();
        BigDecimal disbursedBefore = ledger.find("F2026-CITY").orElseThrow().disbursed();
        BigDecimal tooMuch = reservedBefore.subtract(disbursedBefore).add(new BigDecimal("0.01"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        payments.pay(subject, 1, "F2026-CITY", tooMuch, now(), "finance1"))
                .hasMessageContaining("exceeds");
        assertThat(disbursements(subject)).isZero();
    }

    private String reserved(String amount) {
        String subject = "SP-9900-" + SUBJECTS.incrementAndGet() + "-" + System.nanoTime() % 100000;
        ledger.reserve("F2026-CITY", "RELIEF", new BigDecimal(amount), subject, "finance1");
        return subject;
    }

    private void release(String subject, String amount) {
        ledger.release("F2026-CITY", new BigDecimal(amount), subject, "system");
    }

    private int disbursements(String subject) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM fund_ledger WHERE project_code = ? AND entry_type = 'DISBURSE'",
                Integer.class, subject);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.now(), ShequClock.ZONE);
    }
}

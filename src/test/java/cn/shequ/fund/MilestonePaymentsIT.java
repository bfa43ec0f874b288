package cn.shequ.fund;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.engine.ShequClock;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A milestone is paid once, whatever the number of requests or retries, also when they arrive at
 * the same moment; a payment after the payment term (30 days after acceptance, or the contract's)
 * is flagged late, its days late and interest stored with it and in its audit entry.
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

    /**
     * Thursday 2 July 2026, 10:00, for the tests that count days late: the last days of their terms
     * (1 July, 22 June) are working days, so no rest day moves them (民法典 art. 203). In the past,
     * so that no timer of another test's process falls due while the clock stands there.
     */
    private static final Instant THURSDAY = OffsetDateTime.parse("2026-07-02T10:00:00+08:00").toInstant();

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aRepeatedPaymentRequestPaysOnce() {
        String subject = reserved("1000.00");
        LocalDateTime accepted = now().minusDays(1);
        MilestonePayments.Payment first = payments.pay(subject, 1, "F2026-CITY", new BigDecimal("400.00"), accepted, PaymentTerms.DEFAULT, "finance1");
        MilestonePayments.Payment again = payments.pay(subject, 1, "F2026-CITY", new BigDecimal("400.00"), accepted, PaymentTerms.DEFAULT, "finance2");
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
                return payments.pay(subject, 1, "F2026-CITY", new BigDecimal("250.00"), accepted, PaymentTerms.DEFAULT, "finance1");
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
    void aPaymentMoreThanThirtyDaysAfterAcceptanceIsFlaggedLateWithItsDaysAndInterestStored() throws Exception {
        clock.moveTo(THURSDAY);
        String subject = reserved("300.00");
        LocalDateTime now = now();
        MilestonePayments.Payment onTime = payments.pay(subject, 1, "F2026-CITY", new BigDecimal("100.00"),
                now.minusDays(30).plusMinutes(1), PaymentTerms.DEFAULT, "finance1");
        assertThat(onTime.late()).as("paid within 30 days").isFalse();
        assertThat(onTime.daysLate()).isZero();
        assertThat(onTime.lateInterest()).isEqualByComparingTo("0.00");
        MilestonePayments.Payment late = payments.pay(subject, 2, "F2026-CITY", new BigDecimal("100.00"),
                now.minusDays(31), PaymentTerms.DEFAULT, "finance1");
        assertThat(late.late()).as("paid on day 31").isTrue();

        // stored with the payment: 30 days, 0.05% a day, 1 day late, 100.00 × 0.0005 × 1 = 0.05
        Map<String, Object> row = jdbc.queryForMap("SELECT late, payment_term_days, interest_rate, days_late, late_interest "
                + "FROM milestone_payment WHERE subject_code = ? AND milestone_seq = 2", subject);
        assertThat(row.get("LATE")).isEqualTo(Boolean.TRUE);
        assertThat(row.get("PAYMENT_TERM_DAYS")).isEqualTo(30);
        assertThat((BigDecimal) row.get("INTEREST_RATE")).isEqualByComparingTo("0.0005");
        assertThat(row.get("DAYS_LATE")).isEqualTo(1);
        assertThat((BigDecimal) row.get("LATE_INTEREST")).isEqualByComparingTo("0.05");
        MilestonePayments.Payment read = payments.find(subject, 2).orElseThrow();
        assertThat(read.daysLate()).isEqualTo(late.daysLate()).isEqualTo(1);
        assertThat(read.lateInterest()).isEqualByComparingTo(late.lateInterest()).isEqualByComparingTo("0.05");
        assertThat(read.paymentTermDays()).isEqualTo(30);
        assertThat(jdbc.queryForObject("SELECT days_late FROM milestone_payment WHERE subject_code = ? AND milestone_seq = 1",
                Integer.class, subject)).isZero();

        // in the audit detail of the payment's ledger line; the interest is not a ledger line of its own
        JsonNode detail = disburseDetail(subject, 2);
        assertThat(detail.path("paymentTermDays").asInt()).isEqualTo(30);
        assertThat(detail.path("interestRate").asText()).isEqualTo("0.0005");
        assertThat(detail.path("daysLate").asInt()).isEqualTo(1);
        assertThat(detail.path("lateInterest").asText()).isEqualTo("0.05");
        assertThat(detail.path("amount").asText()).isEqualTo("100.00");
        assertThat(disbursements(subject)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM fund_ledger WHERE project_code = ? AND entry_type = 'DISBURSE'",
                BigDecimal.class, subject)).isEqualByComparingTo("200.00");
        release(subject, "100.00");
    }

    @Test
    void aTermWhoseLastDayIsASaturdayIsMetByPayingOnMonday() throws Exception {
        // accepted Thursday 7 May: the 30th day is Saturday 6 June; the term runs to the end of Monday
        // 8 June (民法典 art. 203), two days later than a count of calendar days alone
        clock.moveTo(OffsetDateTime.parse("2026-06-08T16:00:00+08:00").toInstant());
        String subject = reserved("100.00");
        MilestonePayments.Payment monday = payments.pay(subject, 1, "F2026-CITY", new BigDecimal("100.00"),
                LocalDateTime.of(2026, 5, 7, 15, 0), PaymentTerms.DEFAULT, "finance1");
        assertThat(monday.late()).isFalse();
        assertThat(monday.daysLate()).isZero();
        assertThat(disburseDetail(subject, 1).path("paymentDue").asText()).isEqualTo("2026-06-08T23:59:59");
    }

    @Test
    void aContractsTermAndRateDecideLatenessAndInterest() throws Exception {
        clock.moveTo(THURSDAY);
        String subject = reserved("3000.00");
        LocalDateTime now = now();
        PaymentTerms contract = new PaymentTerms(60, new BigDecimal("0.0003"));
        MilestonePayments.Payment day45 = payments.pay(subject, 1, "F2026-CITY", new BigDecimal("1000.00"),
                now.minusDays(45), contract, "finance1");
        assertThat(day45.late()).as("late under the default 30 days, not under the contract's 60").isFalse();
        MilestonePayments.Payment day70 = payments.pay(subject, 2, "F2026-CITY", new BigDecimal("2000.00"),
                now.minusDays(70), contract, "finance1");
        // 10 days late; 2,000.00 × 0.03% × 10 = 6.00
        assertThat(day70.late()).isTrue();
        Map<String, Object> row = jdbc.queryForMap("SELECT payment_term_days, interest_rate, days_late, late_interest "
                + "FROM milestone_payment WHERE subject_code = ? AND milestone_seq = 2", subject);
        assertThat(row.get("PAYMENT_TERM_DAYS")).isEqualTo(60);
        assertThat((BigDecimal) row.get("INTEREST_RATE")).isEqualByComparingTo("0.0003");
        assertThat(row.get("DAYS_LATE")).isEqualTo(10);
        assertThat((BigDecimal) row.get("LATE_INTEREST")).isEqualByComparingTo("6.00");
        JsonNode detail = disburseDetail(subject, 2);
        assertThat(detail.path("paymentTermDays").asInt()).isEqualTo(60);
        assertThat(detail.path("lateInterest").asText()).isEqualTo("6.00");
        assertThat(disbursements(subject)).isEqualTo(2);
    }

    @Test
    void noPaymentBeyondWhatTheFundReserved() {
        String subject = "SP-9901-" + SUBJECTS.incrementAndGet();
        BigDecimal reservedBefore = ledger.find("F2026-CITY").orElseThrow().reserved();
        BigDecimal disbursedBefore = ledger.find("F2026-CITY").orElseThrow().disbursed();
        BigDecimal tooMuch = reservedBefore.subtract(disbursedBefore).add(new BigDecimal("0.01"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        payments.pay(subject, 1, "F2026-CITY", tooMuch, now(), PaymentTerms.DEFAULT, "finance1"))
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

    private JsonNode disburseDetail(String subject, int milestoneSeq) throws Exception {
        List<String> details = jdbc.queryForList("SELECT details FROM audit_entry WHERE action = 'LEDGER_ENTRY' "
                + "AND subject_code = ? ORDER BY seq", String.class, subject);
        for (String text : details) {
            JsonNode detail = new ObjectMapper().readTree(text);
            if ("DISBURSE".equals(detail.path("type").asText()) && detail.path("milestoneSeq").asInt() == milestoneSeq) {
                return detail;
            }
        }
        throw new AssertionError("no DISBURSE audit entry for " + subject + " milestone " + milestoneSeq);
    }

    private int disbursements(String subject) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM fund_ledger WHERE project_code = ? AND entry_type = 'DISBURSE'",
                Integer.class, subject);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.now(), ShequClock.ZONE);
    }
}

package cn.shequ.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * Days late and interest at the edges (保障中小企业款项支付条例 (2025) arts. 9, 17): due 30 days after
 * acceptance unless the contract agreed up to 60, then 0.05% a day unless it agreed another rate.
 */
class PaymentTermsTest {

    static final LocalDateTime ACCEPTED = LocalDateTime.of(2026, 11, 2, 10, 0);
    static final BigDecimal AMOUNT = new BigDecimal("2000.00");

    @Test
    void paidOnTheThirtiethDayAfterAcceptanceIsNotLateUntilMidnight() {
        PaymentTerms terms = PaymentTerms.DEFAULT;
        // accepted Monday 2 November 10:00: the day of acceptance is not counted (民法典 art. 201), the
        // 30th day is 2 December, and it runs to 24:00 (art. 203)
        assertThat(terms.deadline(ACCEPTED)).isEqualTo(LocalDateTime.of(2026, 12, 2, 23, 59, 59));
        assertThat(terms.daysLate(ACCEPTED, ACCEPTED)).isZero();
        assertThat(terms.daysLate(ACCEPTED, LocalDateTime.of(2026, 12, 2, 23, 59, 59))).isZero();
        assertThat(terms.daysLate(ACCEPTED, ACCEPTED.plusDays(30).plusHours(13))).as("later in the day than accepted").isZero();
        assertThat(terms.interest(AMOUNT, 0)).isEqualByComparingTo("0.00").hasToString("0.00");
    }

    @Test
    void eachCalendarDayAfterTheThirtiethIsADayLate() {
        PaymentTerms terms = PaymentTerms.DEFAULT;
        assertThat(terms.daysLate(ACCEPTED, LocalDateTime.of(2026, 12, 3, 0, 0, 1))).isEqualTo(1);
        assertThat(terms.daysLate(ACCEPTED, LocalDateTime.of(2026, 12, 3, 23, 0))).isEqualTo(1);
        assertThat(terms.daysLate(ACCEPTED, LocalDateTime.of(2026, 12, 4, 9, 0))).isEqualTo(2);
        assertThat(terms.daysLate(ACCEPTED, ACCEPTED.plusDays(35))).isEqualTo(5);
        // 2,000.00 × 0.05% × 1 = 1.00
        assertThat(terms.interest(AMOUNT, 1)).hasToString("1.00");
    }

    @Test
    void aContractTermOfSixtyDaysMovesTheDeadline() {
        PaymentTerms sixty = new PaymentTerms(60, PaymentTerms.DEFAULT_DAILY_RATE);
        assertThat(sixty.deadline(ACCEPTED)).isEqualTo(LocalDateTime.of(2027, 1, 1, 23, 59, 59));
        assertThat(sixty.daysLate(ACCEPTED, ACCEPTED.plusDays(45))).as("late under the default, not under 60").isZero();
        assertThat(sixty.daysLate(ACCEPTED, ACCEPTED.plusDays(60).plusHours(13))).isZero();
        assertThat(sixty.daysLate(ACCEPTED, ACCEPTED.plusDays(61))).isEqualTo(1);
        assertThat(sixty.daysLate(ACCEPTED, ACCEPTED.plusDays(70))).isEqualTo(10);
        assertThat(sixty.interest(AMOUNT, 10)).hasToString("10.00");
    }

    @Test
    void aContractRateReplacesTheDefaultAndIsRoundedHalfUpToTheFen() {
        PaymentTerms rate = new PaymentTerms(30, new BigDecimal("0.0003"));
        // 2,000.00 × 0.03% × 5 = 3.00 (the default would be 5.00)
        assertThat(rate.interest(AMOUNT, 5)).hasToString("3.00");
        assertThat(PaymentTerms.DEFAULT.interest(AMOUNT, 5)).hasToString("5.00");
        // 12,345.67 × 0.05% × 3 = 18.518505 → 18.52; 0.125 → 0.13 (half up)
        assertThat(PaymentTerms.DEFAULT.interest(new BigDecimal("12345.67"), 3)).hasToString("18.52");
        assertThat(new PaymentTerms(30, new BigDecimal("0.000125")).interest(new BigDecimal("1000.00"), 1)).hasToString("0.13");
        assertThat(new PaymentTerms(30, new BigDecimal("0.000124")).interest(new BigDecimal("1000.00"), 1)).hasToString("0.12");
    }

    @Test
    void termsOutsideTheRegulationCannotBeMade() {
        assertThatThrownBy(() -> new PaymentTerms(29, PaymentTerms.DEFAULT_DAILY_RATE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentTerms(61, PaymentTerms.DEFAULT_DAILY_RATE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentTerms(30, BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentTerms(30, new BigDecimal("0.0011"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PaymentTerms(60, PaymentTerms.MAX_DAILY_RATE).days()).isEqualTo(60);
        assertThat(PaymentTerms.percent(new BigDecimal("0.000500"))).isEqualTo("0.05%");
    }
}

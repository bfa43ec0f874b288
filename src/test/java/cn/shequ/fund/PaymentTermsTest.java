package cn.shequ.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shequ.calendar.WorkingDayCalendar;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * Days late and interest at the edges (保障中小企业款项支付条例 (2025) arts. 9, 17): due 30 days after
 * acceptance unless the contract agreed up to 60, then 0.05% a day unless it agreed another rate; a
 * term whose last day is a rest day runs to the next working day (民法典 art. 203).
 */
class PaymentTermsTest {

    static final LocalDateTime ACCEPTED = LocalDateTime.of(2026, 11, 2, 10, 0);
    static final BigDecimal AMOUNT = new BigDecimal("2000.00");
    static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.fromClasspath();

    @Test
    void paidOnTheThirtiethDayAfterAcceptanceIsNotLateUntilMidnight() {
        PaymentTerms terms = PaymentTerms.DEFAULT;
        // accepted Monday 2 November 10:00: the day of acceptance is not counted (民法典 art. 201), the
        // 30th day is 2 December, and it runs to 24:00 (art. 203)
        assertThat(terms.deadline(ACCEPTED, CALENDAR)).isEqualTo(LocalDateTime.of(2026, 12, 2, 23, 59, 59));
        assertThat(terms.daysLate(ACCEPTED, ACCEPTED, CALENDAR)).isZero();
        assertThat(terms.daysLate(ACCEPTED, LocalDateTime.of(2026, 12, 2, 23, 59, 59), CALENDAR)).isZero();
        assertThat(terms.daysLate(ACCEPTED, ACCEPTED.plusDays(30).plusHours(13), CALENDAR)).as("later in the day than accepted").isZero();
        assertThat(terms.interest(AMOUNT, 0)).isEqualByComparingTo("0.00").hasToString("0.00");
    }

    @Test
    void eachCalendarDayAfterTheThirtiethIsADayLate() {
        PaymentTerms terms = PaymentTerms.DEFAULT;
        assertThat(terms.daysLate(ACCEPTED, LocalDateTime.of(2026, 12, 3, 0, 0, 1), CALENDAR)).isEqualTo(1);
        assertThat(terms.daysLate(ACCEPTED, LocalDateTime.of(2026, 12, 3, 23, 0), CALENDAR)).isEqualTo(1);
        assertThat(terms.daysLate(ACCEPTED, LocalDateTime.of(2026, 12, 4, 9, 0), CALENDAR)).isEqualTo(2);
        assertThat(terms.daysLate(ACCEPTED, ACCEPTED.plusDays(35), CALENDAR)).isEqualTo(5);
        // 2,000.00 × 0.05% × 1 = 1.00
        assertThat(terms.interest(AMOUNT, 1)).hasToString("1.00");
    }

    @Test
    void aContractTermOfSixtyDaysMovesTheDeadline() {
        PaymentTerms sixty = new PaymentTerms(60, PaymentTerms.DEFAULT_DAILY_RATE);
        // 1 January 2027 is a Friday and 元旦 (statutory, on 2027's provisional calendar): the term runs to Monday 01-04
        assertThat(sixty.deadline(ACCEPTED, CALENDAR)).isEqualTo(LocalDateTime.of(2027, 1, 4, 23, 59, 59));
        assertThat(sixty.daysLate(ACCEPTED, ACCEPTED.plusDays(45), CALENDAR)).as("late under the default, not under 60").isZero();
        assertThat(sixty.daysLate(ACCEPTED, ACCEPTED.plusDays(60).plusHours(13), CALENDAR)).isZero();
        assertThat(sixty.daysLate(ACCEPTED, ACCEPTED.plusDays(63), CALENDAR)).as("paid Monday 01-04").isZero();
        assertThat(sixty.daysLate(ACCEPTED, ACCEPTED.plusDays(64), CALENDAR)).isEqualTo(1);
        assertThat(sixty.daysLate(ACCEPTED, ACCEPTED.plusDays(73), CALENDAR)).isEqualTo(10);
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
        // the regulation caps an agreed term at 60 days and sets no floor (art. 9): 1..60 is lawful
        assertThatThrownBy(() -> new PaymentTerms(0, PaymentTerms.DEFAULT_DAILY_RATE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PaymentTerms(1, PaymentTerms.DEFAULT_DAILY_RATE).days()).isEqualTo(1);
        assertThat(new PaymentTerms(15, PaymentTerms.DEFAULT_DAILY_RATE).days()).isEqualTo(15);
        assertThatThrownBy(() -> new PaymentTerms(61, PaymentTerms.DEFAULT_DAILY_RATE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentTerms(30, BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentTerms(30, new BigDecimal("0.0011"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PaymentTerms(60, PaymentTerms.MAX_DAILY_RATE).days()).isEqualTo(60);
        assertThat(PaymentTerms.percent(new BigDecimal("0.000500"))).isEqualTo("0.05%");
    }

    @Test
    void aTermEndingOnAWeekendRunsToMondayAndDaysLateCountFromThere() {
        PaymentTerms terms = PaymentTerms.DEFAULT;
        // accepted Thursday 5 November: the 30th day is Saturday 5 December, the term ends Monday 7 December
        LocalDateTime accepted = LocalDateTime.of(2026, 11, 5, 15, 0);
        assertThat(terms.deadline(accepted, CALENDAR)).isEqualTo(LocalDateTime.of(2026, 12, 7, 23, 59, 59));
        assertThat(terms.daysLate(accepted, LocalDateTime.of(2026, 12, 7, 18, 0), CALENDAR)).as("Monday").isZero();
        assertThat(terms.daysLate(accepted, LocalDateTime.of(2026, 12, 8, 9, 0), CALENDAR)).as("Tuesday").isEqualTo(1);
    }

    @Test
    void aTermEndingInTheNationalDayHolidayRunsToTheFirstWorkingDayAfterIt() {
        PaymentTerms terms = PaymentTerms.DEFAULT;
        // the 30th day after 1 September is 1 October, the first of seven holidays: the term ends Thursday 8 October
        LocalDateTime accepted = LocalDateTime.of(2026, 9, 1, 10, 0);
        assertThat(terms.deadline(accepted, CALENDAR)).isEqualTo(LocalDateTime.of(2026, 10, 8, 23, 59, 59));
        assertThat(terms.daysLate(accepted, LocalDateTime.of(2026, 10, 8, 17, 0), CALENDAR)).isZero();
        assertThat(terms.daysLate(accepted, LocalDateTime.of(2026, 10, 9, 9, 0), CALENDAR)).isEqualTo(1);
    }

    @Test
    void aTermEndingOnAMakeUpWorkingSaturdayEndsThatSaturday() {
        PaymentTerms terms = PaymentTerms.DEFAULT;
        // the 30th day after 10 September is Saturday 10 October, worked in exchange for the National Day holiday
        LocalDateTime accepted = LocalDateTime.of(2026, 9, 10, 10, 0);
        assertThat(terms.deadline(accepted, CALENDAR)).isEqualTo(LocalDateTime.of(2026, 10, 10, 23, 59, 59));
        assertThat(terms.daysLate(accepted, LocalDateTime.of(2026, 10, 12, 9, 0), CALENDAR)).as("Monday after").isEqualTo(2);
    }

    @Test
    void inAYearWithoutACalendarTheTermEndsOnTheProvisionalCalendarAndNothingFails() {
        PaymentTerms terms = PaymentTerms.DEFAULT;
        // the 30th day after 4 December 2026 is Sunday 3 January 2027; 2027's notice is not published, its
        // provisional calendar (statute, no make-up days) rests that Sunday: the term ends Monday 01-04
        LocalDateTime accepted = LocalDateTime.of(2026, 12, 4, 10, 0);
        assertThat(terms.deadline(accepted, CALENDAR)).isEqualTo(LocalDateTime.of(2027, 1, 4, 23, 59, 59));
        assertThat(terms.daysLate(accepted, LocalDateTime.of(2027, 1, 6, 9, 0), CALENDAR)).isEqualTo(2);
    }
}

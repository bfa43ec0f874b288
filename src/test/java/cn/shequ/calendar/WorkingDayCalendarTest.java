package cn.shequ.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Counting deadlines in working days against the real 2026 calendar file. */
class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.fromClasspath();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void tenWorkingDaysAfterAFridayInOrdinaryWeeksIsTheFridayTwoWeeksLater() {
        // 2026-03-06 is a Friday; March 2026 has no holiday.
        assertThat(calendar.addWorkingDays(d("2026-03-06"), 10)).isEqualTo(d("2026-03-20"));
    }

    @Test
    void aPeriodOverNationalDaySkipsTheHolidayAndCountsTheMakeUpSaturday() {
        // 09-30 Wed; 10-01..10-07 off; 10-08 Thu (1), 10-09 Fri (2), 10-10 Sat 调休 (3).
        assertThat(calendar.addWorkingDays(d("2026-09-30"), 3)).isEqualTo(d("2026-10-10"));
        assertThat(calendar.addWorkingDays(d("2026-09-30"), 4)).isEqualTo(d("2026-10-12"));
    }

    @Test
    void aPeriodOverSpringFestivalCountsBothMakeUpSaturdays() {
        // 02-13 Fri; 02-14 Sat 调休 (1); 02-15..02-23 off; 02-24..02-27 (2..5); 02-28 Sat 调休 (6).
        assertThat(calendar.addWorkingDays(d("2026-02-13"), 6)).isEqualTo(d("2026-02-28"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"})
    void makeUpWeekendDaysAreWorkingDays(String date) {
        LocalDate day = d(date);
        assertThat(day.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(calendar.isWorkingDay(day)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-16", "2026-01-02", "2026-04-06", "2026-05-05", "2026-06-19", "2026-10-07"})
    void holidaysOnWeekdaysAreNotWorkingDays(String date) {
        LocalDate day = d(date);
        assertThat(day.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(calendar.isWorkingDay(day)).isFalse();
    }

    @Test
    void ordinaryWeekdaysWorkAndOrdinaryWeekendsDoNot() {
        assertThat(calendar.isWorkingDay(d("2026-03-10"))).isTrue();   // Tuesday
        assertThat(calendar.isWorkingDay(d("2026-03-14"))).isFalse();  // Saturday
        assertThat(calendar.isWorkingDay(d("2026-03-15"))).isFalse();  // Sunday
    }

    @Test
    void theStartDayIsNotCountedEvenWhenItIsAWorkingDay() {
        // 民法典 art. 201: Monday 03-02 is a working day, yet 1 working day after it is Tuesday.
        assertThat(calendar.isWorkingDay(d("2026-03-02"))).isTrue();
        assertThat(calendar.addWorkingDays(d("2026-03-02"), 1)).isEqualTo(d("2026-03-03"));
    }

    @Test
    void startingOnAHolidayTheFirstDayCountedIsTheNextWorkingDay() {
        assertThat(calendar.addWorkingDays(d("2026-10-01"), 1)).isEqualTo(d("2026-10-08"));
        assertThat(calendar.addWorkingDays(d("2026-02-15"), 1)).isEqualTo(d("2026-02-24"));
    }

    @Test
    void startingOnAWeekendTheFirstDayCountedIsTheNextWorkingDay() {
        assertThat(calendar.addWorkingDays(d("2026-03-07"), 1)).isEqualTo(d("2026-03-09")); // Sat -> Mon
        // New Year's Saturday: the next day is the make-up Sunday 01-04.
        assertThat(calendar.addWorkingDays(d("2026-01-03"), 1)).isEqualTo(d("2026-01-04"));
    }

    @Test
    void aPeriodEndingOnTheLastDayOfTheCoveredYearIsFine() {
        // 12-17 Thu: 12-18 (1), 12-21..12-25 (2..6), 12-28..12-31 (7..10).
        assertThat(calendar.addWorkingDays(d("2026-12-17"), 10)).isEqualTo(d("2026-12-31"));
    }

    @Test
    void aPeriodRunningIntoAYearWithoutACalendarIsCountedProvisionally() {
        // 12-20 Sun: 9 working days to 12-31; 2027 has no file: 01-01 (元旦, statutory) is off, the 10th is 01-04.
        assertThat(calendar.addWorkingDays(d("2026-12-20"), 10)).isEqualTo(d("2027-01-04"));
        assertThat(calendar.deadline(d("2026-12-20"), 10).provisional()).isTrue();
        assertThat(calendar.deadline(d("2026-12-10"), 10).provisional()).isFalse();
    }

    @Test
    void datesInAnEarlierYearWithoutACalendarAreProvisionalToo() {
        assertThat(calendar.isProvisional(2025)).isTrue();
        assertThat(calendar.isWorkingDay(d("2025-12-31"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2025-10-01"))).isFalse();
        assertThat(calendar.workingDaysBetween(d("2025-12-30"), d("2026-01-05"))).isEqualTo(3); // 12-31, 01-04 调休, 01-05
    }

    @Test
    void onceTheNextYearsFileExistsThePeriodIntoItIsCounted() {
        // Proves the refusal above is about missing data, not a fixed limit. Made-up 2027 data.
        YearCalendar fake2027 = CalendarFileParser.parse("test-2027", 2027,
                new StringReader("2027-01-01=HOLIDAY 元旦\n"));
        WorkingDayCalendar withNextYear = new WorkingDayCalendar(List.of(
                CalendarFileParser.parse("test-2026", 2026, new StringReader("")), fake2027));
        // 12-21..12-25 (5), 12-28..12-31 (9), 2027-01-01 Fri holiday, 01-04 Mon (10).
        assertThat(withNextYear.addWorkingDays(d("2026-12-20"), 10)).isEqualTo(d("2027-01-04"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void aPeriodOfZeroOrFewerWorkingDaysIsRefused(int workingDays) {
        assertThatThrownBy(() -> calendar.addWorkingDays(d("2026-03-02"), workingDays))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 working day")
                .hasMessageContaining(String.valueOf(workingDays));
    }

    @Test
    void workingDaysWaitedAcrossNationalDay() {
        // After 09-30 up to 10-10: 10-08, 10-09, 10-10 (Sat 调休).
        assertThat(calendar.workingDaysBetween(d("2026-09-30"), d("2026-10-10"))).isEqualTo(3);
        // After 09-18 (Fri) up to 09-30: 09-20 Sun 调休, 09-21..09-24, 09-28..09-30; 中秋 09-25..27 off.
        assertThat(calendar.workingDaysBetween(d("2026-09-18"), d("2026-09-30"))).isEqualTo(8);
    }

    @Test
    void workingDaysWaitedAcrossSpringFestival() {
        // 02-14 Sat 调休, then 02-15..02-23 off, then 02-24..02-27.
        assertThat(calendar.workingDaysBetween(d("2026-02-13"), d("2026-02-27"))).isEqualTo(5);
    }

    @Test
    void workingDaysBetweenTheSameDayIsZeroAndBackwardsIsRefused() {
        assertThat(calendar.workingDaysBetween(d("2026-03-02"), d("2026-03-02"))).isZero();
        assertThatThrownBy(() -> calendar.workingDaysBetween(d("2026-03-03"), d("2026-03-02")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before");
    }

    @Test
    void workingDaysBetweenUndoesAddWorkingDaysFromEveryStartIn2026() {
        for (LocalDate start = d("2026-01-01"); start.isBefore(d("2026-12-01")); start = start.plusDays(1)) {
            for (int n : new int[] {1, 3, 7, 10}) {
                LocalDate end = calendar.addWorkingDays(start, n);
                assertThat(calendar.isWorkingDay(end)).as("end of %s + %d", start, n).isTrue();
                assertThat(calendar.workingDaysBetween(start, end)).as("%s + %d", start, n).isEqualTo(n);
            }
        }
    }
}

package cn.shequ.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.calendar.WorkingDayCalendar;
import cn.shequ.engine.ShequClock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The challenge period (DOMAIN-RULES "challenge"): the result notice runs 1 working day (87号令 art. 69)
 * and the 7 working days of the challenge run from the day it ends (条例 art. 53(三)), on the real 2026
 * calendar.
 */
class ProcurementDeadlinesTest {

    private final ProcurementDeadlines deadlines = new ProcurementDeadlines(WorkingDayCalendar.fromClasspath(), new ShequClock());

    @Test
    void anAwardAnnouncedOn22September2026CanBeChallengedUntilTheEndOfTheMakeUpSaturday10October() {
        // notice period: Wed 09-23; then Thu 09-24 (1), [中秋 09-25..27], 09-28..09-30 (2..4),
        // [国庆 10-01..07], Thu 10-08 (5), Fri 10-09 (6), Sat 10-10 调休 (7)
        assertThat(deadlines.challengeDeadline(LocalDate.of(2026, 9, 22))).isEqualTo("2026-10-10T23:59:59");
    }

    @Test
    void inOrdinaryWeeksTheChallengePeriodEndsEightWorkingDaysAfterTheAward() {
        // Tue 09-01: notice period Wed 09-02; 09-03, 04, 07, 08, 09, 10, 11 — Friday 11 September
        assertThat(deadlines.challengeDeadline(LocalDate.of(2026, 9, 1))).isEqualTo("2026-09-11T23:59:59");
        // an award on a Friday: the notice period is Monday, the challenge period ends the Wednesday after next
        assertThat(deadlines.challengeDeadline(LocalDate.of(2026, 3, 6))).isEqualTo("2026-03-18T23:59:59");
    }
}

package cn.shequ.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The shipped 2026 file matches 国务院办公厅关于2026年部分节假日安排的通知 (as transcribed in
 * HOLIDAYS.md): every holiday day off, every make-up working day, nothing else.
 */
class Calendar2026DataTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.fromClasspath();

    @Test
    void onlyTheYearsWithAFileAreCovered() {
        assertThat(calendar.coveredYears()).containsExactly(2026);
    }

    @Test
    void everyDayOfEachHolidayRangeIsOffAndEveryMakeUpDayIsWorked() {
        List<LocalDate> off = new ArrayList<>();
        off.addAll(range("2026-01-01", "2026-01-03")); // 元旦
        off.addAll(range("2026-02-15", "2026-02-23")); // 春节
        off.addAll(range("2026-04-04", "2026-04-06")); // 清明节
        off.addAll(range("2026-05-01", "2026-05-05")); // 劳动节
        off.addAll(range("2026-06-19", "2026-06-21")); // 端午节
        off.addAll(range("2026-09-25", "2026-09-27")); // 中秋节
        off.addAll(range("2026-10-01", "2026-10-07")); // 国庆节
        List<LocalDate> worked = List.of(LocalDate.parse("2026-01-04"), LocalDate.parse("2026-02-14"),
                LocalDate.parse("2026-02-28"), LocalDate.parse("2026-05-09"), LocalDate.parse("2026-09-20"),
                LocalDate.parse("2026-10-10"));

        assertThat(off).hasSize(33).allSatisfy(day -> assertThat(calendar.isWorkingDay(day)).as("%s", day).isFalse());
        assertThat(worked).allSatisfy(day -> assertThat(calendar.isWorkingDay(day)).as("%s", day).isTrue());

        // Every other date follows the ordinary week: 2026 has 365 days, 104 weekend days,
        // of which the holiday ranges cover 14; so 365 - 104 - (33 - 14) + 6 = 248 working days.
        long workingDays = range("2026-01-01", "2026-12-31").stream().filter(calendar::isWorkingDay).count();
        assertThat(workingDays).isEqualTo(248);
    }

    private static List<LocalDate> range(String first, String last) {
        return LocalDate.parse(first).datesUntil(LocalDate.parse(last).plusDays(1)).toList();
    }
}

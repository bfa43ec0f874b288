package cn.shequ.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The provisional calendar of a year without the State Council's notice, computed from the statute
 * (全国年节及纪念日放假办法, 2024 revision) with the lunar library, checked day by day for 2027 and
 * against official dates of earlier years; and the bound {@link WorkingDayCalendar#PROVISIONAL_EXTENSION_DAYS}
 * checked against the official arrangements Shequ knows (2025, 2026).
 */
class ProvisionalCalendarTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.fromClasspath();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void provisional2027DayByDay() {
        // the statutory days off of 2027, and 补假 (art. 6) for those that fall on a weekend
        Set<LocalDate> off = new TreeSet<>(List.of(
                d("2027-01-01"),                                                         // 元旦 (Fri)
                d("2027-02-05"), d("2027-02-06"), d("2027-02-07"), d("2027-02-08"),      // 春节: 除夕 02-05 to 初三
                d("2027-02-09"), d("2027-02-10"),                                        // 补假 for 02-06 Sat, 02-07 Sun
                d("2027-04-05"),                                                         // 清明 (Mon)
                d("2027-05-01"), d("2027-05-02"),                                        // 劳动节 (Sat, Sun)
                d("2027-05-03"), d("2027-05-04"),                                        // 补假
                d("2027-06-09"),                                                         // 端午 (Wed)
                d("2027-09-15"),                                                         // 中秋 (Wed)
                d("2027-10-01"), d("2027-10-02"), d("2027-10-03"),                       // 国庆 (Fri..Sun)
                d("2027-10-04"), d("2027-10-05")));                                      // 补假
        assertThat(calendar.isProvisional(2027)).isTrue();
        for (LocalDate day = d("2027-01-01"); day.getYear() == 2027; day = day.plusDays(1)) {
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean working = !weekend && !off.contains(day);
            assertThat(calendar.isWorkingDay(day)).as("%s (%s)", day, day.getDayOfWeek()).isEqualTo(working);
        }
        // no make-up working days: every Saturday and Sunday of 2027 is a rest day
        assertThat(calendar.status(2027).days()).noneMatch(line -> line.contains("WORKDAY"))
                .contains("2027-02-05 HOLIDAY 春节", "2027-04-05 HOLIDAY 清明节", "2027-06-09 HOLIDAY 端午节",
                        "2027-09-15 HOLIDAY 中秋节", "2027-05-03 HOLIDAY 劳动节补假");
    }

    @Test
    void theLibraryAgreesWithTheOfficialCalendarAtTheHardCases() {
        // 正月初一 2027 is 02-06 (the new moon falls shortly before midnight Beijing time; ICU4J says 02-07)
        assertThat(holidays(2027, "春节")).startsWith(d("2027-02-05"), d("2027-02-06"));
        // 2026: 除夕 02-16, 正月初一 02-17 (the official notice: 春节 02-15..02-23 around them)
        assertThat(holidays(2026, "春节")).startsWith(d("2026-02-16"), d("2026-02-17"));
        // 2025: 除夕 01-28 (official 春节 01-28..02-04 starts on it)
        assertThat(holidays(2025, "春节")).startsWith(d("2025-01-28"), d("2025-01-29"));
        // 清明 is the solar term's day: 2026-04-05, 2025-04-04, 2024-04-04, 2023-04-05
        assertThat(holidays(2026, "清明节")).containsExactly(d("2026-04-05"));
        assertThat(holidays(2025, "清明节")).containsExactly(d("2025-04-04"));
        assertThat(holidays(2024, "清明节")).containsExactly(d("2024-04-04"));
        assertThat(holidays(2023, "清明节")).containsExactly(d("2023-04-05"));
        // 端午 and 中秋 of known years: 2025-05-31 / 2025-10-06, 2026-06-19 / 2026-09-25, 2023-06-22 / 2023-09-29
        assertThat(holidays(2025, "端午节")).containsExactly(d("2025-05-31"));
        assertThat(holidays(2025, "中秋节")).containsExactly(d("2025-10-06"));
        assertThat(holidays(2026, "端午节")).containsExactly(d("2026-06-19"));
        assertThat(holidays(2026, "中秋节")).containsExactly(d("2026-09-25"));
        assertThat(holidays(2023, "端午节")).containsExactly(d("2023-06-22"));
        assertThat(holidays(2023, "中秋节")).containsExactly(d("2023-09-29"));
        // 2020: 中秋 on 10-01, within 国庆 — one day, not a second one
        assertThat(StatutoryHolidays.provisional(2020).days().keySet()).contains(d("2020-10-01"))
                .doesNotContain(d("2020-10-06"));
    }

    @Test
    void everyStatutoryDayOfAnOfficialYearIsOffInItsOfficialArrangement() {
        // the provisional calendar never puts a statutory holiday where the notice has none
        WorkingDayCalendar official = officialCalendar();
        for (int year : new int[] {2025, 2026}) {
            StatutoryHolidays.provisional(year).days().values().stream().filter(day -> !day.name().endsWith("补假"))
                    .forEach(day -> assertThat(official.isWorkingDay(day.date())).as("%s %s", day.date(), day.name()).isFalse());
        }
    }

    @Test
    void theOfficialArrangementMovesAProvisionalDeadlineByAtMostTheBound() {
        WorkingDayCalendar official = officialCalendar();
        WorkingDayCalendar provisional = new WorkingDayCalendar(List.of()); // every year provisional
        long longest = 0;
        List<String> longestCases = new ArrayList<>();
        for (LocalDate start = d("2024-12-01"); start.isBefore(d("2026-12-01")); start = start.plusDays(1)) {
            for (int n : new int[] {1, 2, 3, 5, 7, 8, 10}) {
                long moved = ChronoUnit.DAYS.between(provisional.addWorkingDays(start, n), official.addWorkingDays(start, n));
                if (moved > longest) {
                    longest = moved;
                    longestCases.clear();
                }
                if (moved == longest) {
                    longestCases.add(start + "+" + n);
                }
            }
            long moved = ChronoUnit.DAYS.between(provisional.periodEnd(start), official.periodEnd(start));
            assertThat(moved).as("period ending %s", start).isLessThanOrEqualTo(WorkingDayCalendar.PROVISIONAL_EXTENSION_DAYS);
        }
        // 2025 and 2026: 调休 adds two working days off to 春节 and 国庆 each: four calendar days at most
        // (2026-02-14 + 1: provisionally Friday 02-20, officially Tuesday 02-24)
        assertThat(longest).as("longest move, e.g. %s", longestCases).isEqualTo(4)
                .isLessThanOrEqualTo(WorkingDayCalendar.PROVISIONAL_EXTENSION_DAYS);
    }

    @Test
    void aDeadlineSaysWhetherItIsProvisional() {
        // 2026-12-24 (Thu) + 10 working days: 12-25, 12-28..12-31, (01-01 元旦), 01-04..01-08 → 2027-01-08
        assertThat(calendar.deadline(d("2026-12-24"), 10)).isEqualTo(new Deadline(d("2027-01-08"), true));
        assertThat(calendar.deadline(d("2026-12-10"), 10)).isEqualTo(new Deadline(d("2026-12-24"), false));
        assertThat(calendar.protectedEnd(d("2026-12-24"), d("2027-01-08"))).isEqualTo(d("2027-01-15"));
        assertThat(calendar.protectedEnd(d("2026-12-10"), d("2026-12-24"))).isEqualTo(d("2026-12-24"));
        // a payment term ending on 2027-01-01 (元旦, Fri) runs to Monday 01-04
        assertThat(calendar.periodEndDeadline(d("2027-01-01"))).isEqualTo(new Deadline(d("2027-01-04"), true));
        assertThat(calendar.periodEndDeadline(d("2026-12-31"))).isEqualTo(new Deadline(d("2026-12-31"), false));
    }

    @Test
    void onlyNonsenseYearsStillHaveNoCalendar() {
        assertThat(calendar.isWorkingDay(d("2100-12-31"))).isTrue(); // a Friday, provisional
        assertThatThrownBy(() -> calendar.isWorkingDay(d("2101-01-03"))).isInstanceOf(CalendarYearMissingException.class);
        assertThatThrownBy(() -> calendar.isWorkingDay(d("1899-12-29"))).isInstanceOf(CalendarYearMissingException.class);
        assertThat(calendar.periodEnd(d("2101-01-01"))).isEqualTo(d("2101-01-01"));
    }

    @Test
    void fromTheFirstOfNovemberAMissingNextYearIsAnnounced() {
        OfficialCalendars official = new OfficialCalendars(WorkingDayCalendar.fromClasspath(), null); // nothing loaded
        assertThat(official.nextYearMissing(d("2026-10-31"))).isFalse();
        assertThat(official.nextYearMissing(d("2026-11-01"))).isTrue();   // 2027 has no notice
        assertThat(official.nextYearMissing(d("2026-12-31"))).isTrue();
        assertThat(official.nextYearMissing(d("2025-11-01"))).isFalse();  // 2026 ships
    }

    @Test
    void anArrangementIsCheckedAgainstTheStatute() {
        OfficialCalendars official = new OfficialCalendars(WorkingDayCalendar.fromClasspath(), null);
        assertThatThrownBy(() -> official.check(2027, "2027-01-01=HOLIDAY 元旦\n"))
                .isInstanceOf(OfficialCalendars.RefusedArrangement.class)
                .hasMessageContaining("2027-02-05").hasMessageContaining("春节").hasMessageContaining("第二条");
        assertThatThrownBy(() -> official.check(2027, "2027-01-01=HOLIDAY 元旦\n2027-01-04=WORKDAY 元旦调休\n"))
                .isInstanceOf(OfficialCalendars.RefusedArrangement.class)
                .hasMessageContaining("第 2 行").hasMessageContaining("2027-01-04").hasMessageContaining("星期六或星期日");
        assertThatThrownBy(() -> official.check(2026, "2026-01-01=HOLIDAY 元旦\n"))
                .isInstanceOf(OfficialCalendars.RefusedArrangement.class).hasMessageContaining("已随系统发布");
        assertThatThrownBy(() -> official.check(2024, "2024-01-01=HOLIDAY 元旦\n"))
                .isInstanceOf(OfficialCalendars.RefusedArrangement.class).hasMessageContaining("2025");
        assertThatThrownBy(() -> official.check(2027, "  \n"))
                .isInstanceOf(OfficialCalendars.RefusedArrangement.class).hasMessageContaining("为空");
    }

    private static List<LocalDate> holidays(int year, String name) {
        return StatutoryHolidays.provisional(year).days().values().stream().filter(day -> day.name().equals(name))
                .map(CalendarDay::date).sorted().toList();
    }

    private static WorkingDayCalendar officialCalendar() {
        var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
        List<YearCalendar> years = new ArrayList<>(CalendarFiles.load(resolver, WorkingDayCalendar.DEFAULT_LOCATION));
        years.addAll(CalendarFiles.load(resolver, "classpath*:calendar-history/*.properties"));
        return new WorkingDayCalendar(years);
    }
}

package cn.shequ.calendar;

import com.nlf.calendar.Lunar;
import com.nlf.calendar.Solar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The provisional calendar of a year whose State Council notice Shequ does not have, computed from
 * the statute, 全国年节及纪念日放假办法 (2024 revision, in force 2025-01-01), art. 2:
 * 元旦 1 day (01-01); 春节 4 days (除夕 to 正月初三); 清明节 1 day (the day of the solar term);
 * 劳动节 2 days (05-01, 05-02); 端午节 1 day (五月初五); 中秋节 1 day (八月十五); 国庆节 3 days (10-01..03).
 * Art. 6: a holiday of all citizens that falls on a Saturday or Sunday is given back on the next
 * working day (补假). There are no make-up working days (调休上班): only the notice sets those.
 *
 * <p>Lunar dates and 清明 come from the {@code cn.6tail:lunar} library, whose dates agree with the
 * official calendar (GB/T 33661-2017) — unlike ICU4J, which puts 正月初一 2027 on 02-07 instead of
 * 02-06; {@code ProvisionalCalendarTest} checks it at such hard cases.
 */
final class StatutoryHolidays {

    /** The years Shequ computes; outside them a date is nonsense input, refused before it gets here. */
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2100;

    static final String SOURCE = "全国年节及纪念日放假办法（2024年修订）推算";

    private StatutoryHolidays() {
    }

    static boolean computable(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** The provisional calendar of {@code year}: statutory holidays and their 补假, weekends, no make-up days. */
    static YearCalendar provisional(int year) {
        Map<LocalDate, String> holidays = new LinkedHashMap<>();
        holidays.put(LocalDate.of(year, 1, 1), "元旦");
        LocalDate newYear = date(Lunar.fromYmd(year, 1, 1).getSolar());
        LocalDate eve = newYear.minusDays(1); // 除夕: the last day of the twelfth month, 29th or 30th
        for (int i = 0; i < 4; i++) {
            holidays.put(eve.plusDays(i), "春节");
        }
        holidays.put(date(Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable().get("清明")), "清明节");
        holidays.put(LocalDate.of(year, 5, 1), "劳动节");
        holidays.put(LocalDate.of(year, 5, 2), "劳动节");
        holidays.put(date(Lunar.fromYmd(year, 5, 5).getSolar()), "端午节");
        // 中秋 may fall within 国庆 (2020: 10-01): one day off then counts for both, as in that year
        holidays.putIfAbsent(date(Lunar.fromYmd(year, 8, 15).getSolar()), "中秋节");
        for (int d = 1; d <= 3; d++) {
            holidays.put(LocalDate.of(year, 10, d), "国庆节");
        }
        Map<LocalDate, CalendarDay> days = new LinkedHashMap<>();
        holidays.forEach((date, name) -> days.put(date, new CalendarDay(date, DayKind.HOLIDAY, name)));
        // art. 6 补假: each holiday on a weekend is given back on the next day that is neither a
        // weekend nor already off (in order, so that two weekend days give two weekdays back)
        holidays.forEach((date, name) -> {
            if (isWeekend(date)) {
                LocalDate back = date.plusDays(1);
                while (isWeekend(back) || days.containsKey(back)) {
                    back = back.plusDays(1);
                }
                if (back.getYear() == year) {
                    days.put(back, new CalendarDay(back, DayKind.HOLIDAY, name + "补假"));
                }
            }
        });
        return new YearCalendar(year, days, SOURCE, true);
    }

    private static LocalDate date(Solar solar) {
        return LocalDate.of(solar.getYear(), solar.getMonth(), solar.getDay());
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}

package cn.shequ.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/**
 * The calendar of one year: the exceptions to the ordinary week that the State Council set
 * for that year (国务院办公厅关于部分节假日安排的通知), or, for a year whose notice Shequ does not
 * have, the statutory holidays alone ({@link StatutoryHolidays}).
 *
 * @param year        the year covered
 * @param days        the listed dates, all within {@code year}
 * @param source      where the data came from, for error messages and the admin listing
 * @param provisional computed from the statute, not the State Council's notice: deadlines counted
 *                    on it are shown as provisional until the notice is loaded
 */
record YearCalendar(int year, Map<LocalDate, CalendarDay> days, String source, boolean provisional) {

    YearCalendar {
        days = Map.copyOf(days);
    }

    /** An official year, from a calendar file or an arrangement an administrator loaded. */
    YearCalendar(int year, Map<LocalDate, CalendarDay> days, String source) {
        this(year, days, source, false);
    }

    /** Whether {@code date}, which must lie in this year, is a working day. */
    boolean isWorkingDay(LocalDate date) {
        CalendarDay listed = days.get(date);
        if (listed != null) {
            return listed.kind() == DayKind.WORKDAY;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }
}

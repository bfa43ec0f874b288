package cn.shequ.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/**
 * The calendar of one year: the exceptions to the ordinary week that the State Council set
 * for that year (国务院办公厅关于部分节假日安排的通知).
 *
 * @param year   the year covered
 * @param days   the listed dates, all within {@code year}
 * @param source where the data came from, for error messages
 */
record YearCalendar(int year, Map<LocalDate, CalendarDay> days, String source) {

    YearCalendar {
        days = Map.copyOf(days);
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

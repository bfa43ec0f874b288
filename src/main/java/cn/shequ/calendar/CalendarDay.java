package cn.shequ.calendar;

import java.time.LocalDate;

/**
 * One line of a calendar file: a date that departs from the ordinary Monday-to-Friday week.
 *
 * @param date the date
 * @param kind whether it is a holiday off or a make-up working day
 * @param name the holiday it belongs to, as the State Council notice names it (e.g. 国庆节)
 */
record CalendarDay(LocalDate date, DayKind kind, String name) {
}

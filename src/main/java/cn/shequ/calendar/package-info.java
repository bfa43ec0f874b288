/**
 * The working-day calendar (工作日历): which dates are working days in mainland China, read
 * from one data file per year, and the counting of deadlines in working days.
 *
 * <p>Offers (ADR 0047; other modules use only these): {@link WorkingDayCalendar},
 * {@link CalendarYearMissingException}, {@link OfficialCalendarListener}, {@link DeadlineMove},
 * {@link OfficialCalendars}.
 */
package cn.shequ.calendar;

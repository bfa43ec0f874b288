/**
 * The working-day calendar (工作日历): which dates are working days in mainland China, read
 * from one data file per year, and the counting of deadlines in working days.
 */
package cn.shequ.calendar;

package cn.shequ.calendar;

/**
 * A working-day computation needed a date in a year for which no calendar file is loaded.
 *
 * <p>The holidays and make-up working days of a year are only known once the State Council
 * publishes its notice (usually in November or December of the year before), so the
 * calendar refuses rather than guessing from the ordinary week.
 */
public class CalendarYearMissingException extends RuntimeException {

    private final int year;

    public CalendarYearMissingException(int year) {
        super(year + " 年的工作日历尚未配置（缺少 calendar/" + year + ".properties），无法按工作日计算期限。"
                + " / No working-day calendar for " + year + " (calendar/" + year
                + ".properties is missing); working days cannot be counted until the State Council"
                + " notice for " + year + " is added.");
        this.year = year;
    }

    /** The year that has no calendar. */
    public int year() {
        return year;
    }
}

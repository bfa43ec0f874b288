package cn.shequ.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.SortedSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.stereotype.Component;

/**
 * 工作日历: counts periods in working days (工作日) the way Chinese administrative deadlines
 * are counted. Saturdays, Sundays and public holidays are not working days; the make-up
 * working days (调休上班) the State Council sets each year are. A year's holidays come from, in
 * this order: the data file shipped for it ({@code calendar/<year>.properties}); the official
 * arrangement an administrator loaded ({@link OfficialYears}, stored in Shequ's database); or,
 * for a year whose notice is not published yet, the provisional calendar computed from the
 * statute ({@link StatutoryHolidays}). A deadline that looked at a provisional year is
 * provisional ({@link #isProvisional(LocalDate, LocalDate)}); see docs/calendar.md.
 *
 * <p>The day a period starts is not counted (民法典 art. 201): "3 working days after X" is the
 * third working day after X. A period ends at the end of the returned day.
 *
 * <p>Only dates outside {@value StatutoryHolidays#FIRST_YEAR}–{@value StatutoryHolidays#LAST_YEAR}
 * throw {@link CalendarYearMissingException}; such dates are refused as bad input before they
 * get here.
 */
@Component
public class WorkingDayCalendar {

    /** Where the per-year calendar files are looked for. */
    public static final String DEFAULT_LOCATION = "classpath*:calendar/*.properties";

    /**
     * How many calendar days the official arrangement can move the end of a period counted on a
     * provisional calendar, at most: the 调休 of one holiday adds at most two or three working days
     * off that the statute does not (2025, 2026: two), which moves an end by at most five calendar
     * days across a weekend; seven leaves a margin. A party's right (a bid, a challenge) is refused
     * as late only after a provisional deadline plus this many days (docs/calendar.md, ADR 0004).
     */
    public static final int PROVISIONAL_EXTENSION_DAYS = 7;

    /** How long another node's loaded arrangement may go unseen here, at most. */
    static final long REFRESH_MILLIS = 30_000;

    private final CalendarYears years;

    /**
     * Loads every {@value #DEFAULT_LOCATION} file; a malformed file fails start-up with a
     * {@link MalformedCalendarFileException} naming the file and line.
     */
    @Autowired
    public WorkingDayCalendar(ResourceLoader resourceLoader) {
        this(CalendarFiles.load(ResourcePatternUtils.getResourcePatternResolver(resourceLoader),
                DEFAULT_LOCATION));
    }

    WorkingDayCalendar(Collection<YearCalendar> calendars) {
        this.years = new CalendarYears(calendars);
    }

    /** The calendar from the files on the classpath, for use without Spring (e.g. in tests). */
    public static WorkingDayCalendar fromClasspath() {
        return load(DEFAULT_LOCATION);
    }

    /** The calendar from the files matching a Spring resource pattern, e.g. a test fixture. */
    public static WorkingDayCalendar load(String locationPattern) {
        return new WorkingDayCalendar(
                CalendarFiles.load(new PathMatchingResourcePatternResolver(), locationPattern));
    }

    /**
     * Where the arrangements administrators loaded are read from (every node reads them, at most
     * {@link #REFRESH_MILLIS} late); read now.
     */
    void attach(Supplier<List<YearCalendar>> officialYears) {
        years.attach(officialYears);
    }

    /** Reads the loaded arrangements again now (after a load on this node). */
    void refresh() {
        years.refresh();
    }

    /** The calendar of {@code year}: its file, its loaded arrangement, or the provisional one. */
    YearCalendar year(int year) {
        return years.of(year);
    }

    /**
     * Whether {@code date} is a working day.
     *
     * @throws CalendarYearMissingException if the date's year is outside the years Shequ computes
     */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return year(date.getYear()).isWorkingDay(date);
    }

    /** Whether {@code year} runs on the provisional calendar (no file, no loaded arrangement). */
    public boolean isProvisional(int year) {
        return year(year).provisional();
    }

    /**
     * Whether a deadline on {@code day} is provisional: its year runs on the provisional calendar, so
     * the official arrangement may still move it (every deadline Shequ shows is counted on the calendar).
     */
    public boolean isProvisional(LocalDate day) {
        return day != null && StatutoryHolidays.computable(day.getYear()) && isProvisional(day.getYear());
    }

    /**
     * Whether a result that looked at the days {@code from} to {@code to} (both included) depended
     * on a provisional year, e.g. {@code isProvisional(start.plusDays(1), addWorkingDays(start, n))}.
     */
    public boolean isProvisional(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        for (int y = Math.min(from.getYear(), to.getYear()); y <= Math.max(from.getYear(), to.getYear()); y++) {
            if (isProvisional(y)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The last day a party's right that ends on {@code deadline} may still be used: the deadline
     * itself when the days from {@code from} to it are all official, else the deadline plus
     * {@link #PROVISIONAL_EXTENSION_DAYS}, the most the official arrangement could add.
     */
    public LocalDate protectedEnd(LocalDate from, LocalDate deadline) {
        return isProvisional(from, deadline) ? deadline.plusDays(PROVISIONAL_EXTENSION_DAYS) : deadline;
    }

    /**
     * The {@code workingDays}-th working day after {@code start}. The start day itself is never
     * counted, whether or not it is a working day (民法典 art. 201); starting on a holiday or a
     * weekend, the first day counted is the next working day.
     *
     * @param workingDays at least 1: a period of zero working days is not a period
     * @throws IllegalArgumentException     if {@code workingDays} is 0 or negative
     * @throws CalendarYearMissingException if the period runs beyond the years Shequ computes
     */
    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        Objects.requireNonNull(start, "start");
        if (workingDays < 1) {
            throw new IllegalArgumentException("工作日天数必须至少为 1 / A period in working days must be"
                    + " at least 1 working day, got " + workingDays);
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * A deadline {@code workingDays} working days after {@code start}, and whether it was counted on
     * a provisional year.
     */
    public Deadline deadline(LocalDate start, int workingDays) {
        LocalDate end = addWorkingDays(start, workingDays);
        return new Deadline(end, isProvisional(start.plusDays(1), end));
    }

    /**
     * How many working days lie after {@code from} up to and including {@code to}, e.g. how
     * many working days a task has waited. Consistent with {@link #addWorkingDays}:
     * {@code workingDaysBetween(x, addWorkingDays(x, n)) == n}.
     *
     * @return 0 when {@code to} equals {@code from}
     * @throws IllegalArgumentException     if {@code to} is before {@code from}
     * @throws CalendarYearMissingException if a day after {@code from} up to {@code to} lies
     *                                      beyond the years Shequ computes
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("结束日期早于开始日期 / 'to' (" + to
                    + ") is before 'from' (" + from + ")");
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The day a period whose last day is {@code lastDay} ends: that day, or, when it is a rest day
     * (a Saturday or Sunday that is no make-up working day, a public holiday), the first working day
     * after it (民法典 art. 203: 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日).
     * For periods counted in calendar days, such as a payment term.
     *
     * <p>Unlike the working-day counts this never throws: in a year without the official notice the
     * provisional calendar's rest days count (2027-01-01, 元旦, moves the end to 01-04); beyond the
     * years Shequ computes the period ends on its last day as counted.
     */
    public LocalDate periodEnd(LocalDate lastDay) {
        Objects.requireNonNull(lastDay, "lastDay");
        LocalDate end = lastDay;
        while (StatutoryHolidays.computable(end.getYear()) && !isWorkingDay(end)) {
            end = end.plusDays(1);
        }
        return end;
    }

    /** {@link #periodEnd} and whether it looked at a provisional year. */
    public Deadline periodEndDeadline(LocalDate lastDay) {
        LocalDate end = periodEnd(lastDay);
        return new Deadline(end, StatutoryHolidays.computable(end.getYear()) && isProvisional(lastDay, end));
    }

    /** The years that have an official calendar (a file or a loaded arrangement), in order. */
    public SortedSet<Integer> coveredYears() {
        return years.covered();
    }

    /** Whether {@code year} has a calendar file shipped with Shequ (which a loaded arrangement may not replace). */
    public boolean hasFile(int year) {
        return years.hasFile(year);
    }

    /** One year as the admin listing shows it. */
    public record YearStatus(int year, boolean provisional, String source, List<String> days) {}

    /** The status of {@code year}, with its days off and make-up days (e.g. "2027-02-05 HOLIDAY 春节"). */
    public YearStatus status(int year) {
        return years.status(year);
    }
}

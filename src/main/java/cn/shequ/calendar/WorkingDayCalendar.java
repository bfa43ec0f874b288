package cn.shequ.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.stereotype.Component;

/**
 * 工作日历: counts periods in working days (工作日) the way Chinese administrative deadlines
 * are counted. Saturdays, Sundays and public holidays are not working days; the make-up
 * working days (调休上班) the State Council sets each year are. The holidays come from one
 * data file per year ({@code calendar/<year>.properties}), loaded once at start-up.
 *
 * <p>The day a period starts is not counted (民法典 art. 201): "3 working days after X" is the
 * third working day after X. A period ends at the end of the returned day.
 *
 * <p>Every date a computation has to look at must lie in a year that has a calendar file,
 * otherwise it throws {@link CalendarYearMissingException}: next year's holidays are unknown
 * until the State Council publishes them, and a guessed deadline would be a wrong one.
 */
@Component
public class WorkingDayCalendar {

    /** Where the per-year calendar files are looked for. */
    public static final String DEFAULT_LOCATION = "classpath*:calendar/*.properties";

    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

    private final Map<Integer, YearCalendar> years;

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
        Map<Integer, YearCalendar> byYear = new TreeMap<>();
        for (YearCalendar calendar : calendars) {
            YearCalendar other = byYear.putIfAbsent(calendar.year(), calendar);
            if (other != null) {
                // Two files for one year: refusing is safer than letting classpath order decide.
                throw new MalformedCalendarFileException(calendar.source(), 0,
                        "a second calendar for " + calendar.year() + ", also in " + other.source());
            }
        }
        this.years = Collections.unmodifiableMap(byYear);
        log.info("Working-day calendar loaded for years {}", byYear.keySet());
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
     * Whether {@code date} is a working day.
     *
     * @throws CalendarYearMissingException if there is no calendar for the date's year
     */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        YearCalendar calendar = years.get(date.getYear());
        if (calendar == null) {
            throw new CalendarYearMissingException(date.getYear());
        }
        return calendar.isWorkingDay(date);
    }

    /**
     * The {@code workingDays}-th working day after {@code start}. The start day itself is never
     * counted, whether or not it is a working day (民法典 art. 201); starting on a holiday or a
     * weekend, the first day counted is the next working day.
     *
     * @param workingDays at least 1: a period of zero working days is not a period
     * @throws IllegalArgumentException     if {@code workingDays} is 0 or negative
     * @throws CalendarYearMissingException if the period runs into a year with no calendar
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
     * How many working days lie after {@code from} up to and including {@code to}, e.g. how
     * many working days a task has waited. Consistent with {@link #addWorkingDays}:
     * {@code workingDaysBetween(x, addWorkingDays(x, n)) == n}.
     *
     * @return 0 when {@code to} equals {@code from}
     * @throws IllegalArgumentException     if {@code to} is before {@code from}
     * @throws CalendarYearMissingException if a day after {@code from} up to {@code to} lies in a
     *                                      year with no calendar
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
     * <p>Unlike the working-day counts this never throws: a payment must not wait for next year's
     * calendar. In a year with no calendar the rest days are not guessed (even a weekend may be a
     * make-up working day), so the period ends on its last day as counted.
     */
    public LocalDate periodEnd(LocalDate lastDay) {
        Objects.requireNonNull(lastDay, "lastDay");
        LocalDate end = lastDay;
        for (YearCalendar year = years.get(end.getYear()); year != null && !year.isWorkingDay(end);
                year = years.get(end.getYear())) {
            end = end.plusDays(1);
        }
        return end;
    }

    /** The years that have a calendar, in order. */
    public SortedSet<Integer> coveredYears() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet()));
    }
}

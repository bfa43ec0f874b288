package cn.shequ.calendar;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each year's calendar comes from, in this order: the file shipped for it, the arrangement an
 * administrator loaded (re-read from the store when older than {@link WorkingDayCalendar#REFRESH_MILLIS}),
 * or the provisional one computed from the statute.
 */
final class CalendarYears {

    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

    private final Map<Integer, YearCalendar> files;
    private volatile Map<Integer, YearCalendar> loaded = Map.of();
    private final Map<Integer, YearCalendar> provisional = new ConcurrentHashMap<>();
    private volatile Supplier<List<YearCalendar>> store;
    private volatile long refreshedAt;

    CalendarYears(Collection<YearCalendar> calendars) {
        Map<Integer, YearCalendar> byYear = new TreeMap<>();
        for (YearCalendar calendar : calendars) {
            YearCalendar other = byYear.putIfAbsent(calendar.year(), calendar);
            if (other != null) {
                // Two files for one year: refusing is safer than letting classpath order decide.
                throw new MalformedCalendarFileException(calendar.source(), 0,
                        "a second calendar for " + calendar.year() + ", also in " + other.source());
            }
        }
        this.files = Collections.unmodifiableMap(byYear);
        log.info("Working-day calendar loaded for years {}", byYear.keySet());
    }

    /** Where the arrangements administrators loaded are read from (every node reads them, at most 30 s late). */
    void attach(Supplier<List<YearCalendar>> officialYears) {
        this.store = officialYears;
        this.refreshedAt = 0; // read on first use, once the database is there
    }

    /** Reads the loaded arrangements again now (after a load on this node). */
    void refresh() {
        Supplier<List<YearCalendar>> source = store;
        if (source == null) {
            return;
        }
        Map<Integer, YearCalendar> byYear = new TreeMap<>();
        for (YearCalendar year : source.get()) {
            byYear.put(year.year(), year);
        }
        loaded = Collections.unmodifiableMap(byYear);
        refreshedAt = System.currentTimeMillis();
    }

    private void refreshIfStale() {
        if (store != null && System.currentTimeMillis() - refreshedAt > WorkingDayCalendar.REFRESH_MILLIS) {
            try {
                refresh();
            } catch (RuntimeException e) {
                // keep the arrangements read last; a deadline must not fail on a database hiccup
                refreshedAt = System.currentTimeMillis();
                log.warn("Could not read the loaded working-day calendars, keeping those read before: {}", e.toString());
            }
        }
    }

    /** The calendar of {@code year}: its file, its loaded arrangement, or the provisional one. */
    YearCalendar of(int year) {
        YearCalendar file = files.get(year);
        if (file != null) {
            return file;
        }
        refreshIfStale();
        YearCalendar official = loaded.get(year);
        if (official != null) {
            return official;
        }
        if (!StatutoryHolidays.computable(year)) {
            throw new CalendarYearMissingException(year);
        }
        return provisional.computeIfAbsent(year, StatutoryHolidays::provisional);
    }

    /** The years that have an official calendar (a file or a loaded arrangement), in order. */
    SortedSet<Integer> covered() {
        refreshIfStale();
        SortedSet<Integer> years = new TreeSet<>(files.keySet());
        years.addAll(loaded.keySet());
        return Collections.unmodifiableSortedSet(years);
    }

    /** Whether {@code year} has a calendar file shipped with Shequ (which a loaded arrangement may not replace). */
    boolean hasFile(int year) {
        return files.containsKey(year);
    }

    /** The status of {@code year}, with its days off and make-up days. */
    WorkingDayCalendar.YearStatus status(int year) {
        YearCalendar calendar = of(year);
        List<String> days = new ArrayList<>();
        calendar.days().values().stream().sorted(java.util.Comparator.comparing(CalendarDay::date))
                .forEach(d -> days.add(d.date() + " " + d.kind() + " " + d.name()));
        return new WorkingDayCalendar.YearStatus(year, calendar.provisional(), calendar.source(), days);
    }
}

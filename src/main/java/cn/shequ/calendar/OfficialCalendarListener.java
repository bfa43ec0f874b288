package cn.shequ.calendar;

import java.util.List;

/**
 * Recomputes the open deadlines and timers of one kind after a year's official arrangement was loaded
 * (e.g. the reviews of service projects, the deadlines of purchases); runs in the loading transaction.
 */
public interface OfficialCalendarListener {

    /** Moves what the newly loaded {@code year} changes, and says what moved (nothing unchanged). */
    List<DeadlineMove> officialCalendarLoaded(int year);
}

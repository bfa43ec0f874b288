package cn.shequ.web;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The dates a user may type anywhere in Shequ: the years 1000 to 9999, what the DATE and DATETIME
 * columns of MySQL and MariaDB hold (and ISO-8601's four-digit years). A date outside is refused
 * naming its field (400) instead of failing in the database or in date arithmetic (500).
 */
public final class DateRange {

    public static final LocalDate FIRST = LocalDate.of(1000, 1, 1);
    public static final LocalDate LAST = LocalDate.of(9999, 12, 31);

    private DateRange() {}

    public static boolean holds(LocalDate date) {
        return !date.isBefore(FIRST) && !date.isAfter(LAST);
    }

    public static boolean holds(LocalDateTime time) {
        return holds(time.toLocalDate());
    }

    /** The refusal of a date outside the range, for the field labelled {@code label}. */
    public static String problem(String label) {
        return label + "须在 " + FIRST + " 至 " + LAST + " 之间 / must be between " + FIRST + " and " + LAST;
    }
}

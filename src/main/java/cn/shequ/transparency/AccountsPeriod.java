package cn.shequ.transparency;

import cn.shequ.refusal.Refusal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The period of a community's accounts as a request names it: {@code from} and {@code to} (both
 * included), or {@code year} with an optional {@code quarter} (1–4); nothing means the current year.
 * Bad input is a 400 naming the field.
 */
record AccountsPeriod(LocalDate from, LocalDate to) {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    static AccountsPeriod parse(String year, String quarter, String from, String to, LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (from != null || to != null) {
            LocalDate start = date(problems, "from", from);
            LocalDate end = date(problems, "to", to);
            if (problems.isEmpty() && end.isBefore(start)) {
                problems.put("to", "截止日期不得早于起始日期 / must not be before from");
            }
            if (!problems.isEmpty()) {
                throw Refusal.invalid(problems);
            }
            return new AccountsPeriod(start, end);
        }
        int y = today.getYear();
        if (year != null) {
            try {
                y = Integer.parseInt(year.trim());
            } catch (NumberFormatException e) {
                y = -1;
            }
            if (y < FIRST_YEAR || y > LAST_YEAR) {
                throw Refusal.invalid("year", "年度须为 " + FIRST_YEAR + " 到 " + LAST_YEAR + " 之间的年份 / year out of range");
            }
        }
        if (quarter == null) {
            return new AccountsPeriod(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
        }
        int q;
        try {
            q = Integer.parseInt(quarter.trim());
        } catch (NumberFormatException e) {
            q = 0;
        }
        if (q < 1 || q > 4) {
            throw Refusal.invalid("quarter", "季度须为 1 到 4 / quarter must be 1 to 4");
        }
        LocalDate start = LocalDate.of(y, 3 * q - 2, 1);
        return new AccountsPeriod(start, start.plusMonths(3).minusDays(1));
    }

    private static LocalDate date(Map<String, String> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.put(field, "起止日期须同时给出 / from and to go together");
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
                problems.put(field, "日期须在 " + FIRST_YEAR + " 到 " + LAST_YEAR + " 年之间 / out of range");
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.put(field, "日期格式应为 2026-01-31 / not a date");
            return null;
        }
    }
}

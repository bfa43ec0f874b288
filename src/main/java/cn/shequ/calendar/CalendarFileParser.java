package cn.shequ.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads one year's calendar file: lines {@code YYYY-MM-DD=HOLIDAY name} or
 * {@code YYYY-MM-DD=WORKDAY name}; blank lines and lines starting with {@code #} or {@code !}
 * are comments. Anything else is refused with the file and line, because a mistyped line
 * would move every deadline around that date without anyone noticing.
 */
final class CalendarFileParser {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CalendarFileParser() {
    }

    /**
     * @param source       the file's name, quoted in error messages
     * @param expectedYear the year the file is for; every date must lie in it
     * @param reader       the file's text; read to the end but not closed
     */
    static YearCalendar parse(String source, int expectedYear, Reader reader) {
        Map<LocalDate, CalendarDay> days = new HashMap<>();
        Map<LocalDate, Integer> lineOf = new HashMap<>();
        BufferedReader lines = new BufferedReader(reader);
        int lineNumber = 0;
        try {
            for (String raw = lines.readLine(); raw != null; raw = lines.readLine()) {
                lineNumber++;
                String line = stripBom(raw, lineNumber).strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                    continue;
                }
                CalendarDay day = parseLine(source, lineNumber, expectedYear, line);
                Integer earlier = lineOf.putIfAbsent(day.date(), lineNumber);
                if (earlier != null) {
                    throw new MalformedCalendarFileException(source, lineNumber, day.date() + " 已在第 " + earlier
                            + " 行列出，同一天不能既放假又上班或列出两次 / " + day.date() + " is already listed on line " + earlier);
                }
                days.put(day.date(), day);
            }
        } catch (IOException e) {
            throw new MalformedCalendarFileException(source, e.getMessage(), e);
        }
        return new YearCalendar(expectedYear, days, source);
    }

    private static CalendarDay parseLine(String source, int lineNumber, int expectedYear, String line) {
        int eq = line.indexOf('=');
        if (eq < 0) {
            throw bad(source, lineNumber, line, "格式应为 YYYY-MM-DD=HOLIDAY|WORKDAY 节日名称 / expected YYYY-MM-DD=HOLIDAY|WORKDAY name");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(line.substring(0, eq).strip());
        } catch (DateTimeParseException e) {
            throw bad(source, lineNumber, line, "不是 YYYY-MM-DD 形式的有效日期 / not a date in the form YYYY-MM-DD");
        }
        if (date.getYear() != expectedYear) {
            throw bad(source, lineNumber, line, date + " 不在 " + expectedYear + " 年内 / date is not in " + expectedYear + ", the year of this file");
        }
        String[] kindAndName = line.substring(eq + 1).strip().split("\\s+", 2);
        DayKind kind;
        try {
            kind = DayKind.valueOf(kindAndName[0]);
        } catch (IllegalArgumentException e) {
            throw bad(source, lineNumber, line, "类型须为 HOLIDAY（放假）或 WORKDAY（调休上班）/ kind must be HOLIDAY or WORKDAY");
        }
        if (kindAndName.length < 2 || kindAndName[1].isBlank()) {
            throw bad(source, lineNumber, line, date + " 缺少节日名称（例如 国庆节）/ the holiday's name is missing (e.g. 国庆节)");
        }
        // A make-up working day only ever moves work onto a weekend; WORKDAY on Monday to
        // Friday changes nothing and is almost certainly a mistyped date.
        if (kind == DayKind.WORKDAY && !isWeekend(date)) {
            throw bad(source, lineNumber, line, date + " 不是星期六或星期日，调休上班日（WORKDAY）只能是周末 / WORKDAY (调休上班) must be a Saturday or Sunday, "
                    + date + " is a " + date.getDayOfWeek());
        }
        return new CalendarDay(date, kind, kindAndName[1].strip());
    }

    private static String stripBom(String raw, int lineNumber) {
        return lineNumber == 1 && !raw.isEmpty() && raw.charAt(0) == BYTE_ORDER_MARK ? raw.substring(1) : raw;
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static MalformedCalendarFileException bad(String source, int lineNumber, String line, String why) {
        return new MalformedCalendarFileException(source, lineNumber, why + " — \"" + line + "\"");
    }
}

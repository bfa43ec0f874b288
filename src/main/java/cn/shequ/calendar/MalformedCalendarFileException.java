package cn.shequ.calendar;

/**
 * A calendar data file could not be read; thrown at start-up so that a bad file stops the
 * application instead of silently shifting deadlines.
 */
public class MalformedCalendarFileException extends RuntimeException {

    private final String source;
    private final int line;
    private final String problem;

    MalformedCalendarFileException(String source, int line, String problem) {
        super("工作日历文件格式错误 / Malformed working-day calendar file: " + source
                + (line > 0 ? " line " + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    MalformedCalendarFileException(String source, String problem, Throwable cause) {
        super("工作日历文件无法读取 / Cannot read working-day calendar file: " + source + ": " + problem,
                cause);
        this.source = source;
        this.line = 0;
        this.problem = problem;
    }

    /** The file (resource description) at fault. */
    public String source() {
        return source;
    }

    /** What is wrong, Chinese first (e.g. "2027-02-07 不是星期六或星期日… / WORKDAY … must be a Saturday or Sunday"). */
    public String problem() {
        return problem;
    }

    /** The 1-based line at fault, or 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }
}

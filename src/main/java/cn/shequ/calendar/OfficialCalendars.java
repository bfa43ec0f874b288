package cn.shequ.calendar;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The official arrangements administrators load (table {@code working_day_calendar}): checked, stored,
 * and read by the {@link WorkingDayCalendar} of every node, which then counts that year officially.
 * The files shipped on the classpath stay the base and cannot be replaced from here.
 */
@Component
public class OfficialCalendars {

    /** The first year the 2024 revision of the statute governs (in force 2025-01-01). */
    public static final int FIRST_LOADABLE_YEAR = 2025;

    private final WorkingDayCalendar calendar;
    private final JdbcTemplate jdbc;

    OfficialCalendars(WorkingDayCalendar calendar, JdbcTemplate jdbc) {
        this.calendar = calendar;
        this.jdbc = jdbc;
        calendar.attach(this::readAll);
    }

    /** A refused arrangement: the Chinese message names the line, the date and the rule. */
    public static class RefusedArrangement extends RuntimeException {
        public RefusedArrangement(String message) {
            super(message);
        }
    }

    /** What a stored arrangement was. */
    public record Stored(int year, String sha256, String loadedBy, LocalDateTime loadedAt, String content) {}

    /** What loading a year replaced: the arrangement loaded before, if any, and the year's status before. */
    public record Loaded(int year, String sha256, String previousSha256, boolean wasProvisional, int holidays, int workdays) {}

    /**
     * Checks {@code text} as {@code year}'s official arrangement: the file format and its rules (every
     * date in the year, each date once, make-up working days only on Saturdays and Sundays, every line
     * named), at least one day, and every statutory holiday of the year a day off.
     *
     * @throws RefusedArrangement naming the line, the date and the rule
     */
    public void check(int year, String text) {
        parse(year, text);
    }

    private YearCalendar parse(int year, String text) {
        if (year < FIRST_LOADABLE_YEAR || !StatutoryHolidays.computable(year)) {
            throw new RefusedArrangement("只能载入 " + FIRST_LOADABLE_YEAR + " 年及以后的年度安排（全国年节及纪念日放假办法 2024 年修订自 2025 年起施行）"
                    + " / only years from " + FIRST_LOADABLE_YEAR);
        }
        if (calendar.hasFile(year)) {
            throw new RefusedArrangement(year + " 年的官方安排已随系统发布（calendar/" + year + ".properties），不能在此替换；"
                    + "如需更正，请发布新版本 / " + year + " ships with Shequ and cannot be replaced here");
        }
        if (text == null || text.isBlank()) {
            throw new RefusedArrangement("安排内容为空：请粘贴国务院办公厅通知的放假和调休日期，每行一个，例如 " + year
                    + "-01-01=HOLIDAY 元旦 / the arrangement is empty");
        }
        YearCalendar parsed;
        try {
            parsed = CalendarFileParser.parse(year + " 年安排", year, new StringReader(text));
        } catch (MalformedCalendarFileException e) {
            throw new RefusedArrangement((e.line() > 0 ? "第 " + e.line() + " 行：" : "") + e.problem());
        }
        if (parsed.days().values().stream().noneMatch(d -> d.kind() == DayKind.HOLIDAY)) {
            throw new RefusedArrangement("安排中没有任何放假日期（HOLIDAY） / no holiday listed");
        }
        // 全国年节及纪念日放假办法 art. 2: each statutory day off must be off in the arrangement too
        for (CalendarDay statutory : StatutoryHolidays.provisional(year).days().values().stream()
                .sorted(java.util.Comparator.comparing(CalendarDay::date)).toList()) {
            if (statutory.name().endsWith("补假")) {
                continue;
            }
            CalendarDay listed = parsed.days().get(statutory.date());
            if (listed == null || listed.kind() != DayKind.HOLIDAY) {
                throw new RefusedArrangement(statutory.date() + " 是法定节假日（" + statutory.name()
                        + "，全国年节及纪念日放假办法第二条），安排中须列为放假（HOLIDAY） / " + statutory.date()
                        + " is a statutory holiday and must be listed as HOLIDAY");
            }
        }
        return parsed;
    }

    /**
     * Stores {@code text} as {@code year}'s official arrangement (replacing one loaded before) and makes
     * this node's calendar count the year officially at once; call within the transaction that also
     * recomputes the deadlines, and {@link #reread()} if it rolls back.
     */
    public Loaded load(int year, String text, String userId, LocalDateTime at) {
        YearCalendar parsed = parse(year, text);
        boolean wasProvisional = calendar.isProvisional(year);
        String sha = sha256(text);
        Optional<Stored> before = stored(year);
        if (before.isPresent()) {
            jdbc.update("UPDATE working_day_calendar SET content = ?, sha256 = ?, loaded_by = ?, loaded_at = ? WHERE calendar_year = ?",
                    text, sha, userId, at, year);
        } else {
            jdbc.update("INSERT INTO working_day_calendar (calendar_year, content, sha256, loaded_by, loaded_at) VALUES (?, ?, ?, ?, ?)",
                    year, text, sha, userId, at);
        }
        calendar.refresh();
        int holidays = (int) parsed.days().values().stream().filter(d -> d.kind() == DayKind.HOLIDAY).count();
        return new Loaded(year, sha, before.map(Stored::sha256).orElse(null), wasProvisional, holidays,
                parsed.days().size() - holidays);
    }

    /**
     * Withdraws the arrangement loaded for {@code year} (e.g. one loaded by mistake): the year runs on
     * its provisional calendar again; returns the withdrawn arrangement's SHA-256, empty when none.
     */
    public Optional<String> withdraw(int year) {
        Optional<Stored> before = stored(year);
        before.ifPresent(stored -> {
            jdbc.update("DELETE FROM working_day_calendar WHERE calendar_year = ?", year);
            calendar.refresh();
        });
        return before.map(Stored::sha256);
    }

    /** Reads the stored arrangements again (after a load rolled back). */
    public void reread() {
        calendar.refresh();
    }

    public Optional<Stored> stored(int year) {
        return jdbc.query("SELECT calendar_year, sha256, loaded_by, loaded_at, content FROM working_day_calendar WHERE calendar_year = ?",
                (row, i) -> new Stored(row.getInt(1), row.getString(2), row.getString(3),
                        row.getTimestamp(4).toLocalDateTime(), row.getString(5)), year).stream().findFirst();
    }

    private List<YearCalendar> readAll() {
        List<YearCalendar> years = new ArrayList<>();
        jdbc.query("SELECT calendar_year, content, loaded_by, loaded_at FROM working_day_calendar ORDER BY calendar_year", row -> {
            int year = row.getInt(1);
            String source = "管理员 " + row.getString(3) + " 于 " + row.getTimestamp(4).toLocalDateTime().withNano(0) + " 载入";
            years.add(CalendarFileParser.parse(source, year, new StringReader(row.getString(2))));
        });
        return years;
    }

    /** Whether the arrangement of the year after {@code today} is missing although it is November or later. */
    public boolean nextYearMissing(LocalDate today) {
        return today.getMonthValue() >= 11 && calendar.isProvisional(today.getYear() + 1);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package cn.shequ.auditor.workspace;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;

/**
 * The auditor's CSV exports, written by Shequ's one CSV writer ({@link cn.shequ.web.Csv}: RFC 4180, CRLF,
 * UTF-8 with a byte-order mark) with the auditor's cell texts: times as China Standard Time
 * {@code 2026-11-20 09:30:00}, yes/no in both languages, and a text cell that starts with {@code = + - @}
 * (or a tab, a carriage return) given a leading apostrophe, so a comment typed by a user cannot run as a
 * spreadsheet formula on the auditor's machine (OWASP "CSV injection").
 */
final class Csv {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final cn.shequ.web.Csv csv;

    Csv(String... header) {
        this.csv = new cn.shequ.web.Csv(Csv::text, Arrays.asList((Object[]) header));
    }

    Csv row(Object... cells) {
        csv.row(Arrays.asList(cells));
        return this;
    }

    Csv rows(List<Object[]> rows) {
        rows.forEach(this::row);
        return this;
    }

    ResponseEntity<byte[]> response(String filename) {
        return csv.download(filename);
    }

    @Override
    public String toString() {
        return csv.toString();
    }

    static String cell(Object value) {
        return cn.shequ.web.Csv.quoted(text(value));
    }

    /** What a cell of the auditor's exports says of {@code value}, before quoting. */
    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        String s;
        if (value instanceof OffsetDateTime t) {
            s = TIME.format(t.atZoneSameInstant(cn.shequ.engine.ShequClock.ZONE));
        } else if (value instanceof LocalDateTime t) {
            s = TIME.format(t);
        } else if (value instanceof Boolean b) {
            s = b ? "是 yes" : "否 no";
        } else {
            s = value.toString();
            if (value instanceof CharSequence && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
                s = "'" + s;
            }
        }
        return s;
    }
}

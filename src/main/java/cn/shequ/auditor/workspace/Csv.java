package cn.shequ.auditor.workspace;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * CSV exports (RFC 4180, CRLF) in UTF-8 with a byte-order mark, so that Excel opens Chinese text
 * correctly. Times are written as China Standard Time {@code 2026-11-20 09:30:00}. A text cell that
 * starts with {@code = + - @} gets a leading apostrophe, so a comment typed by a user cannot run as a
 * spreadsheet formula on the auditor's machine (OWASP "CSV injection").
 */
final class Csv {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final StringBuilder text = new StringBuilder("\uFEFF");

    Csv(String... header) {
        row((Object[]) header);
    }

    Csv row(Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(cell(cells[i]));
        }
        text.append("\r\n");
        return this;
    }

    Csv rows(List<Object[]> rows) {
        rows.forEach(this::row);
        return this;
    }

    ResponseEntity<byte[]> response(String filename) {
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return text.toString();
    }

    static String cell(Object value) {
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
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}

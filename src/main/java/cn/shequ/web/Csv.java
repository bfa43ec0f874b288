package cn.shequ.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * CSV (RFC 4180, CRLF) in UTF-8 with a byte-order mark so that a spreadsheet opens the Chinese right: a
 * header row, then one row per line, offered as a download. Shequ's one CSV writer: open data writes each
 * value as it prints, guarded against spreadsheet formulas ({@link #Csv(List)}); the auditor's exports say
 * in their own words what a cell holds ({@link #Csv(Function, List)}).
 */
public final class Csv {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Function<Object, String> texts;
    private final StringBuilder text = new StringBuilder("\uFEFF");

    /** Open data: a header row of Chinese column names, then one row per line of the table the page shows. */
    public Csv(List<String> header) {
        this(Csv::openData, header);
    }

    /** A CSV whose cells say {@code texts} of their values, quoted as RFC 4180 wants. */
    public Csv(Function<Object, String> texts, List<?> header) {
        this.texts = texts;
        row(header);
    }

    public Csv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(quoted(texts.apply(cells.get(i))));
        }
        text.append("\r\n");
        return this;
    }

    private static String openData(Object value) {
        String s = value == null ? "" : value.toString();
        // a cell a spreadsheet would read as a formula is quoted with a leading apostrophe (CSV injection)
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+(\\.\\d+)?")) {
            s = "'" + s;
        }
        return s;
    }

    /** A cell's text as RFC 4180 writes it: in double quotes, its quotes doubled, when it holds a comma, a quote or a line break. */
    public static String quoted(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /** The CSV as a download named {@code filename}. */
    public ResponseEntity<byte[]> download(String filename) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(TEXT_CSV);
        headers.setContentDisposition(ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build());
        return ResponseEntity.ok().headers(headers).body(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return text.toString();
    }
}

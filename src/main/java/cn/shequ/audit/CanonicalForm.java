package cn.shequ.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The canonical content of an audit entry: the bytes whose SHA-256 is the entry's hash. It is the
 * UTF-8 encoding of the JSON array
 *
 * <pre>["shequ-audit/1", seq, at, actor, action, subjectCode, taskKey, decision, comment, details, prevHash]</pre>
 *
 * with no whitespace, fields in exactly this order, an absent field as {@code null}, {@code seq} as
 * a decimal integer, {@code at} in UTC as {@code 2026-11-20T01:30:00.123Z} (always milliseconds),
 * {@code details} as a JSON string holding the stored text, and strings escaped as RFC 8785 does:
 * quote, backslash, backspace, form feed, newline, return and tab by their two-character escapes,
 * other control characters as a backslash-u escape with four lower-case hex digits, everything
 * else literal. An auditor can recompute it without Shequ, e.g. in Python:
 * {@code json.dumps([...], ensure_ascii=False, separators=(",", ":"))}.
 * Changing any of this invalidates every stored hash: a new format needs a new version tag.
 */
public final class CanonicalForm {

    public static final String VERSION = "shequ-audit/1";

    /** The prevHash of entry 1. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private CanonicalForm() {}

    public static String text(AuditEntry e) {
        StringBuilder out = new StringBuilder(256);
        out.append('[');
        string(out, VERSION).append(',');
        out.append(e.seq()).append(',');
        string(out, e.at() == null ? null : UTC_MILLIS.format(e.at())).append(',');
        string(out, e.actor()).append(',');
        string(out, e.action()).append(',');
        string(out, e.subjectCode()).append(',');
        string(out, e.taskKey()).append(',');
        string(out, e.decision()).append(',');
        string(out, e.comment()).append(',');
        string(out, e.details()).append(',');
        string(out, e.prevHash());
        return out.append(']').toString();
    }

    public static byte[] bytes(AuditEntry e) {
        return text(e).getBytes(StandardCharsets.UTF_8);
    }

    /** Lower-case hex SHA-256 of the canonical content. */
    public static String hash(AuditEntry e) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(e)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }

    /** Appends {@code s} as a JSON string with RFC 8785 escaping, or {@code null}. */
    static StringBuilder string(StringBuilder out, String s) {
        if (s == null) {
            return out.append("null");
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}

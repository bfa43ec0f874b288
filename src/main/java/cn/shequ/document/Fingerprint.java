package cn.shequ.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A document's two SHA-256 fingerprints.
 * <ul>
 * <li><b>Content fingerprint</b> ({@code document.sha256}, printed in every page's footer): the
 * SHA-256 of the UTF-8 bytes of {@link #canonical}, a line-per-item text of the header (type,
 * number, subject, version, replaced fingerprint) and the content (issuer, title, subtitle, date,
 * parties, every heading, paragraph, field, table header and cell, signature), in reading order.
 * It identifies what the paper says, so a printed copy can be checked by typing it in; layout,
 * fonts and PDF internals do not enter it.</li>
 * <li><b>File fingerprint</b> ({@code document.file_sha256}): the SHA-256 of the PDF bytes as
 * issued. A file cannot print its own hash, so this one is only stored; any change to the file
 * (one byte) gives a hash the system does not know.</li>
 * </ul>
 * {@code GET /public/verify/{sha256}} accepts either.
 */
public final class Fingerprint {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private Fingerprint() {}

    public static String of(DocumentHeader header, DocumentContent content) {
        return sha256(canonical(header, content).getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** 64 lower-case hexadecimal digits. */
    public static boolean isSha256(String value) {
        return value != null && SHA256.matcher(value).matches();
    }

    /**
     * The canonical text: one {@code key: value} line per item, values with {@code \}, {@code |}
     * and line breaks escaped, cells of a row joined by {@code " | "}.
     */
    public static String canonical(DocumentHeader header, DocumentContent content) {
        StringBuilder out = new StringBuilder("SHEQU-DOCUMENT 1\n");
        line(out, "type", header.type().name());
        line(out, "number", header.number());
        line(out, "subject", header.subjectCode());
        line(out, "version", Integer.toString(header.version()));
        line(out, "replaces", header.replacesSha256() == null ? "" : header.replacesSha256());
        line(out, "issuer", content.issuer());
        line(out, "title", content.title());
        line(out, "subtitle", content.subtitle());
        line(out, "issued", content.issuedOn().toString());
        content.parties().forEach(p -> line(out, "party", p.label(), p.value()));
        for (DocumentContent.Block block : content.blocks()) {
            if (block instanceof DocumentContent.Heading h) {
                line(out, "heading", h.text());
            } else if (block instanceof DocumentContent.Paragraph p) {
                line(out, "paragraph", p.text());
            } else if (block instanceof DocumentContent.Fields f) {
                f.fields().forEach(x -> line(out, "field", x.label(), x.value()));
            } else if (block instanceof DocumentContent.Table t) {
                line(out, "table", t.columns().stream().map(DocumentContent.Column::header).toArray(String[]::new));
                t.rows().forEach(r -> line(out, "row", r.toArray(String[]::new)));
                if (!t.closing().isEmpty()) {
                    line(out, "closing", t.closing().toArray(String[]::new));
                }
            }
        }
        content.signatures().forEach(s -> line(out, "signature", s.role(), s.name(), s.seal() ? "seal" : ""));
        return out.toString();
    }

    private static void line(StringBuilder out, String key, String... values) {
        out.append(key).append(": ");
        List<String> cells = List.of(values);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(" | ");
            }
            escape(out, cells.get(i));
        }
        out.append('\n');
    }

    private static void escape(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '|' -> out.append("\\|");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}

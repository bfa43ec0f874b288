package cn.shequ.document;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a document says, independent of how it is laid out: issuing body, title, parties, the body
 * as headings, paragraphs, label/value fields and tables, the signature and seal blocks, and the
 * date of issue. Everything here (and nothing of the layout) enters the fingerprint.
 */
public record DocumentContent(String issuer, String title, String subtitle, List<Field> parties, List<Block> blocks,
                              List<Signature> signatures, LocalDate issuedOn) {

    public DocumentContent {
        requireNonNull(issuer, "issuer");
        requireNonNull(title, "title");
        subtitle = subtitle == null ? "" : subtitle;
        parties = List.copyOf(parties);
        blocks = List.copyOf(blocks);
        signatures = List.copyOf(signatures);
        requireNonNull(issuedOn, "issuedOn");
    }

    /** A label and its value, e.g. 项目编号：SP-2026-0001. */
    public record Field(String label, String value) {
        public Field {
            requireNonNull(label, "label");
            value = value == null ? "" : value;
        }
    }

    /** One part of the body. */
    public sealed interface Block permits Heading, Paragraph, Fields, Table {}

    /** A section heading such as 一、项目概况. */
    public record Heading(String text) implements Block {
        public Heading {
            requireNonNull(text, "text");
        }
    }

    /** Running text; line breaks in it are kept, each new line indented by two characters. */
    public record Paragraph(String text) implements Block {
        public Paragraph {
            text = text == null ? "" : text;
        }
    }

    /** Label/value pairs set as a two-column table. */
    public record Fields(List<Field> fields) implements Block {
        public Fields {
            fields = List.copyOf(fields);
        }
    }

    /** A table with a header row repeated on every page it spans, and an optional closing row (合计). */
    public record Table(List<Column> columns, List<List<String>> rows, List<String> closing) implements Block {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(Table::cells).toList();
            closing = closing == null ? List.of() : cells(closing);
            for (List<String> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("row has " + row.size() + " cells for " + columns.size() + " columns");
                }
            }
            if (!closing.isEmpty() && closing.size() != columns.size()) {
                throw new IllegalArgumentException("closing row has " + closing.size() + " cells");
            }
        }

        private static List<String> cells(List<String> row) {
            return row.stream().map(c -> c == null ? "" : c).toList();
        }
    }

    /** A column: header, relative width and alignment of its cells. */
    public record Column(String header, float weight, Align align) {
        public Column {
            requireNonNull(header, "header");
            if (!(weight > 0)) {
                throw new IllegalArgumentException("column weight must be positive");
            }
        }

        public static Column left(String header, float weight) {
            return new Column(header, weight, Align.LEFT);
        }

        public static Column right(String header, float weight) {
            return new Column(header, weight, Align.RIGHT);
        }

        public static Column center(String header, float weight) {
            return new Column(header, weight, Align.CENTER);
        }
    }

    public enum Align { LEFT, CENTER, RIGHT }

    /** Who signs: a role (申报单位, 经办人), a name, and whether a seal (盖章) goes beside it. */
    public record Signature(String role, String name, boolean seal) {
        public Signature {
            requireNonNull(role, "role");
            name = name == null ? "" : name;
        }
    }

    public static Builder builder(String issuer, String title) {
        return new Builder(issuer, title);
    }

    /** Builds a document's content in reading order. */
    public static final class Builder {
        private final String issuer;
        private final String title;
        private String subtitle = "";
        private final List<Field> parties = new ArrayList<>();
        private final List<Block> blocks = new ArrayList<>();
        private final List<Signature> signatures = new ArrayList<>();
        private LocalDate issuedOn;

        private Builder(String issuer, String title) {
            this.issuer = issuer;
            this.title = title;
        }

        public Builder subtitle(String subtitle) {
            this.subtitle = subtitle;
            return this;
        }

        public Builder party(String label, String value) {
            parties.add(new Field(label, value));
            return this;
        }

        public Builder heading(String text) {
            blocks.add(new Heading(text));
            return this;
        }

        public Builder paragraph(String text) {
            blocks.add(new Paragraph(text));
            return this;
        }

        public Builder fields(List<Field> fields) {
            blocks.add(new Fields(fields));
            return this;
        }

        public Builder table(List<Column> columns, List<List<String>> rows, List<String> closing) {
            blocks.add(new Table(columns, rows, closing));
            return this;
        }

        public Builder signature(String role, String name, boolean seal) {
            signatures.add(new Signature(role, name, seal));
            return this;
        }

        public Builder issuedOn(LocalDate issuedOn) {
            this.issuedOn = issuedOn;
            return this;
        }

        public DocumentContent build() {
            return new DocumentContent(issuer, title, subtitle, parties, blocks, signatures, issuedOn);
        }
    }
}

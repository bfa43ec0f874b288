package cn.shequ.document;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Lays out a document on A4 pages with PDFBox: the issuing body in red over a red rule with the
 * document number (as GB/T 9704 places them), title, parties, the body (headings, paragraphs
 * indented two characters, fields and tables whose header row repeats on each page), signature
 * and seal blocks with the date in Chinese, and on every page the footer of {@link Sheet#finish}.
 * Spring-free; one instance serves the whole application.
 */
public final class DocumentLayout {

    static final float BODY = 11;
    static final float LEADING = BODY * 1.7f;
    static final float CELL_SIZE = 10;
    static final float CELL_LEADING = CELL_SIZE * 1.45f;
    static final float PAD = 4;
    private static final Color SHADE = new Color(236, 236, 236);

    private final DocumentFonts fonts;
    private final String verifyBase;

    /** @param publicBaseUrl where the public pages are served, e.g. {@code http://localhost:8080} */
    public DocumentLayout(DocumentFonts fonts, String publicBaseUrl) {
        this.fonts = fonts;
        this.verifyBase = publicBaseUrl.replaceAll("/+$", "") + "/public/verify/";
    }

    /** The address printed in the footer, where anyone can check {@code fingerprint}. */
    public String verifyUrl(String fingerprint) {
        return verifyBase + fingerprint;
    }

    /** The PDF of {@code content}, carrying {@code fingerprint} (see {@link Fingerprint}) on every page. */
    public byte[] render(DocumentHeader header, DocumentContent content, String fingerprint) {
        // FontBox fonts are shared and not thread-safe; subsetting reads them when the file is saved.
        synchronized (fonts) {
            try (PDDocument doc = new PDDocument()) {
                information(doc, header, content, fingerprint);
                try (Sheet sheet = new Sheet(doc, fonts, header.number() + "  " + content.title())) {
                    masthead(sheet, header, content);
                    for (DocumentContent.Block block : content.blocks()) {
                        block(sheet, block);
                    }
                    signatures(sheet, content);
                    sheet.finish(fingerprint, verifyUrl(fingerprint));
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
                doc.save(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException("PDF layout failed for " + header.number(), e);
            }
        }
    }

    private static void information(PDDocument doc, DocumentHeader header, DocumentContent content, String fingerprint) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(content.title() + " " + header.number());
        info.setSubject(header.subjectCode());
        info.setAuthor(content.issuer());
        info.setKeywords("sha256:" + fingerprint);
        info.setCreator("Shequ");
    }

    private void masthead(Sheet sheet, DocumentHeader header, DocumentContent content) throws IOException {
        centered(sheet, content.issuer(), 20, 30, Sheet.RED, true);
        sheet.down(4);
        centered(sheet, header.number(), 12, 20, Color.BLACK, false);
        sheet.rule(Sheet.LEFT, Sheet.RIGHT, sheet.y() - 4, 1.6f, Sheet.RED);
        sheet.down(22);
        centered(sheet, content.title(), 18, 28, Color.BLACK, true);
        if (!content.subtitle().isBlank()) {
            centered(sheet, content.subtitle(), 13, 22, Color.BLACK, false);
        }
        if (header.version() > 1) {
            for (String line : sheet.wrap("（第 " + header.version() + " 版，更正并取代文件指纹为 " + header.replacesSha256()
                    + " 的前一版本）", Sheet.RIGHT - Sheet.LEFT, 8, 0)) {
                centered(sheet, line, 8, 13, Color.DARK_GRAY, false);
            }
        }
        sheet.down(8);
        for (DocumentContent.Field party : content.parties()) {
            String label = party.label() + "：";
            float indent = sheet.width(LayoutText.printable(label, fonts), BODY);
            List<String> lines = sheet.wrap(label + party.value(), Sheet.RIGHT - Sheet.LEFT - indent, BODY, 0);
            for (int i = 0; i < lines.size(); i++) {
                sheet.line(lines.get(i), Sheet.LEFT + (i == 0 ? 0 : indent), BODY, LEADING, Color.BLACK, false);
            }
        }
        sheet.down(6);
    }

    private void centered(Sheet sheet, String text, float size, float leading, Color color, boolean bold) throws IOException {
        for (String line : sheet.wrap(text, Sheet.RIGHT - Sheet.LEFT, size, 0)) {
            sheet.line(line, (Sheet.WIDTH - sheet.width(line, size)) / 2, size, leading, color, bold);
        }
    }

    private void block(Sheet sheet, DocumentContent.Block block) throws IOException {
        if (block instanceof DocumentContent.Heading h) {
            sheet.ensure(LEADING * 3);
            sheet.down(6);
            for (String line : sheet.wrap(h.text(), Sheet.RIGHT - Sheet.LEFT, 13, 0)) {
                sheet.line(line, Sheet.LEFT, 13, 22, Color.BLACK, true);
            }
        } else if (block instanceof DocumentContent.Paragraph p) {
            float indent = 2 * BODY;
            for (String paragraph : p.text().split("\n", -1)) {
                List<String> lines = sheet.wrap(paragraph, Sheet.RIGHT - Sheet.LEFT, BODY, indent);
                for (int i = 0; i < lines.size(); i++) {
                    sheet.line(lines.get(i), Sheet.LEFT + (i == 0 ? indent : 0), BODY, LEADING, Color.BLACK, false);
                }
            }
        } else if (block instanceof DocumentContent.Fields f) {
            List<DocumentContent.Column> columns = List.of(DocumentContent.Column.left("", 3), DocumentContent.Column.left("", 7));
            List<List<String>> rows = f.fields().stream().map(x -> List.of(x.label(), x.value())).toList();
            table(sheet, columns, false, rows, List.of());
        } else if (block instanceof DocumentContent.Table t) {
            table(sheet, t.columns(), true, t.rows(), t.closing());
        }
    }

    private void table(Sheet sheet, List<DocumentContent.Column> columns, boolean withHeader, List<List<String>> rows,
                       List<String> closing) throws IOException {
        float total = (float) columns.stream().mapToDouble(DocumentContent.Column::weight).sum();
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = (Sheet.RIGHT - Sheet.LEFT) * columns.get(i).weight() / total;
        }
        List<String> header = columns.stream().map(DocumentContent.Column::header).toList();
        sheet.down(4);
        boolean fresh = true;
        List<List<String>> all = new ArrayList<>(rows);
        if (!closing.isEmpty()) {
            all.add(closing);
        }
        for (int r = 0; r < all.size(); r++) {
            boolean isClosing = !closing.isEmpty() && r == all.size() - 1;
            List<List<String>> cells = cellLines(sheet, all.get(r), widths);
            int done = 0;
            int height = cells.stream().mapToInt(List::size).max().orElse(1);
            while (done < height) {
                int fit = (int) Math.floor((sheet.y() - Sheet.BOTTOM - 2 * PAD) / CELL_LEADING);
                boolean wholeRowFitsOnFreshPage = height <= (int) ((Sheet.TOP - Sheet.BOTTOM - 2 * PAD) / CELL_LEADING) - 2;
                if (fit < 1 || (done == 0 && fit < height && wholeRowFitsOnFreshPage)) {
                    sheet.newPage();
                    fresh = true;
                    continue;
                }
                if (fresh && withHeader) {
                    row(sheet, cellLines(sheet, header, widths), widths, columns, 0, Integer.MAX_VALUE, SHADE, true, true);
                    fresh = false;
                    continue;
                }
                fresh = false;
                int chunk = Math.min(fit, height - done);
                row(sheet, cells, widths, columns, done, chunk, null, isClosing, false);
                done += chunk;
            }
        }
        sheet.down(8);
    }

    private static List<List<String>> cellLines(Sheet sheet, List<String> row, float[] widths) {
        List<List<String>> cells = new ArrayList<>();
        for (int c = 0; c < row.size(); c++) {
            cells.add(sheet.wrap(row.get(c), widths[c] - 2 * PAD, CELL_SIZE, 0));
        }
        return cells;
    }

    /** Draws lines {@code from .. from+count} of each cell as one band of the row, borders included. */
    private static void row(Sheet sheet, List<List<String>> cells, float[] widths, List<DocumentContent.Column> columns,
                            int from, int count, Color fill, boolean bold, boolean header) throws IOException {
        int lines = 0;
        for (List<String> cell : cells) {
            lines = Math.max(lines, Math.min(count, cell.size() - from));
        }
        lines = Math.max(lines, 1);
        float height = lines * CELL_LEADING + 2 * PAD;
        float top = sheet.y();
        float x = Sheet.LEFT;
        for (int c = 0; c < cells.size(); c++) {
            boolean label = columns.get(c).header().isEmpty() && c == 0;
            sheet.box(x, top, widths[c], height, fill != null ? fill : label ? SHADE : null);
            List<String> cell = cells.get(c);
            for (int i = 0; i < lines && from + i < cell.size(); i++) {
                String text = cell.get(from + i);
                float w = sheet.width(text, CELL_SIZE);
                DocumentContent.Align align = header ? DocumentContent.Align.CENTER : columns.get(c).align();
                float tx = switch (align) {
                    case LEFT -> x + PAD;
                    case RIGHT -> x + widths[c] - PAD - w;
                    case CENTER -> x + (widths[c] - w) / 2;
                };
                float baseline = top - PAD - (i + 1) * CELL_LEADING + (CELL_LEADING - CELL_SIZE) / 2 + CELL_SIZE * 0.12f;
                sheet.text(text, tx, baseline, CELL_SIZE, Color.BLACK, bold);
            }
            x += widths[c];
        }
        sheet.down(height);
    }

    private void signatures(Sheet sheet, DocumentContent content) throws IOException {
        // the block stays together, and with the date
        sheet.ensure(content.signatures().size() * LEADING * 1.5f + LEADING + 20);
        sheet.down(20);
        float x = Sheet.WIDTH / 2 + 10;
        for (DocumentContent.Signature s : content.signatures()) {
            String text = s.role() + "：" + s.name() + (s.seal() ? "（盖章）" : "");
            for (String line : sheet.wrap(text, Sheet.RIGHT - x, BODY, 0)) {
                sheet.line(line, x, BODY, LEADING, Color.BLACK, false);
            }
            sheet.down(LEADING * 0.5f);
        }
        String date = ChineseDates.written(content.issuedOn());
        sheet.line(date, Sheet.RIGHT - sheet.width(date, BODY), BODY, LEADING, Color.BLACK, false);
    }
}

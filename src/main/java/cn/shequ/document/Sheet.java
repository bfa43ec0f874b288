package cn.shequ.document;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * The pages of one document being written: a cursor moving down A4 pages, text set in runs of the
 * document fonts (each embedded as a subset), and the page footers written once the page count is
 * known. Not thread-safe; used under {@link DocumentLayout}'s lock.
 */
final class Sheet implements AutoCloseable {

    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();
    static final float LEFT = 64;
    static final float RIGHT = WIDTH - 64;
    static final float TOP = HEIGHT - 64;
    static final float BOTTOM = 84;
    static final Color RED = new Color(200, 16, 16);

    private final PDDocument doc;
    private final DocumentFonts fonts;
    private final String runningHeader;
    private final Map<Integer, PDType0Font> embedded = new HashMap<>();
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream stream;
    private float y;

    Sheet(PDDocument doc, DocumentFonts fonts, String runningHeader) throws IOException {
        this.doc = doc;
        this.fonts = fonts;
        this.runningHeader = runningHeader;
        newPage();
    }

    float y() {
        return y;
    }

    void down(float points) {
        y -= points;
    }

    /** Starts a new page unless {@code height} points still fit above the footer. */
    boolean ensure(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
            return true;
        }
        return false;
    }

    void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        pages.add(page);
        stream = new PDPageContentStream(doc, page);
        y = TOP;
        if (pages.size() > 1) {
            text(runningHeader, RIGHT - width(runningHeader, 8), TOP + 20, 8, Color.GRAY, false);
        }
    }

    float width(String text, float size) {
        return fonts.width(text, size);
    }

    List<String> wrap(String text, float width, float size, float firstIndent) {
        return LayoutText.wrap(LayoutText.printable(text, fonts), width, size, firstIndent, fonts);
    }

    /** Sets {@code text} (already printable) with its baseline at {@code baseline}, each run in the first font that has it. */
    void text(String text, float x, float baseline, float size, Color color, boolean bold) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        stream.beginText();
        stream.setNonStrokingColor(color);
        if (bold) {
            stream.setRenderingMode(RenderingMode.FILL_STROKE);
            stream.setStrokingColor(color);
            stream.setLineWidth(size * 0.035f);
        }
        stream.newLineAtOffset(x, baseline);
        int start = 0;
        int face = -2;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int f = fonts.faceOf(cp);
            if (f != face) {
                show(text.substring(start, i), face, size);
                start = i;
                face = f;
            }
            i += Character.charCount(cp);
        }
        show(text.substring(start), face, size);
        if (bold) {
            stream.setRenderingMode(RenderingMode.FILL);
        }
        stream.endText();
    }

    private void show(String run, int face, float size) throws IOException {
        if (run.isEmpty()) {
            return;
        }
        stream.setFont(font(face), size);
        stream.showText(run);
    }

    private PDType0Font font(int face) throws IOException {
        PDType0Font font = embedded.get(face);
        if (font == null) {
            font = PDType0Font.load(doc, fonts.faces().get(face).font(), true);
            embedded.put(face, font);
        }
        return font;
    }

    /** Writes one line of text at the cursor, moving it down by {@code leading}. */
    void line(String text, float x, float size, float leading, Color color, boolean bold) throws IOException {
        ensure(leading);
        y -= leading;
        text(text, x, y + (leading - size) / 2 + size * 0.12f, size, color, bold);
    }

    void rule(float x1, float x2, float at, float width, Color color) throws IOException {
        stream.setStrokingColor(color);
        stream.setLineWidth(width);
        stream.moveTo(x1, at);
        stream.lineTo(x2, at);
        stream.stroke();
    }

    void box(float x, float top, float w, float h, Color fill) throws IOException {
        if (fill != null) {
            stream.setNonStrokingColor(fill);
            stream.addRect(x, top - h, w, h);
            stream.fill();
        }
        stream.setStrokingColor(Color.DARK_GRAY);
        stream.setLineWidth(0.6f);
        stream.addRect(x, top - h, w, h);
        stream.stroke();
    }

    /**
     * Closes the last page and writes every page's footer: 第 x 页 共 y 页, the content fingerprint
     * and the address where anyone can verify it.
     */
    void finish(String fingerprint, String verifyUrl) throws IOException {
        stream.close();
        stream = null;
        String print = "文件指纹（SHA-256）：" + fingerprint;
        String verify = "核验地址：" + verifyUrl;
        for (int i = 0; i < pages.size(); i++) {
            try (PDPageContentStream footer = new PDPageContentStream(doc, pages.get(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                stream = footer;
                String number = "第 " + (i + 1) + " 页 共 " + pages.size() + " 页";
                rule(LEFT, RIGHT, BOTTOM - 12, 0.4f, Color.GRAY);
                text(number, (WIDTH - width(number, 9)) / 2, BOTTOM - 30, 9, Color.BLACK, false);
                text(print, LEFT, BOTTOM - 46, 7, Color.DARK_GRAY, false);
                text(verify, LEFT, BOTTOM - 57, 7, Color.DARK_GRAY, false);
            }
        }
        stream = null;
    }

    int pageCount() {
        return pages.size();
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }
}

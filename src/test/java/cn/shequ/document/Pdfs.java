package cn.shequ.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** What a reader of a PDF gets out of it: text per page, fonts, glyph positions. */
final class Pdfs {

    private static final Pattern FOOTER_FINGERPRINT = Pattern.compile("文件指纹（SHA-256）：([0-9a-f]{64})");

    private Pdfs() {}

    static List<String> pages(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(doc));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(byte[] pdf) {
        return String.join("", pages(pdf));
    }

    /** The text with line breaks removed, as a reader would search it. */
    static String joined(byte[] pdf) {
        return text(pdf).replace("\r", "").replace("\n", "");
    }

    /**
     * The body text as a reader follows it across pages: without the running header of pages after
     * the first and without the footers, line breaks removed.
     */
    static String body(byte[] pdf) {
        List<String> pages = pages(pdf);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pages.size(); i++) {
            String page = pages.get(i);
            int footer = page.indexOf("第 " + (i + 1) + " 页 共 " + pages.size() + " 页");
            page = footer < 0 ? page : page.substring(0, footer);
            if (i > 0) {
                page = page.substring(page.indexOf('\n') + 1);
            }
            out.append(page);
        }
        return out.toString().replace("\r", "").replace("\n", "");
    }

    /** The fingerprint printed in each page's footer. */
    static List<String> footerFingerprints(byte[] pdf) {
        List<String> found = new ArrayList<>();
        for (String page : pages(pdf)) {
            Matcher m = FOOTER_FINGERPRINT.matcher(page);
            found.add(m.find() ? m.group(1) : null);
        }
        return found;
    }

    static List<PDFont> fonts(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            return fonts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The right edge of the rightmost glyph on any page, in points. */
    static float rightmostGlyph(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            float[] max = {0};
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition p : positions) {
                        max[0] = Math.max(max[0], p.getXDirAdj() + p.getWidthDirAdj());
                    }
                }
            };
            stripper.getText(doc);
            return max[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

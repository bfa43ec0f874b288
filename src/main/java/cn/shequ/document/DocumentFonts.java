package cn.shequ.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The TrueType fonts documents are set in, parsed once (about half a second for a CJK font) and
 * shared. Each character is set in the first font that has it, so a Latin font can lead and a CJK
 * font fill in. Loading fails with a message saying what is missing, never later with empty boxes.
 * FontBox fonts are not thread-safe: {@link DocumentLayout} uses them under this object's lock.
 */
public final class DocumentFonts {

    /** Characters every document prints: a font set lacking one of them is refused at start-up. */
    static final String REQUIRED = "第页共号〔〕〇一二三四五六七八九十年月日元项目长门龙，。：（）ABCXYZabcxyz0123456789-/.:¥\u3013";

    private final List<Face> faces;

    private DocumentFonts(List<Face> faces) {
        this.faces = List.copyOf(faces);
    }

    /** One parsed font with its advance widths (per 1000 units of the font size) for the BMP. */
    record Face(String location, TrueTypeFont font, CmapLookup cmap, float[] widths, float ascent, float descent) {

        boolean has(int codePoint) {
            return codePoint < widths.length ? widths[codePoint] >= 0 : cmap.getGlyphId(codePoint) > 0;
        }

        float width(int codePoint) {
            if (codePoint < widths.length) {
                return widths[codePoint];
            }
            try {
                return font.getAdvanceWidth(cmap.getGlyphId(codePoint)) * 1000f / font.getUnitsPerEm();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Loads the fonts at {@code locations} in order: {@code classpath:fonts/x.ttf} or a file path.
     *
     * @throws IllegalStateException naming the font that is missing or unreadable, or the characters no font has
     */
    public static DocumentFonts load(List<String> locations) {
        if (locations == null || locations.isEmpty()) {
            throw new IllegalStateException("No document font configured (shequ.documents.fonts)");
        }
        List<Face> faces = new ArrayList<>();
        for (String location : locations) {
            faces.add(face(location, read(location)));
        }
        DocumentFonts fonts = new DocumentFonts(faces);
        StringBuilder missing = new StringBuilder();
        REQUIRED.codePoints().filter(cp -> fonts.faceOf(cp) < 0).forEach(missing::appendCodePoint);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The document fonts " + locations + " have no glyph for: " + missing);
        }
        return fonts;
    }

    private static byte[] read(String location) {
        try {
            if (location.startsWith("classpath:")) {
                String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
                try (InputStream in = DocumentFonts.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("Document font " + location + " is not on the classpath. "
                                + "It is unpacked by the Maven build (pom.xml, execution document-fonts); "
                                + "run the application through Maven or point shequ.documents.fonts at font files.");
                    }
                    return in.readAllBytes();
                }
            }
            return Files.readAllBytes(Path.of(location));
        } catch (IOException e) {
            throw new IllegalStateException("Document font " + location + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Face face(String location, byte[] bytes) {
        try {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            // No glyph substitution: documents want no ligatures (they would change copied text), and
            // PDFBox rebuilds its GSUB matchers on every showText, which alone costs tens of milliseconds.
            font.setEnableGsub(false);
            CmapLookup cmap = font.getUnicodeCmapLookup();
            float scale = 1000f / font.getUnitsPerEm();
            float[] widths = new float[0x10000];
            for (int cp = 0; cp < widths.length; cp++) {
                int gid = cmap.getGlyphId(cp);
                widths[cp] = gid > 0 ? font.getAdvanceWidth(gid) * scale : -1;
            }
            var hhea = font.getHorizontalHeader();
            return new Face(location, font, cmap, widths, hhea.getAscender() * scale, hhea.getDescender() * scale);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Document font " + location + " is not a usable TrueType font: " + e.getMessage(), e);
        }
    }

    List<Face> faces() {
        return faces;
    }

    /** Index of the first font that has {@code codePoint}, or -1. */
    int faceOf(int codePoint) {
        for (int i = 0; i < faces.size(); i++) {
            if (faces.get(i).has(codePoint)) {
                return i;
            }
        }
        return -1;
    }

    /** Width of {@code text} in points at {@code size}; characters no font has count as a replacement box. */
    float width(CharSequence text, float size) {
        float total = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            total += width(cp);
            i += Character.charCount(cp);
        }
        return total * size / 1000f;
    }

    float width(int codePoint) {
        int face = faceOf(codePoint);
        if (face < 0) {
            face = faceOf(LayoutText.MISSING);
            codePoint = LayoutText.MISSING;
        }
        return faces.get(face).width(codePoint);
    }
}

package cn.shequ.document;

import java.util.ArrayList;
import java.util.List;

/**
 * Line breaking for Chinese with Latin inside: a line may break between any two CJK characters,
 * never inside a Latin word or number (SP-2026-0001, 12,345.00), never before closing punctuation
 * (，。、）》…) nor after opening punctuation (（《“) — the usual 避头尾 rules.
 */
final class LayoutText {

    /** Printed in place of a character no document font has (〓, the typesetter's 空铅 mark), so nothing vanishes silently. */
    static final int MISSING = 0x3013;

    private static final String NO_LINE_START = "，。、；：？！）》」』】〕〉…—”’％,.;:!?)]}%·";
    private static final String NO_LINE_END = "（《「『【〔〈“‘([{¥";

    private LayoutText() {}

    /** {@code text} with tabs as spaces, carriage returns dropped and unprintable characters as 〓. */
    static String printable(String text, DocumentFonts fonts) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\r') {
                return;
            }
            if (cp == '\t') {
                out.append(' ');
            } else if (cp == '\n' || fonts.faceOf(cp) >= 0) {
                out.appendCodePoint(cp);
            } else if (!Character.isISOControl(cp)) {
                out.appendCodePoint(MISSING);
            }
        });
        return out.toString();
    }

    /**
     * Breaks {@code text} into lines no wider than {@code width} points at {@code size}. Line
     * breaks in the text are kept; {@code firstIndent} narrows the first line of each of them.
     */
    static List<String> wrap(String text, float width, float size, float firstIndent, DocumentFonts fonts) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            wrapParagraph(paragraph, width, size, firstIndent, fonts, lines);
        }
        return lines;
    }

    private static void wrapParagraph(String paragraph, float width, float size, float firstIndent, DocumentFonts fonts,
                                      List<String> lines) {
        StringBuilder line = new StringBuilder();
        float used = 0;
        float max = width - firstIndent;
        int before = lines.size();
        for (String token : tokens(paragraph)) {
            boolean space = Character.isWhitespace(token.codePointAt(0));
            float w = fonts.width(token, size);
            if (used + w <= max) {
                if (!(space && line.isEmpty() && lines.size() > before)) {
                    line.append(token);
                    used += w;
                }
                continue;
            }
            if (!line.toString().isBlank()) {
                lines.add(stripEnd(line));
                line.setLength(0);
                used = 0;
                max = width;
            }
            if (space) {
                continue;
            }
            if (w <= max) {
                line.append(token);
                used = w;
                continue;
            }
            for (int i = 0; i < token.length(); ) {
                int cp = token.codePointAt(i);
                float cw = fonts.width(cp) * size / 1000f;
                if (used + cw > max && !line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                    used = 0;
                    max = width;
                }
                line.appendCodePoint(cp);
                used += cw;
                i += Character.charCount(cp);
            }
        }
        if (!line.isEmpty() || lines.size() == before) {
            lines.add(stripEnd(line));
        }
    }

    /** Unbreakable pieces: a Latin word, a run of spaces, or one CJK character with the punctuation that clings to it. */
    static List<String> tokens(String text) {
        List<String> raw = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int end = i + Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                while (end < text.length() && Character.isWhitespace(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
            } else if (isWordChar(cp)) {
                while (end < text.length() && isWordChar(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
            }
            raw.add(text.substring(i, end));
            i = end;
        }
        List<String> tokens = new ArrayList<>();
        boolean glueNext = false;
        for (String token : raw) {
            boolean space = Character.isWhitespace(token.codePointAt(0));
            if (!tokens.isEmpty() && (glueNext || (!space && only(token, NO_LINE_START)
                    && !Character.isWhitespace(last(tokens).codePointAt(0))))) {
                tokens.set(tokens.size() - 1, last(tokens) + token);
            } else {
                tokens.add(token);
            }
            glueNext = !space && only(token, NO_LINE_END);
        }
        return tokens;
    }

    /** Latin, digits and their punctuation: kept together. CJK characters and full-width forms stand alone. */
    private static boolean isWordChar(int cp) {
        return cp < 0x2E80 && !Character.isWhitespace(cp) && NO_LINE_START.indexOf(cp) < 0 && NO_LINE_END.indexOf(cp) < 0
                || cp < 0x80 && !Character.isWhitespace(cp) && !Character.isISOControl(cp);
    }

    private static boolean only(String token, String set) {
        return token.codePoints().allMatch(cp -> set.indexOf(cp) >= 0);
    }

    private static String last(List<String> tokens) {
        return tokens.get(tokens.size() - 1);
    }

    private static String stripEnd(CharSequence line) {
        int end = line.length();
        while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        return line.subSequence(0, end).toString();
    }
}

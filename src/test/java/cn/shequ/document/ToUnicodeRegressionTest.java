package cn.shequ.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * PDFBox 3.0.5 wrote ToUnicode maps that sent CJK characters sharing a glyph with a Kangxi radical
 * to the radical (长 copied as ⻓, 目 as ⽬); 3.0.8 does not. Whatever the font or PDFBox version,
 * what a reader copies out of a document must be what was written.
 */
class ToUnicodeRegressionTest {

    static final String RADICAL_LOOKALIKES = "长目龙门";

    @Test
    void charactersThatShareAGlyphWithAKangxiRadicalExtractAsThemselves() {
        String text = Pdfs.body(render("关于" + RADICAL_LOOKALIKES + "的说明：长期项目目录，龙门社区。"));

        assertThat(text).contains("长目龙门", "长期项目目录，龙门社区。");
        assertThat(text).doesNotContain("⻓", "⽬", "⻰", "⻔", "⾨", "⿓");
    }

    @Test
    void everyCommonIdeographOfTheFontExtractsAsItself() {
        StringBuilder sample = new StringBuilder();
        for (int cp = 0x4E00; cp <= 0x9FA5 && sample.length() < 4000; cp += 5) {
            if (TestFonts.fonts().faceOf(cp) >= 0) {
                sample.appendCodePoint(cp);
            }
        }

        assertThat(Pdfs.body(render(sample.toString()))).contains(sample);
    }

    private static byte[] render(String paragraph) {
        DocumentContent content = DocumentContent.builder("东湖社区居民委员会", "说明").paragraph(paragraph)
                .issuedOn(Samples.ISSUED).build();
        DocumentHeader header = DocumentHeader.first(DocumentType.DISCLOSURE_NOTICE, "东湖居〔2026〕1号", Samples.PROJECT);
        return TestFonts.layout().render(header, content, Fingerprint.of(header, content));
    }
}

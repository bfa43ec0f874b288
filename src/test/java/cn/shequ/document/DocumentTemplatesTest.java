package cn.shequ.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every document type as a reader gets it: PDFBox text extraction of the PDF the layout makes. */
class DocumentTemplatesTest {

    static final int SHORT = 1;
    static final int LONG = 20;

    static Stream<Arguments> types() {
        return Stream.of(DocumentType.values()).map(Arguments::of);
    }

    static byte[] render(Samples.Sample sample) {
        return TestFonts.layout().render(sample.header(), sample.content(), Fingerprint.of(sample.header(), sample.content()));
    }

    @ParameterizedTest
    @MethodSource("types")
    void theChineseTitleTheProjectCodeTheAmountsAndTheNamesCanBeReadBack(DocumentType type) {
        Samples.Sample sample = Samples.of(type, SHORT);
        String text = Pdfs.joined(render(sample));

        assertThat(text).contains(type.chineseName(), sample.number(), Samples.PROJECT);
        assertThat(text).contains(sample.expected());
        assertThat(text).contains(sample.freeText());
        assertThat(text).contains("二〇二六年十一月二十七日");
        assertThat(text).doesNotContain("〓");
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyFontIsEmbeddedAsASubset(DocumentType type) {
        List<PDFont> fonts = Pdfs.fonts(render(Samples.of(type, SHORT)));

        assertThat(fonts).isNotEmpty().allSatisfy(font -> {
            assertThat(font).isInstanceOf(PDType0Font.class);
            assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            assertThat(font.getName()).as("subset tag").matches("[A-Z]{6}\\+.+");
        });
        assertThat(fonts).extracting(PDFont::getName).anyMatch(name -> name.endsWith("DroidSansFallback"));
    }

    @ParameterizedTest
    @MethodSource("types")
    void aLongTextWrapsOntoASecondPageWithNothingLostAndNothingPastTheMargin(DocumentType type) {
        Samples.Sample sample = Samples.of(type, LONG);
        byte[] pdf = render(sample);
        List<String> pages = Pdfs.pages(pdf);

        assertThat(pages).hasSize(2);
        assertThat(pages.get(0)).contains("第 1 页 共 2 页");
        assertThat(pages.get(1)).contains("第 2 页 共 2 页");
        assertThat(Pdfs.body(pdf)).contains(sample.freeText());
        assertThat(Pdfs.rightmostGlyph(pdf)).isLessThanOrEqualTo(Sheet.RIGHT + 0.5f);
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyPageCarriesTheContentFingerprintAndTheVerificationAddress(DocumentType type) {
        Samples.Sample sample = Samples.of(type, LONG);
        String fingerprint = Fingerprint.of(sample.header(), sample.content());
        byte[] pdf = render(sample);

        assertThat(Pdfs.footerFingerprints(pdf)).hasSize(2).containsOnly(fingerprint);
        assertThat(Pdfs.joined(pdf)).contains("https://shequ.example.cn/public/verify/" + fingerprint);
    }
}

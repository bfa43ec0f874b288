package cn.shequ.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables over page breaks, corrections, and the masthead, as a reader sees them. */
class DocumentLayoutTest {

    final DocumentLayout layout = TestFonts.layout();

    @Test
    void aTableRunningOverPagesRepeatsItsHeaderAndSplitsNoRowAcrossPagesWhenItFitsOnOne() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            rows.add(List.of(Integer.toString(i), "第" + i + "项支出", "1,000.00"));
        }
        byte[] pdf = render(DocumentContent.builder("东湖社区居民委员会", "预算表")
                .table(List.of(DocumentContent.Column.center("序号", 1), DocumentContent.Column.left("支出项目", 5),
                        DocumentContent.Column.right("金额（元）", 2)), rows, List.of("", "合计", "60,000.00"))
                .issuedOn(Samples.ISSUED).build());
        List<String> pages = Pdfs.pages(pdf);

        assertThat(pages).hasSizeGreaterThan(1);
        for (String page : pages) {
            assertThat(page).contains("序号 支出项目 金额（元）");
        }
        String body = Pdfs.body(pdf);
        for (int i = 1; i <= 60; i++) {
            assertThat(body).containsOnlyOnce(i + " 第" + i + "项支出 1,000.00");
        }
        assertThat(body).endsWith("合计 60,000.00二〇二六年十一月二十七日");
    }

    @Test
    void aCellLongerThanAPageContinuesOnTheNextPageUnderTheRepeatedHeader() {
        String longCell = Samples.text(60);
        byte[] pdf = render(DocumentContent.builder("东湖社区居民委员会", "说明表")
                .table(List.of(DocumentContent.Column.left("事项", 1), DocumentContent.Column.left("说明", 4)),
                        List.of(List.of("实施情况", longCell)), List.of())
                .issuedOn(Samples.ISSUED).build());
        List<String> pages = Pdfs.pages(pdf);

        assertThat(pages).hasSizeGreaterThanOrEqualTo(2);
        assertThat(pages.get(1)).contains("事项 说明");
        assertThat(Pdfs.body(pdf).replace(" ", "").replace("说明", "").replace("事项", ""))
                .contains(longCell.replace(" ", "").replace("说明", "").replace("事项", ""));
        assertThat(Pdfs.rightmostGlyph(pdf)).isLessThanOrEqualTo(Sheet.RIGHT + 0.5f);
    }

    @Test
    void aCorrectionSaysWhichVersionItIsAndWhatItReplaces() {
        Samples.Sample sample = Samples.of(DocumentType.REVIEW_OPINION, 1);
        String first = Fingerprint.of(sample.header(), sample.content());
        DocumentHeader second = new DocumentHeader(sample.type(), sample.number(), Samples.PROJECT, 2, first);

        String text = Pdfs.joined(layout.render(second, sample.content(), Fingerprint.of(second, sample.content())));

        assertThat(text).contains("第 2 版", first);
    }

    @Test
    void theIssuerAndNumberHeadThePageAndTheDateClosesIt() {
        Samples.Sample sample = Samples.of(DocumentType.MEETING_RESOLUTION, 1);
        String page = Pdfs.pages(layout.render(sample.header(), sample.content(), "a".repeat(64))).get(0);

        assertThat(page).startsWith("东湖社区居民委员会\n" + sample.number() + "\n居民会议决议");
    }

    private byte[] render(DocumentContent content) {
        DocumentHeader header = DocumentHeader.first(DocumentType.PROJECT_REPORT, "东湖居〔2026〕2号", Samples.PROJECT);
        return layout.render(header, content, Fingerprint.of(header, content));
    }
}

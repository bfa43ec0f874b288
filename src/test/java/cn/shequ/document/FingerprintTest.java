package cn.shequ.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The content fingerprint covers what the paper says, and only that. */
class FingerprintTest {

    final Samples.Sample sample = Samples.of(DocumentType.PROJECT_REPORT, 1);
    final String fingerprint = Fingerprint.of(sample.header(), sample.content());

    @Test
    void isSixtyFourHexDigitsAndStable() {
        assertThat(Fingerprint.isSha256(fingerprint)).isTrue();
        assertThat(Fingerprint.of(sample.header(), Samples.of(DocumentType.PROJECT_REPORT, 1).content())).isEqualTo(fingerprint);
    }

    @Test
    void changesWithAnyCellNumberVersionOrDate() {
        DocumentContent c = sample.content();
        DocumentContent.Table budget = (DocumentContent.Table) c.blocks().stream()
                .filter(DocumentContent.Table.class::isInstance).findFirst().orElseThrow();
        List<DocumentContent.Block> blocks = new java.util.ArrayList<>(c.blocks());
        List<List<String>> rows = new java.util.ArrayList<>(budget.rows());
        rows.set(0, List.of("1", "场地改造", "18,000.01"));
        blocks.set(blocks.indexOf(budget), new DocumentContent.Table(budget.columns(), rows, budget.closing()));
        DocumentContent oneCell = new DocumentContent(c.issuer(), c.title(), c.subtitle(), c.parties(), blocks, c.signatures(), c.issuedOn());

        assertThat(Fingerprint.of(sample.header(), oneCell)).isNotEqualTo(fingerprint);
        assertThat(Fingerprint.of(DocumentHeader.first(sample.type(), "东湖居〔2026〕4号", Samples.PROJECT), c)).isNotEqualTo(fingerprint);
        assertThat(Fingerprint.of(new DocumentHeader(sample.type(), sample.number(), Samples.PROJECT, 2, fingerprint), c))
                .isNotEqualTo(fingerprint);
        assertThat(Fingerprint.of(sample.header(), new DocumentContent(c.issuer(), c.title(), c.subtitle(), c.parties(),
                c.blocks(), c.signatures(), c.issuedOn().plusDays(1)))).isNotEqualTo(fingerprint);
    }

    @Test
    void layoutChoicesDoNotEnterIt() {
        DocumentContent c = sample.content();
        List<DocumentContent.Block> blocks = c.blocks().stream().map(b -> b instanceof DocumentContent.Table t
                ? new DocumentContent.Table(t.columns().stream().map(col -> new DocumentContent.Column(col.header(), col.weight() * 2,
                        DocumentContent.Align.CENTER)).toList(), t.rows(), t.closing())
                : b).toList();
        DocumentContent relaid = new DocumentContent(c.issuer(), c.title(), c.subtitle(), c.parties(), blocks, c.signatures(), c.issuedOn());

        assertThat(Fingerprint.of(sample.header(), relaid)).isEqualTo(fingerprint);
    }

    @Test
    void separatorsInsideTextCannotForgeAnotherSplitOfCells() {
        DocumentHeader h = sample.header();
        DocumentContent a = DocumentContent.builder("甲", "乙").party("项目", "A | B").issuedOn(Samples.ISSUED).build();
        DocumentContent b = DocumentContent.builder("甲", "乙").party("项目 | A", "B").issuedOn(Samples.ISSUED).build();
        DocumentContent c = DocumentContent.builder("甲", "乙").paragraph("一\nparty: x | y").issuedOn(Samples.ISSUED).build();
        DocumentContent d = DocumentContent.builder("甲", "乙").paragraph("一").party("x", "y").issuedOn(Samples.ISSUED).build();

        assertThat(Fingerprint.of(h, a)).isNotEqualTo(Fingerprint.of(h, b));
        assertThat(Fingerprint.of(h, c)).isNotEqualTo(Fingerprint.of(h, d));
    }
}

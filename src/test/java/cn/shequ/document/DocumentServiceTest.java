package cn.shequ.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shequ.engine.ShequClock;
import cn.shequ.refusal.Refusal;
import cn.shequ.web.HttpRefusal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Issuing, numbering, correcting and verifying documents, without Spring or a database. */
class DocumentServiceTest {

    final InMemoryDocuments table = new InMemoryDocuments();
    final List<Object> events = new ArrayList<>();
    final DocumentService service = new DocumentService(table, table.numbers, TestFonts.layout(), new ShequClock(), events::add);
    final Samples.Sample sample = Samples.of(DocumentType.PROJECT_REPORT, 1);

    IssuedDocument issue() {
        return service.issue(sample.type(), Samples.PROJECT, sample.number(), sample.content(), "committee1");
    }

    @Test
    void theFingerprintPrintedOnTheIssuedPdfIsTheStoredOneAndVerifiesAsValid() {
        IssuedDocument issued = issue();
        byte[] pdf = service.pdf(issued.id());

        assertThat(Pdfs.footerFingerprints(pdf)).containsOnly(issued.sha256());
        assertThat(issued.sha256()).isEqualTo(Fingerprint.of(sample.header(), sample.content()));
        // the file's fingerprint exists once the PDF does (rendered on demand here, ADR 0039)
        assertThat(issued.fileSha256()).isNull();
        IssuedDocument rendered = service.find(issued.id()).orElseThrow();
        assertThat(rendered.fileSha256()).isEqualTo(Fingerprint.sha256(pdf));
        assertThat(service.pdf(issued.id())).isEqualTo(pdf);
        Verification byPrint = service.verify(issued.sha256());
        assertThat(byPrint.valid()).isTrue();
        assertThat(byPrint.match()).isEqualTo(Verification.Match.CONTENT);
        assertThat(byPrint.document().number()).isEqualTo(sample.number());
        assertThat(service.verify(rendered.fileSha256().toUpperCase()).match()).isEqualTo(Verification.Match.FILE);
        assertThat(events).hasSize(2).first().isEqualTo(new DocumentIssued(issued.id(), issued.docType(), issued.number(),
                1, null, Samples.PROJECT, issued.sha256(), null, issued.issuedAt(), "committee1"));
        assertThat(events.get(1)).isInstanceOfSatisfying(DocumentRendered.class, r -> {
            assertThat(r.id()).isEqualTo(issued.id());
            assertThat(r.sha256()).isEqualTo(issued.sha256());
            assertThat(r.fileSha256()).isEqualTo(rendered.fileSha256());
        });
    }

    @Test
    void aModifiedFileDoesNotVerify() {
        byte[] pdf = service.pdf(issue().id()).clone();
        pdf[pdf.length / 2] ^= 1;

        assertThat(service.verify(Fingerprint.sha256(pdf)).valid()).isFalse();
    }

    @Test
    void somethingThatIsNotASha256IsRefused() {
        assertThatThrownBy(() -> service.verify("12345")).isInstanceOfSatisfying(Refusal.class,
                e -> assertThat(HttpRefusal.status(e)).isEqualTo(HttpStatus.BAD_REQUEST));
        assertThatThrownBy(() -> service.verify("g".repeat(64))).isInstanceOf(Refusal.class);
    }

    @Test
    void issuingTheSameContentTwiceKeepsOneDocumentButAReusedNumberIsRefused() {
        IssuedDocument first = issue();

        assertThat(issue()).isEqualTo(first);
        assertThat(table.rows).hasSize(1);
        Samples.Sample other = Samples.of(DocumentType.REVIEW_OPINION, 1);
        assertThatThrownBy(() -> service.issue(other.type(), Samples.PROJECT, sample.number(), other.content(), "street1"))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("DOCUMENT_NUMBER_TAKEN"));
    }

    @Test
    void aCorrectionIsANewVersionThatNamesTheOneItReplacesAndTheOldOneStaysVerifiableAsSuperseded() {
        IssuedDocument first = issue();
        Samples.Sample corrected = Samples.of(DocumentType.PROJECT_REPORT, 2);

        IssuedDocument second = service.reissue(first.id(), corrected.content(), "committee1");

        assertThat(second.version()).isEqualTo(2);
        assertThat(second.replacesId()).isEqualTo(first.id());
        assertThat(second.number()).isEqualTo(first.number());
        assertThat(Pdfs.joined(service.pdf(second.id()))).contains("第 2 版", first.sha256());
        assertThat(service.list(Samples.PROJECT)).extracting(IssuedDocument::version).containsExactly(1, 2);
        assertThat(service.verify(first.sha256())).satisfies(v -> {
            assertThat(v.valid()).isTrue();
            assertThat(v.superseded()).isTrue();
        });
        assertThat(service.verify(second.sha256()).superseded()).isFalse();
        byte[] firstPdf = service.pdf(first.id());
        assertThat(table.rows.get(0).content).isEqualTo(firstPdf);
        assertThatThrownBy(() -> service.reissue(first.id(), Samples.of(DocumentType.PROJECT_REPORT, 3).content(), "committee1"))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("DOCUMENT_ALREADY_CORRECTED"));
    }

    @Test
    void theIssueStoresNoPdfAndTheFirstRequestRendersItOnceFromTheStoredBody() {
        IssuedDocument issued = issue();
        assertThat(table.rows.get(0).content).isNull();
        assertThat(table.rows.get(0).body).isNotBlank();

        byte[] first = service.pdf(issued.id());
        byte[] again = service.pdf(issued.id());

        assertThat(again).isEqualTo(first);
        assertThat(events).filteredOn(DocumentRendered.class::isInstance).hasSize(1);
        assertThat(Pdfs.footerFingerprints(first)).containsOnly(issued.sha256());
    }

    @Test
    void everyTemplatesContentReadsBackFromItsBodyWithTheFingerprintIssued() {
        for (DocumentType type : DocumentType.values()) {
            Samples.Sample s = Samples.of(type, 3);
            DocumentContent back = DocumentBodies.read(DocumentBodies.write(s.content()));
            assertThat(back).as(type.name()).isEqualTo(s.content());
            assertThat(Fingerprint.of(s.header(), back)).isEqualTo(Fingerprint.of(s.header(), s.content()));
        }
    }

    @Test
    void numbersRunPerIssuerAndYear() {
        assertThat(service.number("C001", "东湖居", 2026)).isEqualTo("东湖居〔2026〕1号");
        assertThat(service.number("C001", "东湖居", 2026)).isEqualTo("东湖居〔2026〕2号");
        assertThat(service.number("C002", "西园居", 2026)).isEqualTo("西园居〔2026〕1号");
        assertThat(service.number("C001", "东湖居", 2027)).isEqualTo("东湖居〔2027〕1号");
    }
}

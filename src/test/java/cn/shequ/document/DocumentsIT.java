package cn.shequ.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.support.Api;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** API.md "Documents" over HTTP as the demo users, on the database of this leg. */
@ShequIT
class DocumentsIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    DocumentService documents;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    /** A project of its own per test (东湖社区 C001), so that repeated runs on one MariaDB database never collide. */
    String subject;

    @org.junit.jupiter.api.BeforeEach
    void project() {
        subject = Api.as(http, "committee1").post("/api/projects",
                cn.shequ.support.ProjectScenario.proposal("5000.00", "VOLUNTEER", "F2026-CITY", "SELF")).getBody().path("code").asText();
    }

    IssuedDocument issue(int sentences) {
        Samples.Sample sample = Samples.of(DocumentType.MEETING_RESOLUTION, sentences, subject);
        String number = documents.number("C001", "东湖居", 2026);
        return documents.issue(sample.type(), subject, number, sample.content(), "committee1");
    }

    @Test
    void aCommitteeMemberListsAndDownloadsTheDocumentsOfAProject() {
        IssuedDocument issued = issue(1);

        ResponseEntity<JsonNode> list = Api.as(http, "committee1").get("/api/projects/" + subject + "/documents");
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getBody()).hasSize(1);
        JsonNode entry = list.getBody().get(0);
        assertThat(entry.path("id").asLong()).isEqualTo(issued.id());
        assertThat(entry.path("type").asText()).isEqualTo("MEETING_RESOLUTION");
        assertThat(entry.path("number").asText()).isEqualTo(issued.number()).matches("东湖居〔2026〕\\d+号");
        assertThat(entry.path("sha256").asText()).isEqualTo(issued.sha256());
        assertThat(entry.path("issuedAt").asText()).endsWith("+08:00");

        ResponseEntity<byte[]> pdf = http.withBasicAuth("committee1", "demo").getForEntity("/api/documents/" + issued.id(), byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        // the first request rendered it (ADR 0039): the file's fingerprint is now stored, that of these bytes
        assertThat(Fingerprint.sha256(pdf.getBody())).isEqualTo(documents.find(issued.id()).orElseThrow().fileSha256());
        assertThat(Pdfs.footerFingerprints(pdf.getBody())).containsOnly(issued.sha256());
        assertThat(Pdfs.joined(pdf.getBody())).contains("居民会议决议", subject, issued.number(), "王芳");
    }

    @Test
    void anyoneVerifiesAPrintedFingerprintOrAFileAndAModifiedFileIsNotValid() {
        IssuedDocument issued = issue(2);
        byte[] pdf = documents.pdf(issued.id());

        JsonNode byPrint = http.getForObject("/public/verify/" + issued.sha256(), JsonNode.class);
        assertThat(byPrint.path("valid").asBoolean()).isTrue();
        assertThat(byPrint.path("type").asText()).isEqualTo("MEETING_RESOLUTION");
        assertThat(byPrint.path("number").asText()).isEqualTo(issued.number());
        assertThat(byPrint.path("issuedAt").asText()).isNotBlank();
        assertThat(http.getForObject("/public/verify/" + Fingerprint.sha256(pdf), JsonNode.class).path("valid").asBoolean()).isTrue();

        byte[] modified = pdf.clone();
        modified[modified.length / 3] ^= 0x20;
        ResponseEntity<JsonNode> forged = http.getForEntity("/public/verify/" + Fingerprint.sha256(modified), JsonNode.class);
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(forged.getBody().path("valid").asBoolean()).isFalse();

        org.springframework.http.HttpHeaders browser = new org.springframework.http.HttpHeaders();
        browser.setAccept(java.util.List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> page = http.exchange("/public/verify/" + issued.sha256(), org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(browser), String.class);
        assertThat(page.getStatusCode().is3xxRedirection() ? page.getHeaders().getLocation().toString() : page.getBody())
                .contains("verify");

        ResponseEntity<JsonNode> malformed = http.getForEntity("/public/verify/not-a-hash", JsonNode.class);
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody().path("error").asText()).isEqualTo("INVALID_INPUT");
    }

    /**
     * The issue reads nothing before its insert (ADR 0060): the unique keys of the database of this leg decide; two numbers of one issuer in one transaction lock its sequence row once. The
     * same content issued again in the same transaction is the document already stored, and the transaction goes on
     * and commits; what the issue returns is the row as stored (its time in whole seconds on every database); a number
     * already taken by other content is refused with 409 DOCUMENT_NUMBER_TAKEN and nothing is stored for it.
     */
    @Test
    void theSameContentIssuedTwiceInOneTransactionIsOneDocumentAsStoredAndATakenNumberIsRefused() {
        Samples.Sample sample = Samples.of(DocumentType.MEETING_RESOLUTION, 4, subject);
        Samples.Sample other = Samples.of(DocumentType.MEETING_RESOLUTION, 5, subject);
        IssuedDocument[] issued = new org.springframework.transaction.support.TransactionTemplate(transactions).execute(tx -> {
            String number = documents.number("C001", "东湖居", 2026);
            IssuedDocument first = documents.issue(sample.type(), subject, number, sample.content(), "committee1");
            IssuedDocument again = documents.issue(sample.type(), subject, number, sample.content(), "committee1");
            // the duplicate key left the transaction usable: a further document in it is stored and committed
            IssuedDocument next = documents.issue(other.type(), subject, documents.number("C001", "东湖居", 2026),
                    other.content(), "committee1");
            return new IssuedDocument[] {first, again, next};
        });
        assertThat(issued[1]).isEqualTo(issued[0]);
        // the second number of the transaction follows the first without reading the locked row again, and the
        // row holds it: the next transaction's number follows
        int first = numberOf(issued[0]);
        assertThat(numberOf(issued[2])).isEqualTo(first + 1);
        assertThat(documents.number("C001", "东湖居", 2026)).isEqualTo("东湖居〔2026〕" + (first + 2) + "号");
        for (IssuedDocument document : new IssuedDocument[] {issued[0], issued[2]}) {
            IssuedDocument stored = documents.find(document.id()).orElseThrow();
            // the file fingerprint comes with the PDF, rendered after the commit
            assertThat(stored).usingRecursiveComparison().ignoringFields("fileSha256").isEqualTo(document);
            assertThat(document.issuedAt().getNano()).isZero();
        }
        assertThat(documents.list(subject)).extracting(IssuedDocument::id).containsExactly(issued[0].id(), issued[2].id());

        Samples.Sample third = Samples.of(DocumentType.MEETING_RESOLUTION, 6, subject);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> documents.issue(third.type(), subject, issued[0].number(),
                        third.content(), "committee1"))
                .isInstanceOfSatisfying(cn.shequ.refusal.Refusal.class,
                        e -> assertThat(e.code()).isEqualTo("DOCUMENT_NUMBER_TAKEN"));
        assertThat(documents.list(subject)).hasSize(2);
    }

    private static int numberOf(IssuedDocument document) {
        return Integer.parseInt(document.number().replaceAll(".*〕(\\d+)号$", "$1"));
    }

    @Test
    void aCorrectionIsListedBesideTheVersionItReplacesWhichStillVerifiesAsSuperseded() {
        IssuedDocument first = issue(1);
        IssuedDocument second = documents.reissue(first.id(), Samples.of(DocumentType.MEETING_RESOLUTION, 3, subject).content(), "committee2");

        JsonNode list = Api.as(http, "street1").get("/api/projects/" + subject + "/documents").getBody();
        assertThat(list).hasSize(2);
        assertThat(list.get(1).path("version").asInt()).isEqualTo(2);
        assertThat(list.get(1).path("number").asText()).isEqualTo(first.number());
        JsonNode old = http.getForObject("/public/verify/" + first.sha256(), JsonNode.class);
        assertThat(old.path("valid").asBoolean()).isTrue();
        assertThat(old.path("superseded").asBoolean()).isTrue();
        assertThat(second.replacesId()).isEqualTo(first.id());
    }

    @Test
    void aCommitteeMemberOfAnotherCommunityCannotReadTheProjectsDocuments() {
        IssuedDocument issued = issue(1);
        assertThat(Api.as(http, "committee3").get("/api/projects/" + subject + "/documents").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // the document itself answers as a missing one would: the id tells nothing (issue 10, finding 10)
        ResponseEntity<JsonNode> existing = http.withBasicAuth("committee3", "demo")
                .getForEntity("/api/documents/" + issued.id(), JsonNode.class);
        ResponseEntity<JsonNode> missing = http.withBasicAuth("committee3", "demo")
                .getForEntity("/api/documents/" + (issued.id() + 1_000_000), JsonNode.class);
        assertThat(existing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(existing.getBody().path("error").asText()).isEqualTo(missing.getBody().path("error").asText());
        assertThat(existing.getBody().path("message").asText())
                .isEqualTo(missing.getBody().path("message").asText().replace(Long.toString(issued.id() + 1_000_000),
                        Long.toString(issued.id())));
        assertThat(Api.as(http, "auditor2").get("/api/projects/" + subject + "/documents").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void providersAndAnonymousCallersCannotReadDocuments() {
        IssuedDocument issued = issue(1);

        assertThat(Api.as(http, "provider1").get("/api/projects/" + subject + "/documents").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("provider1", "demo").getForEntity("/api/documents/" + issued.id(), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/documents/" + issued.id(), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(Api.as(http, "committee1").get("/api/documents/999999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}

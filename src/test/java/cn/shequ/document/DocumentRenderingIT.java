package cn.shequ.document;

import static cn.shequ.support.ProjectScenario.meeting;
import static cn.shequ.support.ProjectScenario.proposal;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.audit.AuditLog;
import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.support.Api;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ADR 0039 (issue 16): a document is issued — number, content fingerprint, audit entry — in the
 * transaction of the decision, and its PDF is rendered afterwards by the rendering job or on the
 * first request, once, with the file's fingerprint appended to the audit chain. The shared test
 * application renders nothing in the background ({@code shequ.documents.rendering.background=false}),
 * so each test sees the documents before their job and runs it itself
 * ({@link DocumentRendering#renderDue()}).
 */
@ShequIT
class DocumentRenderingIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DocumentService documents;

    @Autowired
    DocumentRendering rendering;

    @Autowired
    AuditLog audit;

    @Test
    void everyDocumentOfALifecycleIsIssuedAtItsStepAndRenderedAndChainedAfterTheJobRuns() throws Exception {
        ProjectScenario scenario = new ProjectScenario(http);
        Api committee1 = Api.as(http, "committee1");
        String code = committee1.post("/api/projects", proposal("30000.00", "ELDERLY_CARE", "F2026-CITY", "SELF"))
                .getBody().path("code").asText();
        committee1.post("/api/projects/" + code + "/submit", null);
        Api.as(http, "committee2").post("/api/projects/" + code + "/meetings", meeting(100, 51, 26));
        scenario.approve(code);
        scenario.payMilestone(code, 1);
        scenario.payMilestone(code, 2);
        scenario.complete("committee1", code, Tasks.FINAL_ACCEPTANCE, Map.of("respondents", 40, "satisfied", 36,
                "scores", Map.of("budgetExecution", 9, "outputs", 45, "outcomes", 27, "satisfaction", 9)));
        scenario.complete("auditor1", code, Tasks.AUDIT_REVIEW, Map.of("decision", "CLEAN"));
        assertThat(scenario.status(code)).isEqualTo("CLOSED");

        // issued at their steps: listed with their printed fingerprint, in the chain, no PDF yet
        JsonNode listed = committee1.get("/api/projects/" + code + "/documents").getBody();
        List<Long> ids = new ArrayList<>();
        listed.forEach(d -> ids.add(d.path("id").asLong()));
        assertThat(ids).hasSize(10);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document WHERE subject_code = ? AND content IS NULL "
                + "AND file_sha256 IS NULL AND body IS NOT NULL", Integer.class, code)).isEqualTo(10);
        assertThat(entries(code, "DOCUMENT_ISSUED")).extracting(e -> e.path("documentId").asLong())
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(entries(code, "DOCUMENT_RENDERED")).isEmpty();

        long layoutsBefore = rendering.layouts();
        assertThat(rendering.renderDue()).isGreaterThanOrEqualTo(10);
        assertThat(rendering.renderDue()).isZero();

        List<JsonNode> rendered = entries(code, "DOCUMENT_RENDERED");
        assertThat(rendered).extracting(e -> e.path("documentId").asLong()).containsExactlyInAnyOrderElementsOf(ids);
        for (JsonNode document : listed) {
            long id = document.path("id").asLong();
            String sha256 = document.path("sha256").asText();
            byte[] stored = jdbc.queryForObject("SELECT content FROM document WHERE id = ?", byte[].class, id);
            String fileSha256 = Fingerprint.sha256(stored);
            assertThat(jdbc.queryForObject("SELECT file_sha256 FROM document WHERE id = ?", String.class, id)).isEqualTo(fileSha256);
            assertThat(Pdfs.footerFingerprints(stored)).as(document.path("type").asText()).containsOnly(sha256);
            // the chain has the file's fingerprint, after the issue's entry
            JsonNode entry = rendered.stream().filter(e -> e.path("documentId").asLong() == id).findFirst().orElseThrow();
            assertThat(entry.path("fileSha256").asText()).isEqualTo(fileSha256);
            assertThat(entry.path("sha256").asText()).isEqualTo(sha256);
            // what a user downloads is what was stored, and both fingerprints verify publicly
            ResponseEntity<byte[]> pdf = http.withBasicAuth("committee1", "demo").getForEntity("/api/documents/" + id, byte[].class);
            assertThat(pdf.getBody()).isEqualTo(stored);
            JsonNode byFile = http.getForObject("/public/verify/" + fileSha256, JsonNode.class);
            assertThat(byFile.path("valid").asBoolean()).isTrue();
            assertThat(byFile.path("matched").asText()).isEqualTo("file");
            assertThat(http.getForObject("/public/verify/" + sha256, JsonNode.class).path("matched").asText()).isEqualTo("content");
        }
        // every file fingerprint entered the chain after every issue of the lifecycle (the job ran after the decisions)
        assertThat(jdbc.queryForObject("SELECT MAX(seq) FROM audit_entry WHERE subject_code = ? AND action = 'DOCUMENT_ISSUED'",
                Long.class, code)).isLessThan(jdbc.queryForObject(
                "SELECT MIN(seq) FROM audit_entry WHERE subject_code = ? AND action = 'DOCUMENT_RENDERED'", Long.class, code));
        assertThat(rendering.layouts() - layoutsBefore).isGreaterThanOrEqualTo(10);
        // the auditor's verification of the whole chain still passes
        assertThat(audit.verify().ok()).isTrue();
        assertThat(Api.as(http, "auditor1").get("/api/audit/verify").getBody().path("ok").asBoolean()).isTrue();
    }

    @Test
    void aDocumentAskedForBeforeItsJobRanIsRenderedOnceForEveryoneAskingAndTheJobLeavesIt() throws Exception {
        String subject = project();
        IssuedDocument issued = issue(subject, 2);
        assertThat(documents.find(issued.id()).orElseThrow().fileSha256()).isNull();
        long layoutsBefore = rendering.layouts();

        // four requests at once (four connections, one database) and the job at the same moment
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<byte[]>> downloads = new ArrayList<>();
        try {
            for (String user : List.of("committee1", "committee2", "street1", "auditor1")) {
                downloads.add(pool.submit(() -> {
                    ResponseEntity<byte[]> pdf = http.withBasicAuth(user, "demo").getForEntity("/api/documents/" + issued.id(), byte[].class);
                    assertThat(pdf.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
                    return pdf.getBody();
                }));
            }
            Future<Integer> job = pool.submit(rendering::renderDue);
            byte[] first = downloads.get(0).get(60, TimeUnit.SECONDS);
            for (Future<byte[]> download : downloads) {
                assertThat(download.get(60, TimeUnit.SECONDS)).isEqualTo(first);
            }
            job.get(60, TimeUnit.SECONDS);
            assertThat(Fingerprint.sha256(first)).isEqualTo(documents.find(issued.id()).orElseThrow().fileSha256());
            assertThat(Pdfs.footerFingerprints(first)).containsOnly(issued.sha256());
        } finally {
            pool.shutdownNow();
        }

        assertThat(rendering.renderDue()).isZero();
        assertThat(rendered(subject, issued.id())).isEqualTo(1);
        assertThat(rendering.layouts() - layoutsBefore).isEqualTo(1);
    }

    @Test
    void twoRenderersOnOneDatabaseRenderEachDocumentOnce() throws Exception {
        String subject = project();
        List<IssuedDocument> issued = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            issued.add(issue(subject, 1 + i % 3));
        }
        long layoutsBefore = rendering.layouts();

        // two jobs (as two nodes' polls) and one reader asking for each PDF in the opposite order, each on its own connection
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Integer>> renderers = List.of(rendering::renderDue, rendering::renderDue, () -> {
                for (int i = issued.size() - 1; i >= 0; i--) {
                    assertThat(documents.pdf(issued.get(i).id())).isNotEmpty();
                }
                return 0;
            });
            for (Future<Integer> f : pool.invokeAll(renderers, 120, TimeUnit.SECONDS)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        for (IssuedDocument d : issued) {
            assertThat(rendered(subject, d.id())).as("DOCUMENT_RENDERED of " + d.number()).isEqualTo(1);
            assertThat(documents.find(d.id()).orElseThrow().fileSha256()).isNotNull();
        }
        assertThat(rendering.layouts() - layoutsBefore).isEqualTo(issued.size());
    }

    @Test
    void aPdfThatCannotBeRenderedIsRetriedThenShownToTheAdministratorWhoRetriesItAndNothingIssuedIsLost() throws Exception {
        String subject = project();
        IssuedDocument issued = issue(subject, 1);
        String body = jdbc.queryForObject("SELECT body FROM document WHERE id = ?", String.class, issued.id());
        // what it says no longer has the fingerprint issued: the renderer refuses to print it
        jdbc.update("UPDATE document SET body = ? WHERE id = ?", body.replace("王芳", "李四"), issued.id());
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    rendering.render(issued.id());
                } catch (IllegalStateException expected) {
                    assertThat(expected).hasMessageContaining("fingerprint");
                }
            }
            ResponseEntity<JsonNode> refused = Api.as(http, "committee1").get("/api/documents/" + issued.id());
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(refused.getBody().toString()).contains("DOCUMENT_NOT_RENDERED", "暂时无法生成");

            JsonNode waiting = Api.as(http, "admin").get("/api/admin/documents/unrendered").getBody();
            JsonNode mine = ProjectScenario.stream(waiting).filter(d -> d.path("id").asLong() == issued.id()).findFirst().orElseThrow();
            assertThat(mine.path("failed").asBoolean()).isTrue();
            assertThat(mine.path("attempts").asInt()).isGreaterThanOrEqualTo(3);
            assertThat(mine.path("lastError").asText()).contains("fingerprint");
            assertThat(mine.path("number").asText()).isEqualTo(issued.number());
            // the job has given up on it; only the administrator's retry renders it
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document WHERE id = ? AND content IS NULL", Integer.class,
                    issued.id())).isEqualTo(1);
            assertThat(Api.as(http, "committee1").get("/api/admin/documents/unrendered").getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        } finally {
            jdbc.update("UPDATE document SET body = ? WHERE id = ?", body, issued.id());
        }
        ResponseEntity<JsonNode> retried = Api.as(http, "admin").post("/api/admin/documents/" + issued.id() + "/render", null);
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retried.getBody().path("rendered").asBoolean()).isTrue();
        assertThat(rendered(subject, issued.id())).isEqualTo(1);
        assertThat(ProjectScenario.stream(Api.as(http, "admin").get("/api/admin/documents/unrendered").getBody())
                .noneMatch(d -> d.path("id").asLong() == issued.id())).isTrue();
    }

    private String project() {
        return Api.as(http, "committee1").post("/api/projects",
                ProjectScenario.proposal("5000.00", "VOLUNTEER", "F2026-CITY", "SELF")).getBody().path("code").asText();
    }

    private IssuedDocument issue(String subject, int sentences) {
        Samples.Sample sample = Samples.of(DocumentType.MEETING_RESOLUTION, sentences, subject);
        String number = documents.number("C001", "东湖居", 2026);
        return documents.issue(sample.type(), subject, number, sample.content(), "committee1");
    }

    private int rendered(String subject, long id) throws Exception {
        return (int) entries(subject, "DOCUMENT_RENDERED").stream().filter(e -> e.path("documentId").asLong() == id).count();
    }

    private List<JsonNode> entries(String subject, String action) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String details : jdbc.queryForList("SELECT details FROM audit_entry WHERE subject_code = ? AND action = ? ORDER BY seq",
                String.class, subject, action)) {
            out.add(JSON.readTree(details));
        }
        return out;
    }
}

package cn.shequ.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.identity.OrganisationMapper;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Quarterly 居务公开 (居委会法 art. 16; issue 14): the end-of-quarter timer, on a moved demo clock, issues
 * each community's disclosure of the quarter that ended with its fingerprinted PDF, in the audit chain
 * and on the public site; once, although two nodes run it at the same moment; a correction is a new
 * version naming the one it replaces.
 */
@ShequIT
class PeriodicDisclosureIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    PeriodicDisclosureSchedule timer;
    @Autowired
    PeriodicDisclosures disclosures;
    @Autowired
    OrganisationMapper organisations;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void realTime() {
        new ProjectScenario(http).resetClock();
    }

    @Test
    void theQuarterEndTimerIssuesEachCommunitysDisclosureWithItsPdfOnceEvenOnTwoNodes() throws Exception {
        ProjectScenario s = new ProjectScenario(http);
        // Q4 2026: a project of 东湖社区 passes its residents' meeting of 2026-11-01 and is approved
        s.moveClock("2026-11-02T09:00:00+08:00");
        String code = s.inReview(ProjectScenario.proposal("3000.00", "ELDERLY_CARE", "F2026-CITY", "SELF"));
        s.approve(code);
        s.payMilestone(code, 1);

        // still inside the quarter: the timer issues nothing for it
        s.moveClock("2026-12-31T23:50:00+08:00");
        timer.issueDue();
        assertThat(quarter(LocalDate.of(2026, 10, 1))).isEmpty();

        // the quarter ended: the timer runs on two nodes at the same moment
        s.moveClock("2027-01-01T00:20:00+08:00");
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<PeriodicDisclosures.Disclosure>>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                runs.add(nodes.submit(() -> {
                    start.await();
                    return disclosures.issueDue();
                }));
            }
            start.countDown();
            int issued = 0;
            for (Future<List<PeriodicDisclosures.Disclosure>> run : runs) {
                issued += run.get(120, TimeUnit.SECONDS).size();
            }
            int communities = organisations.communities().size();
            assertThat(issued).as("disclosures issued by the two runs together").isEqualTo(communities);
        } finally {
            nodes.shutdownNow();
        }
        timer.issueDue(); // and the next run of the timer issues nothing more
        List<JsonNode> q4 = quarter(LocalDate.of(2026, 10, 1));
        assertThat(q4).extracting(d -> d.path("communityCode").asText()).containsExactlyInAnyOrder(
                organisations.communities().stream().map(c -> c.code()).toArray(String[]::new));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM periodic_disclosure WHERE period_start = ?", Integer.class,
                LocalDate.of(2026, 10, 1))).isEqualTo(q4.size());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document d JOIN periodic_disclosure p ON p.document_id = d.id "
                + "WHERE p.period_start = ?", Integer.class, LocalDate.of(2026, 10, 1))).isEqualTo(q4.size());

        JsonNode donghu = q4.stream().filter(d -> "C001".equals(d.path("communityCode").asText())).findFirst().orElseThrow();
        assertThat(donghu.path("period").asText()).isEqualTo("2026年第四季度");
        assertThat(donghu.path("periodEnd").asText()).isEqualTo("2026-12-31");
        assertThat(donghu.path("version").asInt()).isEqualTo(1);
        assertThat(donghu.path("documentNumber").asText()).startsWith("东湖居〔2027〕");

        // the PDF, public, carries the approved project, its meeting and decision, how it was carried out, the payment
        ResponseEntity<byte[]> pdf = http.getForEntity("/public/disclosures/" + donghu.path("id").asLong() + "/pdf", byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        String text = text(pdf.getBody()).replaceAll("\\s+", "");
        assertThat(text).contains("居务公开表", "2026年第四季度居务公开", code, "2026-11-01", "100/51", "26/25/0", "通过", "实施中", "1,200.00");
        // the community's accounts of the quarter, the same figures as the public page (CommunityAccounts)
        assertThat(text).contains("五、社区服务收支", "收入合计", "支出：已拨付", "期末已预留未拨付")
                .doesNotContain("另行公开");
        assertThat(text).doesNotContain("西园社区居民委员会");
        // its fingerprint is verifiable by anyone, and the audit chain recorded its issue
        String sha = donghu.path("sha256").asText();
        assertThat(http.getForObject("/public/verify/" + sha, JsonNode.class).path("valid").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'DOCUMENT_ISSUED' AND details LIKE ?",
                Integer.class, "%" + sha + "%")).isEqualTo(1);

        // a correction is a new version naming what it replaces; the first stays as issued
        ResponseEntity<JsonNode> refused = s.as("committee3").post("/api/disclosures/" + donghu.path("id").asLong() + "/corrections",
                Map.of("reason", "补登一次会议"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody().toString()).contains("居委会法第十六条");
        ResponseEntity<JsonNode> noReason = s.as("committee2").post("/api/disclosures/" + donghu.path("id").asLong() + "/corrections",
                Map.of("reason", " "));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> corrected = s.as("committee2").post("/api/disclosures/" + donghu.path("id").asLong() + "/corrections",
                Map.of("reason", "补登第二期拨付"));
        assertThat(corrected.getStatusCode()).as(String.valueOf(corrected.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(corrected.getBody().path("version").asInt()).isEqualTo(2);
        assertThat(corrected.getBody().path("replacesId").asLong()).isEqualTo(donghu.path("id").asLong());
        byte[] second = http.getForObject("/public/disclosures/" + corrected.getBody().path("id").asLong() + "/pdf", byte[].class);
        assertThat(text(second).replaceAll("\\s+", "")).contains("本版更正并替代第1版", sha, "补登第二期拨付");
        assertThat(http.getForObject("/public/disclosures/" + donghu.path("id").asLong() + "/pdf", byte[].class))
                .isEqualTo(pdf.getBody());
        assertThat(http.getForObject("/public/verify/" + sha, JsonNode.class).path("superseded").asBoolean()).isTrue();
        ResponseEntity<JsonNode> again = s.as("civil1").post("/api/disclosures/" + donghu.path("id").asLong() + "/corrections",
                Map.of("reason", "再次更正"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    private List<JsonNode> quarter(LocalDate start) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode d : http.getForObject("/public/disclosures", JsonNode.class)) {
            if (start.toString().equals(d.path("periodStart").asText()) && d.path("version").asInt() == 1) {
                found.add(d);
            }
        }
        return found;
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}

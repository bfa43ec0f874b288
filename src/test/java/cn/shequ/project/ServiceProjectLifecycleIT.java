package cn.shequ.project;

import static cn.shequ.support.ProjectScenario.meeting;
import static cn.shequ.support.ProjectScenario.proposal;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.support.Api;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A service project from proposal to CLOSED through the JSON API as the demo users, with the fund
 * ledger, the project status and the public disclosure checked at every step.
 */
@ShequIT
class ServiceProjectLifecycleIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    ProjectScenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new ProjectScenario(http);
    }

    private String pdfText(Api user, String documentId) {
        byte[] pdf = http.withBasicAuth(user.user(), "demo").getForObject("/api/documents/" + documentId, byte[].class);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        } catch (java.io.IOException e) {
            throw new AssertionError("document " + documentId + " is not a readable PDF", e);
        }
    }

    @Test
    void aProjectGoesFromProposalToClosedAndTheMoneyAgreesAtEveryStep() {
        Api committee1 = Api.as(http, "committee1");
        Api committee2 = Api.as(http, "committee2");
        BigDecimal availableBefore = scenario.available("F2026-CITY");

        ResponseEntity<JsonNode> created = committee1.post("/api/projects", proposal("30000.00", "ELDERLY_CARE", "F2026-CITY", "SELF"));
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        String code = created.getBody().path("code").asText();
        assertThat(code).matches("SP-\\d{4}-\\d{4}");
        assertThat(created.getBody().path("status").asText()).isEqualTo("DRAFT");

        assertThat(committee1.post("/api/projects/" + code + "/submit", null).getBody().path("status").asText())
                .isEqualTo("AWAITING_MEETING");
        JsonNode vote = committee2.post("/api/projects/" + code + "/meetings", meeting(100, 51, 26)).getBody();
        assertThat(vote.path("outcome").asText()).isEqualTo("PASSED");
        assertThat(scenario.status(code)).isEqualTo("IN_REVIEW");

        // 30,000 is within the street office's authority: no civil affairs review
        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, Map.of("decision", "APPROVE", "comment", "同意"));
        assertThat(scenario.openTaskKeys(code)).containsExactly(ServiceProjectProcess.Tasks.FINANCE_REVIEW);
        assertThat(scenario.available("F2026-CITY")).isEqualByComparingTo(availableBefore);

        scenario.complete("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW, Map.of("decision", "APPROVE"));
        assertThat(scenario.status(code)).isEqualTo("IN_DELIVERY");
        assertThat(scenario.available("F2026-CITY")).isEqualByComparingTo(availableBefore.subtract(new BigDecimal("30000.00")));
        assertThat(scenario.publicProject(code).path("approvedAmount").asText()).isEqualTo("30000.00");

        scenario.payMilestone(code, 1);
        scenario.payMilestone(code, 2);
        JsonNode fund = Api.as(http, "finance1").get("/api/funds/F2026-CITY").getBody();
        assertThat(fund.path("disbursed").asText()).isNotEqualTo("0.00");
        List<JsonNode> ledger = ProjectScenario.entries(Api.as(http, "finance1").get("/api/funds/F2026-CITY/ledger").getBody(), code);
        assertThat(ledger).extracting(e -> e.path("type").asText()).containsExactly("RESERVE", "DISBURSE", "DISBURSE");
        assertThat(ledger).extracting(e -> e.path("amount").asText()).containsExactly("30000.00", "12000.00", "18000.00");

        assertThat(scenario.status(code)).isEqualTo("AWAITING_FINAL_ACCEPTANCE");
        scenario.complete("committee1", code, ServiceProjectProcess.Tasks.FINAL_ACCEPTANCE, Map.of("respondents", 40, "satisfied", 36,
                "scores", Map.of("budgetExecution", 9, "outputs", 45, "outcomes", 27, "satisfaction", 9)));
        JsonNode project = committee1.get("/api/projects/" + code).getBody();
        assertThat(project.path("status").asText()).isEqualTo("IN_AUDIT");
        assertThat(project.path("grade").asText()).isEqualTo("EXCELLENT");
        assertThat(scenario.publicProject(code).path("grade").asText()).isEqualTo("EXCELLENT");
        assertThat(scenario.publicProject(code).path("payments")).hasSize(2);

        scenario.complete("auditor1", code, ServiceProjectProcess.Tasks.AUDIT_REVIEW, Map.of("decision", "FINDINGS", "findings", "第二期佐证材料不全"));
        assertThat(scenario.status(code)).isEqualTo("RECTIFYING");
        scenario.complete("committee2", code, ServiceProjectProcess.Tasks.RECTIFY, Map.of("rectification", "已补充签到表和照片"));
        scenario.complete("auditor1", code, ServiceProjectProcess.Tasks.AUDIT_REVIEW, Map.of("decision", "CLEAN"));
        assertThat(scenario.status(code)).isEqualTo("CLOSED");
        assertThat(scenario.available("F2026-CITY")).isEqualByComparingTo(availableBefore.subtract(new BigDecimal("30000.00")));

        // every formal paper was issued at its step, reads as Chinese text and verifies publicly
        JsonNode documents = committee1.get("/api/projects/" + code + "/documents").getBody();
        List<String> types = new java.util.ArrayList<>();
        documents.forEach(d -> types.add(d.path("type").asText()));
        assertThat(types).contains("PROJECT_REPORT", "MEETING_RESOLUTION", "REVIEW_OPINION", "ACCEPTANCE_REPORT",
                "PERFORMANCE_REPORT", "DISCLOSURE_NOTICE", "AUDIT_REPORT");
        assertThat(types.stream().filter("PAYMENT_VOUCHER"::equals)).hasSize(2);
        assertThat(types.stream().filter("REVIEW_OPINION"::equals)).hasSize(2);
        assertThat(types.stream().filter("AUDIT_REPORT"::equals)).hasSize(2);
        for (JsonNode document : documents) {
            if (document.path("type").asText().equals("PAYMENT_VOUCHER") || document.path("type").asText().equals("PROJECT_REPORT")) {
                String text = pdfText(committee1, document.path("id").asText());
                assertThat(text).contains(code).contains(document.path("type").asText().equals("PROJECT_REPORT") ? "项目报告书" : "拨付凭证");
                assertThat(http.getForObject("/public/verify/" + document.path("sha256").asText(), JsonNode.class)
                        .path("valid").asBoolean()).isTrue();
            }
            // the performance report prints the four scores, their total and the grade decided at final acceptance, signed
            // by the process ("system"); the disclosure notice of the final acceptance prints that grade too
            if (document.path("type").asText().equals("PERFORMANCE_REPORT")) {
                String text = pdfText(committee1, document.path("id").asText()).replaceAll("\\s+", "");
                assertThat(text).as(text).contains("绩效评价报告").contains("EXCELLENT").contains("预算执行109").contains("产出5045")
                        .contains("效益3027").contains("服务对象满意度109").contains("90").contains("system");
            }
            if (document.path("type").asText().equals("DISCLOSURE_NOTICE")) {
                assertThat(pdfText(committee1, document.path("id").asText()).replaceAll("\\s+", "")).contains("绩效等级EXCELLENT");
            }
            // the papers of the disclosure kind print the audit chain's head as it stood (docs/audit-head.md)
            if (document.path("type").asText().equals("DISCLOSURE_NOTICE") || document.path("type").asText().equals("AUDIT_REPORT")) {
                String text = pdfText(committee1, document.path("id").asText()).replaceAll("\\s+", "");
                java.util.regex.Matcher head = java.util.regex.Pattern.compile("审计日志链尾：?第(\\d+)条记录，哈希([0-9a-f]{64})").matcher(text);
                assertThat(head.find()).as(document.path("type").asText() + ": " + text).isTrue();
                assertThat(jdbc.queryForObject("SELECT hash FROM audit_entry WHERE seq = ?", String.class, Long.parseLong(head.group(1))))
                        .isEqualTo(head.group(2));
            }
        }
    }
}

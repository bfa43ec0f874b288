package cn.shequ.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.project.ServiceProjectProcess;
import cn.shequ.support.Api;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The auditor's API over HTTP as the demo users, and failed logins in the log. */
@ShequIT
class AuditApiIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    AuditLog audit;

    @Autowired
    LoginFailureAudit loginFailures;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityService identity;

    @Test
    void auditorsAndAdministratorsVerifyTheLogOthersAreRefused() {
        ResponseEntity<JsonNode> auditor = Api.as(http, "auditor1").get("/api/audit/verify");
        assertThat(auditor.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(auditor.getBody().path("ok").asBoolean()).isTrue();
        assertThat(auditor.getBody().path("entries").isIntegralNumber()).isTrue();
        assertThat(auditor.getBody().has("firstBrokenSeq")).isFalse();

        assertThat(Api.as(http, "admin").get("/api/audit/verify").getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String other : new String[] {"committee1", "street1", "finance1", "provider1"}) {
            ResponseEntity<JsonNode> refused = Api.as(http, other).get("/api/audit/verify");
            assertThat(refused.getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody().path("error").asText()).isEqualTo("AUDITORS_ONLY");
        }
        assertThat(http.getForEntity("/api/audit/verify", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aBrokenChainIsReportedWithItsFirstBrokenSeq() {
        transaction.executeWithoutResult(s -> audit.append(AuditEvent.of("auditor1", AuditActions.CONFIG_CHANGED)
                .detail("what", "verify over HTTP")));
        long last = jdbc.queryForObject("SELECT MAX(seq) FROM audit_entry", Long.class);
        String decision = jdbc.queryForObject("SELECT decision FROM audit_entry WHERE seq = ?", String.class, last);
        jdbc.update("UPDATE audit_entry SET decision = 'FORGED' WHERE seq = ?", last);
        try {
            JsonNode body = Api.as(http, "auditor1").get("/api/audit/verify").getBody();
            assertThat(body.path("ok").asBoolean()).isFalse();
            assertThat(body.path("firstBrokenSeq").asLong()).isEqualTo(last);
            assertThat(body.path("entries").asLong()).isGreaterThanOrEqualTo(last);
        } finally {
            jdbc.update("UPDATE audit_entry SET decision = ? WHERE seq = ?", decision, last);
        }
        assertThat(Api.as(http, "auditor1").get("/api/audit/verify").getBody().path("ok").asBoolean()).isTrue();
    }

    @Test
    void aProjectsTimelineListsItsEntriesOldestFirstForAuditorsOnly() {
        ResponseEntity<JsonNode> created = Api.as(http, "committee1").post("/api/projects", proposal());
        assertThat(created.getStatusCode()).as(created.getBody().toString()).isEqualTo(HttpStatus.CREATED);
        String code = created.getBody().path("code").asText();
        transaction.executeWithoutResult(s -> {
            audit.append(AuditEvent.of("street1", AuditActions.TASK_COMPLETED).subject(code)
                    .task(ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, "APPROVE", "同意上报").details(Map.of("decision", "APPROVE", "comment", "同意上报")));
            audit.append(AuditEvent.of("finance1", AuditActions.LEDGER_ENTRY).subject(code)
                    .details(Map.of("fundCode", "F2026-CITY", "type", "RESERVE", "amount", "12000.00")));
        });

        ResponseEntity<JsonNode> response = Api.as(http, "auditor1").get("/api/audit/projects/" + code + "/timeline");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> entries = StreamSupport.stream(response.getBody().spliterator(), false).toList();
        assertThat(entries).extracting(e -> e.path("seq").asLong()).isSorted().doesNotHaveDuplicates();
        List<JsonNode> ours = entries.subList(entries.size() - 2, entries.size());
        JsonNode review = ours.get(0);
        assertThat(review.path("action").asText()).isEqualTo("TASK_COMPLETED");
        assertThat(review.path("actor").asText()).isEqualTo("street1");
        assertThat(review.path("taskKey").asText()).isEqualTo(ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW);
        assertThat(review.path("decision").asText()).isEqualTo("APPROVE");
        assertThat(review.path("comment").asText()).isEqualTo("同意上报");
        assertThat(review.path("details").path("decision").asText()).isEqualTo("APPROVE");
        assertThat(OffsetDateTime.parse(review.path("at").asText()).getOffset().getId()).isEqualTo("+08:00");
        JsonNode ledger = ours.get(1);
        assertThat(ledger.path("action").asText()).isEqualTo("LEDGER_ENTRY");
        assertThat(ledger.path("details").path("amount").asText()).isEqualTo("12000.00");
        assertThat(ledger.has("taskKey")).as("fields are present even when empty").isTrue();

        assertThat(Api.as(http, "committee1").get("/api/audit/projects/" + code + "/timeline").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Api.as(http, "auditor1").get("/api/audit/projects/SP-1999-9999/timeline").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void auditorsChangeNothing() {
        ResponseEntity<JsonNode> refused = Api.as(http, "auditor1").post("/api/projects", proposal());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Api.as(http, "auditor1").post("/api/audit/verify", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Test
    void aWrongPasswordIsLoggedAsLoginFailedWithoutThePassword() {
        // a user of its own: a failed login makes the engine delay that user's next attempts
        String userId = "auditprobe" + System.nanoTime() % 1_000_000;
        User user = identity.newUser(userId);
        user.setFirstName("探");
        user.setLastName("针");
        user.setPassword("the-right-password-1");
        identity.saveUser(user);
        try {
            ResponseEntity<JsonNode> response = http.withBasicAuth(userId, "Wr0ng-Secret!").getForEntity("/api/me", JsonNode.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            loginFailures.flushAll(); // written per minute; the test does not wait for the minute to end

            List<Map<String, Object>> rows = jdbc.queryForList(
                    "SELECT action, subject_code, details FROM audit_entry WHERE actor = ? ORDER BY seq", userId);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).get("action")).isEqualTo("LOGIN_FAILED");
            assertThat(rows.get(0).get("subject_code")).isNull();
            assertThat((String) rows.get(0).get("details")).contains("BAD_CREDENTIALS").contains("remoteAddresses")
                    .contains("\"count\":1")
                    .doesNotContain("Wr0ng").doesNotContain("right-password");
            assertThat(audit.verify().ok()).isTrue();
        } finally {
            identity.deleteUser(userId);
        }
    }

    static Map<String, Object> proposal() {
        return Map.ofEntries(
                Map.entry("title", "东湖社区审计测试项目"),
                Map.entry("category", "ELDERLY_CARE"),
                Map.entry("communityCode", "C001"),
                Map.entry("beneficiaries", "辖区高龄老人"),
                Map.entry("description", "用于审计日志测试的项目。"),
                Map.entry("amount", "12000.00"),
                Map.entry("fundCode", "F2026-CITY"),
                Map.entry("deliveryMode", "SELF"),
                Map.entry("budgetLines", List.of(Map.of("item", "服务费", "amount", "12000.00"))),
                Map.entry("plannedStart", "2026-12-01"),
                Map.entry("plannedEnd", "2027-06-30"),
                Map.entry("milestones", List.of(Map.of("name", "服务完成", "percent", 100))));
    }
}

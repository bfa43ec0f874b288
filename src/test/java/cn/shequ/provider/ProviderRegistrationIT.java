package cn.shequ.provider;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.provider.ProviderCertificationProcess.Tasks;
import cn.shequ.provider.ProviderCertificationProcess.Vars;
import cn.shequ.support.Api;
import cn.shequ.support.ShequIT;
import cn.shequ.support.Tasklist;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The provider registry over HTTP as real users: a new provider user registers, civil affairs
 * certifies or refuses in the task list, the reminder and the expiry fire when the admin moves the
 * clock; bad registrations are 400 naming the field with nothing recorded; duplicates are 409.
 */
@ShequIT
class ProviderRegistrationIT {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    @Autowired
    TestRestTemplate http;

    @Autowired
    Providers providers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProcessEngine engine;

    @Autowired
    cn.shequ.engine.EngineIdentity identity;

    @AfterEach
    void realTime() {
        ResponseEntity<JsonNode> reset = http.withBasicAuth("admin", "demo")
                .exchange("/api/admin/clock", HttpMethod.DELETE, null, JsonNode.class);
        assertThat(reset.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aNewProviderIsCertifiedForThreeYearsRemindedAndExpiresWhenTheClockMoves() throws Exception {
        String user = newProviderUser();
        String code = newCreditCode();
        ResponseEntity<JsonNode> created = as(user).post("/api/providers", registration("ENTERPRISE", code, "ELDERLY_CARE", "CONVENIENCE"));
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().path("status").asText()).isEqualTo("PENDING");
        long id = created.getBody().path("id").asLong();
        String subject = ProviderCertificationProcess.SUBJECT_PREFIX + id;
        // the registering user now belongs to the provider
        assertThat(as(user).get("/api/me").getBody().path("organisationId").asLong()).isEqualTo(id);

        JsonNode pending = as("committee1").get("/api/providers/" + id).getBody();
        assertThat(pending.path("status").asText()).isEqualTo("PENDING");
        assertThat(pending.path("registration").path("creditCode").asText()).isEqualTo(code);
        assertThat(pending.path("registration").path("type").asText()).isEqualTo("ENTERPRISE");
        assertThat(pending.path("registration").path("categories")).extracting(JsonNode::asText)
                .containsExactly("ELDERLY_CARE", "CONVENIENCE");
        assertThat(pending.path("certification").path("reminderSent").asBoolean()).isFalse();
        assertThat(pending.path("performance").isArray()).isTrue();

        JsonNode task = taskOf("civil1", subject);
        assertThat(task).as("civil1 is offered certify-provider for " + subject).isNotNull();
        assertThat(task.path("key").asText()).isEqualTo(Tasks.CERTIFY_PROVIDER);
        assertThat(task.has("projectCode") || task.has("procurementCode")).isFalse();
        assertThat(taskOf("committee1", subject)).as("not a committee task").isNull();
        // Tasklist shows its form: certify-provider.form deploys with the model
        try (InputStream form = engine.getFormService().getDeployedTaskForm(task.path("id").asText())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"certify-provider\"");
        }

        // committee1 may not certify: refused (403) through the engine's REST API and through Shequ's
        ResponseEntity<JsonNode> byCommittee = Tasklist.as(http, "committee1").post("/task/" + task.path("id").asText() + "/complete",
                Map.of("variables", Map.of(Vars.DECISION, Map.of("value", "CERTIFY"))));
        assertThat(byCommittee.getStatusCode()).as(String.valueOf(byCommittee.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("committee1").post("/api/tasks/" + task.path("id").asText() + "/complete", Map.of("decision", "CERTIFY"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(id)).isEqualTo("PENDING");

        ResponseEntity<JsonNode> certified = as("civil1").post("/api/tasks/" + task.path("id").asText() + "/complete",
                Map.of("decision", "CERTIFY", "comment", "材料齐全，予以认证"));
        assertThat(certified.getStatusCode()).as(String.valueOf(certified.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(certified.getBody().path("status").asText()).isEqualTo("CERTIFIED");
        assertThat(taskOf("civil1", subject)).isNull();

        LocalDate today = clockToday();
        JsonNode certification = as(user).get("/api/providers/" + id).getBody().path("certification");
        assertThat(certification.path("status").asText()).isEqualTo("CERTIFIED");
        assertThat(certification.path("certifiedOn").asText()).isEqualTo(today.toString());
        LocalDate until = today.plusYears(3);
        assertThat(certification.path("certifiedUntil").asText()).isEqualTo(until.toString());
        assertThat(certification.path("certifiedBy").asText()).isEqualTo("civil1");
        assertThat(providers.eligibleFor(id, "ELDERLY_CARE", today)).isTrue();
        assertThat(providers.eligibleFor(id, "SAFETY", today)).as("a category it does not serve").isFalse();

        // the engine waits for the reminder 30 days before the certification runs out (the day after until)
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(subject)
                .singleResult().getId();
        Job reminder = engine.getManagementService().createJobQuery().processInstanceId(instance).timers().singleResult();
        assertThat(reminder.getDuedate().toInstant()).isEqualTo(until.plusDays(1).minusDays(30).atStartOfDay(CHINA).toInstant());

        // 10 days before the end: past the reminder date, still certified
        moveClock(until.minusDays(10));
        JsonNode reminded = await(id, p -> p.path("certification").path("reminderSent").asBoolean(), "reminderSent");
        assertThat(reminded.path("status").asText()).isEqualTo("CERTIFIED");
        assertThat(providers.eligibleFor(id, "ELDERLY_CARE", until)).as("the last day is within the period").isTrue();

        moveClock(until.plusDays(1));
        await(id, p -> "EXPIRED".equals(p.path("status").asText()), "status EXPIRED");
        assertThat(providers.eligibleFor(id, "ELDERLY_CARE", until)).isFalse();
        assertThat(endActivity(subject)).isEqualTo(ProviderCertificationProcess.Elements.ENDED_EXPIRED);

        assertThat(auditActions(subject)).containsSubsequence("PROVIDER_REGISTERED", "TASK_COMPLETED", "PROVIDER_CERTIFIED",
                "CERTIFICATION_REMINDER", "CERTIFICATION_EXPIRED");
    }

    @Test
    void civilAffairsRefusesWithAReasonAndTheProcessEnds() {
        String user = newProviderUser();
        long id = register(user, registration("SOCIAL_ORGANISATION", newCreditCode(), "DISABILITY"));
        String subject = ProviderCertificationProcess.SUBJECT_PREFIX + id;
        String taskId = taskOf("civil2", subject).path("id").asText();

        ResponseEntity<JsonNode> noReason = as("civil2").post("/api/tasks/" + taskId + "/complete", Map.of("decision", "REFUSE"));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().path("fields").has("comment")).isTrue();
        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(taskOf("civil2", subject)).as("the task stays open").isNotNull();

        ResponseEntity<JsonNode> refused = as("civil2").post("/api/tasks/" + taskId + "/complete",
                Map.of("decision", "REFUSE", "comment", "未提供近三年财务报告"));
        assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(refused.getBody().path("status").asText()).isEqualTo("REFUSED");
        JsonNode certification = as(user).get("/api/providers/" + id).getBody().path("certification");
        assertThat(certification.path("status").asText()).isEqualTo("REFUSED");
        assertThat(certification.path("refusalReason").asText()).isEqualTo("未提供近三年财务报告");
        assertThat(certification.path("refusedBy").asText()).isEqualTo("civil2");
        assertThat(certification.has("certifiedUntil")).isFalse();
        assertThat(taskOf("civil2", subject)).isNull();
        assertThat(as("admin").get("/engine-rest/process-instance/count?businessKey=" + subject).getBody().path("count").asLong())
                .as("the process has ended").isZero();
        assertThat(providers.eligibleFor(id, "DISABILITY", clockToday())).isFalse();
        assertThat(endActivity(subject)).isEqualTo(ProviderCertificationProcess.Elements.ENDED_REFUSED);
        assertThat(auditActions(subject)).containsSubsequence("PROVIDER_REGISTERED", "RULE_REFUSED", "TASK_COMPLETED");
    }

    @Test
    void badRegistrationsAre400NamingTheFieldAndNothingIsRecorded() {
        String user = newProviderUser();
        String code = newCreditCode();
        char right = code.charAt(17);
        String wrongCheck = code.substring(0, 17) + ALPHABET.charAt((ALPHABET.indexOf(right) + 1) % ALPHABET.length());
        long processesBefore = certificationsStarted();
        Map<String, Map<String, Object>> bad = Map.of(
                "type", registration("PUBLIC_INSTITUTION_CLASS1", code, "ELDERLY_CARE"),
                "creditCode", registration("ENTERPRISE", wrongCheck, "ELDERLY_CARE"),
                "categories", registration("ENTERPRISE", code, "ELDERLY_CARE", "SPACE_TRAVEL"),
                "seriousViolationInLast3Years", with(registration("ENTERPRISE", code, "ELDERLY_CARE"), "seriousViolationInLast3Years", true));
        bad.forEach((field, body) -> {
            ResponseEntity<JsonNode> response = as(user).post("/api/providers", body);
            assertThat(response.getStatusCode()).as(field + ": " + response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody().path("fields").has(field)).as(field + ": " + response.getBody()).isTrue();
        });
        assertThat(as(user).post("/api/providers", registration("PUBLIC_INSTITUTION_CLASS1", code, "ELDERLY_CARE"))
                .getBody().path("fields").path("type").asText()).contains("公益一类事业单位").contains("第八条");
        assertThat(as(user).post("/api/providers", registration("CHARITY_SHOP", code, "ELDERLY_CARE"))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as(user).post("/api/providers", Map.of("name", "某公司", "type", "ENTERPRISE", "creditCode", code,
                "categories", "ELDERLY_CARE")).getStatusCode()).as("categories must be a list").isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM provider WHERE credit_code IN (?, ?)", Long.class, code, wrongCheck))
                .isZero();
        assertThat(as(user).get("/api/me").getBody().has("organisationId")).isFalse();
        assertThat(certificationsStarted()).isEqualTo(processesBefore);

        ResponseEntity<JsonNode> byCommittee = as("committee1").post("/api/providers", registration("ENTERPRISE", code, "ELDERLY_CARE"));
        assertThat(byCommittee.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aCreditCodeIsRegisteredOnceAndAUserRegistersOneProvider() {
        String first = newProviderUser();
        String code = newCreditCode();
        register(first, registration("ENTERPRISE", code, "CONVENIENCE"));

        ResponseEntity<JsonNode> sameCode = as(newProviderUser()).post("/api/providers",
                registration("ENTERPRISE", code.toLowerCase(), "CONVENIENCE"));
        assertThat(sameCode.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(sameCode.getBody().path("error").asText()).isEqualTo("DUPLICATE_CREDIT_CODE");
        assertThat(sameCode.getBody().path("fields").has("creditCode")).isTrue();

        ResponseEntity<JsonNode> second = as(first).post("/api/providers", registration("ENTERPRISE", newCreditCode(), "CONVENIENCE"));
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getBody().path("error").asText()).isEqualTo("ALREADY_AFFILIATED");
        ResponseEntity<JsonNode> demo = as("provider1").post("/api/providers", registration("ENTERPRISE", newCreditCode(), "CONVENIENCE"));
        assertThat(demo.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM provider WHERE credit_code = ?", Long.class, code)).isEqualTo(1);
    }

    @Test
    void theDemoProvidersAreCertifiedOrExpiredAndEligibleAccordingly() {
        long provider1 = organisationOf("provider1");
        long provider4 = organisationOf("provider4");
        LocalDate today = clockToday();
        assertThat(providers.eligibleFor(provider1, "ELDERLY_CARE", today)).isTrue();
        assertThat(providers.eligibleFor(provider1, "SAFETY", today)).as("a category provider1 does not serve").isFalse();
        assertThat(providers.eligibleFor(provider4, "ELDERLY_CARE", today)).as("expired").isFalse();
        assertThat(providers.eligibleFor(Long.MAX_VALUE, "ELDERLY_CARE", today)).as("unknown").isFalse();
        assertThat(status(provider1)).isEqualTo("CERTIFIED");
        assertThat(status(provider4)).isEqualTo("EXPIRED");
        for (String other : new String[] {"provider2", "provider3"}) {
            assertThat(status(organisationOf(other))).as(other).isEqualTo("CERTIFIED");
        }

        JsonNode registry = as("civil1").get("/api/providers?status=EXPIRED").getBody();
        assertThat(registry.findValuesAsText("id")).contains(String.valueOf(provider4)).doesNotContain(String.valueOf(provider1));
        assertThat(as("provider1").get("/api/providers").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("civil1").get("/api/providers?status=SLEEPING").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as("civil1").get("/api/providers/" + Long.MAX_VALUE).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aGradeRecordedByAPurchaseAppearsOnceInThePerformanceRecord() {
        long provider3 = organisationOf("provider3");
        String procurement = "PS-T" + (System.nanoTime() % 1_000_000_000_000L);
        assertThat(providers.recordPerformance(provider3, procurement, "GOOD", new BigDecimal("85.50"))).isTrue();
        assertThat(providers.recordPerformance(provider3, procurement, "GOOD", new BigDecimal("85.50"))).as("a retry").isFalse();
        List<JsonNode> lines = new ArrayList<>();
        as("street1").get("/api/providers/" + provider3).getBody().path("performance").forEach(line -> {
            if (procurement.equals(line.path("subjectCode").asText())) {
                lines.add(line);
            }
        });
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).path("grade").asText()).isEqualTo("GOOD");
        assertThat(lines.get(0).path("score").decimalValue()).isEqualByComparingTo("85.5");
        assertThat(lines.get(0).path("evaluatedOn").asText()).isEqualTo(clockToday().toString());
    }

    // ---------------------------------------------------------------- helpers

    private Api as(String user) {
        return Api.as(http, user);
    }

    /**
     * A new user in group provider, password "demo" like the other test users, with no affiliation. Created past
     * the password policy, as the demo users are: an administrator's own paths refuse "demo" (docs/security.md).
     */
    private String newProviderUser() {
        String id = "pv" + System.nanoTime();
        identity.createDemoUserIfAbsent(id, "", "新承接", "demo");
        identity.ensureMembership(id, "provider");
        return id;
    }

    /** An unused valid code of a 汕头市龙湖区 enterprise: 9144 0507 + 9 characters from the clock + check character. */
    private static String newCreditCode() {
        long n = System.nanoTime();
        StringBuilder first17 = new StringBuilder("91440507");
        for (int i = 0; i < 9; i++) {
            first17.append(ALPHABET.charAt((int) (n % 31)));
            n /= 31;
        }
        return first17 + String.valueOf(CreditCode.checkCharacter(first17.toString()));
    }

    private static Map<String, Object> registration(String type, String code, String... categories) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "汕头市龙湖区测试服务社" + code.substring(8, 12));
        body.put("type", type);
        body.put("creditCode", code);
        body.put("categories", List.of(categories));
        body.put("seriousViolationInLast3Years", false);
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    private long register(String user, Map<String, Object> body) {
        ResponseEntity<JsonNode> created = as(user).post("/api/providers", body);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return created.getBody().path("id").asLong();
    }

    private String status(long id) {
        return as("civil1").get("/api/providers/" + id).getBody().path("status").asText();
    }

    private long organisationOf(String user) {
        return as(user).get("/api/me").getBody().path("organisationId").asLong();
    }

    /** The open task of {@code subject} in {@code user}'s task list (paged: the list is oldest first), or null. */
    private JsonNode taskOf(String user, String subject) {
        for (int first = 0; first <= 10_000; first += 200) {
            JsonNode page = as(user).get("/api/tasks?first=" + first + "&max=200").getBody();
            for (JsonNode task : page) {
                if (subject.equals(task.path("providerCode").asText())) {
                    return task;
                }
            }
            if (page.size() < 200) {
                return null;
            }
        }
        return null;
    }

    private void moveClock(LocalDate day) {
        OffsetDateTime now = day.atTime(9, 0).atZone(CHINA).toOffsetDateTime();
        ResponseEntity<JsonNode> moved = as("admin").post("/api/admin/clock", Map.of("now", now.toString()));
        assertThat(moved.getStatusCode()).as(String.valueOf(moved.getBody())).isEqualTo(HttpStatus.OK);
    }

    private LocalDate clockToday() {
        return OffsetDateTime.parse(as("admin").get("/api/admin/clock").getBody().path("now").asText())
                .atZoneSameInstant(CHINA).toLocalDate();
    }

    /** Polls GET /api/providers/{id} for at most 30 s until {@code done}. */
    private JsonNode await(long id, Predicate<JsonNode> done, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode provider = null;
        while (Instant.now().isBefore(deadline)) {
            provider = as("civil1").get("/api/providers/" + id).getBody();
            if (done.test(provider)) {
                return provider;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError(ProviderCertificationProcess.SUBJECT_PREFIX + id + ": no " + what + " within 30 s: " + provider);
    }

    private long certificationsStarted() {
        return as("admin").get("/engine-rest/history/process-instance/count?processDefinitionKey=provider-certification")
                .getBody().path("count").asLong();
    }

    private String endActivity(String businessKey) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .finished().singleResult().getEndActivityId();
    }

    private List<String> auditActions(String subject) {
        return jdbc.queryForList("SELECT action FROM audit_entry WHERE subject_code = ? ORDER BY seq", String.class, subject);
    }
}

package cn.shequ.audit;

import static cn.shequ.support.ProjectScenario.meeting;
import static cn.shequ.support.ProjectScenario.proposal;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.project.ServiceProjectProcess;
import cn.shequ.support.Api;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The auditor's workspace API over HTTP as the demo users: search, a project's dossier and timeline
 * (who, when, how long each step waited against its deadline), a fund's ledger with running balances,
 * a user's activity, the CSV exports, the page itself, and an auditor's write attempts refused.
 */
@ShequIT
class AuditWorkspaceApiIT {

    static final Map<String, Object> APPROVE = Map.of("decision", "APPROVE", "comment", "同意，按期实施");

    @Autowired
    TestRestTemplate http;

    ProjectScenario scenario;
    Api auditor;

    @BeforeEach
    void scenario() {
        scenario = new ProjectScenario(http);
        auditor = scenario.as("auditor1");
    }

    @AfterEach
    void realTime() {
        scenario.resetClock();
    }

    @Test
    void projectsAreFoundByCodeCommunityStatusAndCreationDate() {
        String east = scenario.draft(proposal("1500.00", "HEALTH", "F2026-CITY", "SELF"));
        Map<String, Object> westProposal = proposal("1600.00", "HEALTH", "F2026-CITY", "SELF");
        westProposal.put("communityCode", "C002");
        ResponseEntity<JsonNode> created = scenario.as("committee3").post("/api/projects", westProposal);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        String west = created.getBody().path("code").asText();
        LocalDate today = scenario.clockToday();

        assertThat(codes("/api/audit/projects?code=" + east.toLowerCase().substring(3))).contains(east).doesNotContain(west);
        assertThat(codes("/api/audit/projects?communityCode=C002&status=DRAFT")).contains(west).doesNotContain(east);
        assertThat(codes("/api/audit/projects?from=" + today + "&to=" + today)).contains(east, west);
        assertThat(codes("/api/audit/projects?to=" + today.minusDays(1))).doesNotContain(east, west);
        assertThat(codes("/api/audit/projects?code=%25")).as("a typed % is a character, not a wildcard").isEmpty();
        JsonNode first = auditor.get("/api/audit/projects?code=" + east).getBody().get(0);
        assertThat(first.path("communityName").asText()).isEqualTo("东湖社区");
        assertThat(first.path("authorName").asText()).isEqualTo("张丽");
        assertThat(first.path("amount").asText()).isEqualTo("1500.00");
        // a new draft has not changed since it was created: its last change is its creation (ADR 0064)
        assertThat(first.path("status").asText()).isEqualTo("DRAFT");
        assertThat(first.path("updatedAt").asText()).isEqualTo(first.path("createdAt").asText());

        assertThat(auditor.get("/api/audit/projects?status=NOPE").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(auditor.get("/api/audit/projects?from=" + today + "&to=" + today.minusDays(1)).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(auditor.get("/api/audit/projects?from=yesterday").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        for (String other : new String[] {"committee1", "street1", "finance1", "admin"}) {
            assertThat(scenario.as(other).get("/api/audit/projects").getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
        }

        String csv = csv("/api/audit/projects?format=csv&code=" + east);
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv).startsWith("项目编号 code,").contains(east + ",东湖社区长者助餐服务,DRAFT,社区卫生,东湖社区,1500.00");
    }

    @Test
    void theTimelineSaysWhoDidEachStepWhenAndHowLongItWaitedAgainstItsDeadline() {
        keepReviewsIn2026();
        String code = scenario.submitted(proposal("4000.00", "ELDERLY_CARE", "F2026-CITY", "SELF"));
        scenario.meet(code, meeting(100, 51, 26, scenario.clockToday().toString()));
        OffsetDateTime due = OffsetDateTime.parse(scenario.task("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW).orElseThrow()
                .path("due").asText());
        scenario.moveClock(due.plusDays(2).toString());
        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, APPROVE);

        List<JsonNode> timeline = ProjectScenario.stream(auditor.get("/api/audit/projects/" + code + "/timeline").getBody()).toList();
        assertThat(timeline).extracting(e -> e.path("seq").asLong()).isSorted();
        JsonNode created = timeline.get(0);
        assertThat(created.path("action").asText()).isEqualTo("PROJECT_CREATED");
        assertThat(created.path("actorName").asText()).isEqualTo("张丽");

        JsonNode proposal = step(timeline, ServiceProjectProcess.Tasks.PREPARE_PROPOSAL);
        assertThat(proposal.path("taskName").asText()).isNotBlank();
        assertThat(proposal.path("due").isNull()).as("drafting has no deadline").isTrue();
        assertThat(proposal.path("overdue").asBoolean()).isFalse();
        assertThat(proposal.path("waitedSeconds").asLong()).isGreaterThanOrEqualTo(0);

        JsonNode review = step(timeline, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW);
        assertThat(review.path("actor").asText()).isEqualTo("street1");
        assertThat(review.path("actorName").asText()).isEqualTo("刘强");
        assertThat(review.path("decision").asText()).isEqualTo("APPROVE");
        assertThat(review.path("comment").asText()).isEqualTo("同意，按期实施");
        assertThat(OffsetDateTime.parse(review.path("due").asText()).toInstant()).isEqualTo(due.toInstant());
        assertThat(review.path("overdue").asBoolean()).as("completed two days after its due date").isTrue();
        OffsetDateTime taskCreated = OffsetDateTime.parse(review.path("taskCreated").asText());
        long waited = review.path("waitedSeconds").asLong();
        assertThat(waited).isGreaterThan(Duration.between(taskCreated, due).toSeconds());
        assertThat(Duration.ofSeconds(waited)).isCloseTo(Duration.between(taskCreated,
                OffsetDateTime.parse(review.path("at").asText())), Duration.ofSeconds(2));

        String csv = csv("/api/audit/projects/" + code + "/timeline?format=csv");
        assertThat(csv.lines().count()).isGreaterThanOrEqualTo(timeline.size() + 1);
        assertThat(csv.lines().findFirst().orElseThrow()).contains("用时(小时) waitedHours").contains("逾期 overdue");
        assertThat(csv).contains(ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW).contains("刘强").contains("同意，按期实施").contains("是 yes");
        assertThat(auditor.get("/api/audit/procurements/PS-1999-0001/timeline").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aProjectsDossierHasItsOpenStepsDocumentsAndLedgerLines() {
        String code = scenario.inReview(proposal("7000.00", "ELDERLY_CARE", "F2026-CITY", "SELF"));
        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, APPROVE);
        scenario.complete("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW, APPROVE);

        JsonNode dossier = auditor.get("/api/audit/projects/" + code).getBody();
        assertThat(dossier.path("project").path("status").asText()).isEqualTo("IN_DELIVERY");
        assertThat(dossier.path("project").path("reserved").asText()).isEqualTo("7000.00");
        JsonNode open = dossier.path("openTasks").get(0);
        assertThat(open.path("key").asText()).isEqualTo(ServiceProjectProcess.Tasks.REPORT_MILESTONE);
        assertThat(open.path("groups").toString()).contains("committee");
        assertThat(open.path("waitingSeconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(ProjectScenario.stream(dossier.path("documents")).map(d -> d.path("type").asText()).toList())
                .contains("PROJECT_REPORT", "MEETING_RESOLUTION", "REVIEW_OPINION");
        String pdf = dossier.path("documents").get(0).path("url").asText();
        ResponseEntity<byte[]> document = http.withBasicAuth("auditor1", "demo").getForEntity(pdf, byte[].class);
        assertThat(document.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        JsonNode reserve = dossier.path("ledger").get(0);
        assertThat(reserve.path("type").asText()).isEqualTo("RESERVE");
        assertThat(reserve.path("amount").asText()).isEqualTo("7000.00");
        assertThat(reserve.path("actorName").asText()).isNotBlank();

        assertThat(auditor.get("/api/audit/projects/SP-1999-9999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(scenario.as("committee1").get("/api/audit/projects/" + code).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aFundsLedgerCarriesRunningBalancesThatAgreeWithTheFund() {
        String code = scenario.inReview(proposal("2500.00", "ELDERLY_CARE", "F2026-CITY", "SELF"));
        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, APPROVE);
        scenario.complete("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW, APPROVE);

        List<JsonNode> lines = ProjectScenario.stream(auditor.get("/api/audit/funds/F2026-CITY/ledger").getBody()).toList();
        assertThat(lines.get(0).path("type").asText()).isEqualTo("ALLOCATE");
        assertThat(lines).allSatisfy(l -> assertThat(l.path("consistent").asBoolean()).as(l.toString()).isTrue());
        JsonNode last = lines.get(lines.size() - 1);
        assertThat(last.path("projectCode").asText()).isEqualTo(code);
        JsonNode fund = scenario.as("finance1").get("/api/funds/F2026-CITY").getBody();
        assertThat(new BigDecimal(last.path("available").asText())).isEqualByComparingTo(fund.path("available").asText());
        assertThat(new BigDecimal(last.path("reserved").asText())).isEqualByComparingTo(fund.path("reserved").asText());
        assertThat(new BigDecimal(last.path("disbursed").asText())).isEqualByComparingTo(fund.path("disbursed").asText());

        String csv = csv("/api/audit/funds/F2026-CITY/ledger?format=csv");
        assertThat(csv.lines().count()).isEqualTo(lines.size() + 1L);
        assertThat(csv).contains("RESERVE,2500.00," + code);
        assertThat(auditor.get("/api/audit/funds/F1999-NONE/ledger").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aUsersActivityIsListedNewestFirstPageByPage() {
        String code = scenario.inReview(proposal("1200.00", "ELDERLY_CARE", "F2026-CITY", "SELF"));
        scenario.complete("street2", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, APPROVE);

        List<JsonNode> activity = ProjectScenario.stream(auditor.get("/api/audit/users/street2/activity").getBody()).toList();
        assertThat(activity).extracting(a -> a.path("seq").asLong()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(activity).anySatisfy(a -> {
            assertThat(a.path("subjectCode").asText()).isEqualTo(code);
            assertThat(a.path("action").asText()).isEqualTo("TASK_COMPLETED");
            assertThat(a.path("taskKey").asText()).isEqualTo(ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW);
        });
        JsonNode page = auditor.get("/api/audit/users/street2/activity?limit=1&before=" + activity.get(0).path("seq").asLong()).getBody();
        assertThat(page).hasSize(1);
        assertThat(page.get(0).path("seq").asLong()).isEqualTo(activity.get(1).path("seq").asLong());
        assertThat(csv("/api/audit/users/street2/activity?format=csv")).contains(code).contains(ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW);
        assertThat(ProjectScenario.stream(auditor.get("/api/audit/users").getBody()).map(u -> u.path("userId").asText()).toList())
                .contains("street2", "auditor1", "committee1");
    }

    @Test
    void auditorsReadEverythingAndChangeNothingButTheirOwnAuditTasks() {
        String code = scenario.inReview(proposal("1300.00", "ELDERLY_CARE", "F2026-CITY", "SELF"));
        String review = scenario.openTaskId(code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW);
        long entries = auditor.get("/api/audit/verify").getBody().path("entries").asLong();

        assertThat(auditor.post("/api/projects", proposal("1300.00", "ELDERLY_CARE", "F2026-CITY", "SELF")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(auditor.put("/api/projects/" + code, proposal("1.00", "ELDERLY_CARE", "F2026-CITY", "SELF")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(auditor.post("/api/projects/" + code + "/withdraw", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> completion = auditor.post("/api/tasks/" + review + "/complete", APPROVE);
        assertThat(completion.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(auditor.post("/engine-rest/task/" + review + "/complete", Map.of()).getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(auditor.post("/api/admin/clock", Map.of("now", "2027-01-01T09:00:00+08:00")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(auditor.post("/api/audit/projects", Map.of()).getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(auditor.post("/api/audit/anomalies", Map.of()).getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);

        assertThat(scenario.status(code)).isEqualTo("IN_REVIEW");
        assertThat(scenario.openTaskKeys(code)).containsExactly(ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW);
        // the refused completion is itself on record; nothing else was written
        JsonNode verified = auditor.get("/api/audit/verify").getBody();
        assertThat(verified.path("ok").asBoolean()).isTrue();
        List<JsonNode> refusals = ProjectScenario.stream(auditor.get("/api/audit/users/auditor1/activity?limit=5").getBody())
                .filter(a -> code.equals(a.path("subjectCode").asText())).toList();
        assertThat(refusals).allSatisfy(a -> assertThat(a.path("action").asText()).isEqualTo("RULE_REFUSED"));
        assertThat(verified.path("entries").asLong() - entries).isEqualTo(refusals.size());
    }

    @Test
    void theWorkspacePageIsForAuditors() {
        ResponseEntity<String> page = http.withBasicAuth("auditor1", "demo").getForEntity("/audit/", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("审计工作台").contains("workspace.js");
        assertThat(http.withBasicAuth("auditor1", "demo").getForEntity("/audit/workspace.js", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("committee1", "demo").getForEntity("/audit/", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        HttpHeaders browser = new HttpHeaders();
        browser.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> anonymous = http.exchange("/audit/", HttpMethod.GET, new HttpEntity<>(browser), String.class);
        // a browser without a session is sent to the login form (the test client follows the redirect)
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.getBody()).contains("name=\"username\"").contains("name=\"password\"").doesNotContain("审计工作台");
    }

    // ---- helpers ----

    private List<String> codes(String path) {
        ResponseEntity<JsonNode> response = auditor.get(path);
        assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return ProjectScenario.stream(response.getBody()).map(p -> p.path("code").asText()).toList();
    }

    /** A CSV export as Excel reads it: UTF-8 with a byte-order mark, an attachment. */
    private String csv(String path) {
        ResponseEntity<byte[]> response = http.withBasicAuth("auditor1", "demo").getForEntity(path, byte[].class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(response.getHeaders().getContentDisposition().isAttachment()).isTrue();
        byte[] body = response.getBody();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    }

    private static JsonNode step(List<JsonNode> timeline, String taskKey) {
        return timeline.stream().filter(e -> "TASK_COMPLETED".equals(e.path("action").asText())
                        && taskKey.equals(e.path("taskKey").asText()))
                .findFirst().orElseThrow(() -> new AssertionError(taskKey + " not completed in " + timeline));
    }

    private void keepReviewsIn2026() {
        LocalDate today = scenario.clockToday();
        if (today.getYear() != 2026 || today.plusDays(21).getYear() != 2026) {
            scenario.moveClock("2026-11-02T09:00:00+08:00");
        }
    }
}

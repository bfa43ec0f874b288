package cn.shequ.calendar;

import static cn.shequ.support.PurchaseScenario.PURCHASER;
import static cn.shequ.support.PurchaseScenario.committee;
import static cn.shequ.support.PurchaseScenario.requirement;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.fund.FundLedger;
import cn.shequ.procurement.PurchaseProcess;
import cn.shequ.project.ServiceProjectProcess;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.PurchaseScenario;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
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
 * Issue 11, "done when": on Monday 2027-03-01 (moved demo clock; no 2027 file ships) a service
 * project and a purchase each run end to end on the provisional 2027 calendar, every deadline they
 * show is marked provisional, and loading the (test) official 2027 arrangement makes them all
 * official. Each test starts with 2027 provisional (any loaded arrangement withdrawn) and leaves it
 * so, with the clock back to real time, for the other tests of the shared context.
 */
@ShequIT
class Provisional2027EndToEndIT {

    static final String MARCH_1 = "2027-03-01T09:00:00+08:00";

    @Autowired
    TestRestTemplate http;

    @Autowired
    FundLedger funds;

    @BeforeEach
    void provisional2027() {
        withdraw2027();
        new ProjectScenario(http).moveClock(MARCH_1);
        JsonNode days = http.withBasicAuth("admin", "demo").getForObject("/api/admin/calendar/2027", JsonNode.class);
        assertThat(days.path("provisional").asBoolean()).as("2027 provisional at the start").isTrue();
    }

    @AfterEach
    void provisionalAgain() {
        withdraw2027();
        new ProjectScenario(http).resetClock();
    }

    private void withdraw2027() {
        ResponseEntity<JsonNode> deleted = http.withBasicAuth("admin", "demo")
                .exchange("/api/admin/calendar/2027", HttpMethod.DELETE, null, JsonNode.class);
        assertThat(deleted.getStatusCode().is5xxServerError()).as(String.valueOf(deleted.getBody())).isFalse();
    }

    @Test
    void aServiceProjectRunsToClosedWithItsReviewsDueProvisionallyUntil2027IsLoaded() {
        ProjectScenario scenario = new ProjectScenario(http);
        String fund = "FP" + System.nanoTime() % 100_000_000L;
        funds.open(fund, "2027年社区公共服务测试资金", "市财政预算", 2027, null, new BigDecimal("100000.00"), List.of(), "admin");
        Map<String, Object> proposal = ProjectScenario.proposal("30000.00", "ELDERLY_CARE", fund, "SELF");
        proposal.put("plannedStart", "2027-03-15");
        proposal.put("plannedEnd", "2027-12-31");
        String code = scenario.submitted(proposal);
        assertThat(scenario.meet(code, ProjectScenario.meeting(100, 51, 26, "2027-02-26")).path("outcome").asText())
                .isEqualTo("PASSED");
        assertThat(scenario.status(code)).isEqualTo("IN_REVIEW");

        // 10 working days after Monday 1 March (provisional 2027): 03-02..03-05, 03-08..03-12, 03-15
        JsonNode street = scenario.task("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW).orElseThrow();
        assertThat(street.path("due").asText()).startsWith("2027-03-15T23:59:59");
        assertThat(street.path("dueProvisional").asBoolean()).isTrue();
        assertThat(scenario.project(code).path("openTasks").get(0).path("dueProvisional").asBoolean()).isTrue();
        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, Map.of("decision", "APPROVE", "comment", "同意。"));

        JsonNode finance = scenario.task("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW).orElseThrow();
        assertThat(finance.path("due").asText()).startsWith("2027-03-15T23:59:59");
        assertThat(finance.path("dueProvisional").asBoolean()).isTrue();

        // the official arrangement is loaded while finance reviews: the same day, now official
        load2027();
        JsonNode official = scenario.task("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW).orElseThrow();
        assertThat(official.path("due").asText()).startsWith("2027-03-15T23:59:59");
        assertThat(official.path("dueProvisional").asBoolean()).isFalse();
        assertThat(scenario.project(code).path("openTasks").get(0).path("dueProvisional").asBoolean()).isFalse();

        scenario.complete("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW, Map.of("decision", "APPROVE"));
        assertThat(scenario.status(code)).isEqualTo("IN_DELIVERY");
        scenario.payMilestone(code, 1);
        scenario.payMilestone(code, 2);
        assertThat(ProjectScenario.entries(scenario.as("finance1").get("/api/funds/" + fund + "/ledger").getBody(), code))
                .extracting(e -> e.path("type").asText()).containsExactly("RESERVE", "DISBURSE", "DISBURSE");
        assertThat(scenario.status(code)).isEqualTo("AWAITING_FINAL_ACCEPTANCE");
        scenario.complete("committee1", code, ServiceProjectProcess.Tasks.FINAL_ACCEPTANCE, Map.of("respondents", 40, "satisfied", 36,
                "scores", Map.of("budgetExecution", 9, "outputs", 45, "outcomes", 27, "satisfaction", 9)));
        assertThat(scenario.status(code)).isEqualTo("IN_AUDIT");
        assertNoProvisionalDue(scenario, "auditor1", code);
        scenario.complete("auditor1", code, ServiceProjectProcess.Tasks.AUDIT_REVIEW, Map.of("decision", "CLEAN"));
        assertThat(scenario.status(code)).isEqualTo("CLOSED");
        assertThat(scenario.project(code).path("openTasks")).isEmpty();
    }

    @Test
    void aSmallPurchaseRunsToAPaidMilestoneWithItsDeadlinesProvisionalUntil2027IsLoaded() {
        PurchaseScenario scenario = new PurchaseScenario(http);
        String fund = "FQ" + System.nanoTime() % 100_000_000L;
        funds.open(fund, "2027年政府购买服务测试资金", "区财政预算", 2027, "S01", new BigDecimal("1000000.00"), List.of(), "admin");
        Map<String, Object> requirement = requirement("100000.00", "CONVENIENCE");
        requirement.put("fundCode", fund);
        JsonNode created = scenario.create(requirement);
        assertThat(created.path("method").asText()).isEqualTo("SMALL_PURCHASE");
        String code = created.path("code").asText();
        assertThat(code).startsWith("PS-2027-");

        // at least 3 working days (provisional): 03-02, 03-03, 03-04; bids received until the bound, 7 days later
        scenario.publish(code, "2027-03-04T17:00:00+08:00");
        JsonNode bidding = scenario.procurement(code);
        assertThat(bidding.path("bidDeadlineProvisional").asBoolean()).isTrue();
        assertThat(bidding.path("bidsReceivedUntil").asText()).startsWith("2027-03-11T17:00");
        JsonNode publicNotice = scenario.publicProcurement(code).getBody();
        assertThat(publicNotice.path("bidDeadlineProvisional").asBoolean()).isTrue();
        long bid1 = scenario.bids("provider1", code, "90000.00");
        scenario.bids("provider2", code, "95000.00");
        scenario.bids("provider3", code, "98000.00");

        scenario.moveClock("2027-03-11T17:00:01+08:00");
        scenario.awaitStatus(code, "AWAITING_COMMITTEE");
        ResponseEntity<JsonNode> appointed = scenario.appoint(code, committee(List.of("expert1", "expert2", "expert3"), List.of()));
        assertThat(appointed.getStatusCode()).as(String.valueOf(appointed.getBody())).isEqualTo(HttpStatus.CREATED);
        for (String expert : List.of("expert1", "expert2", "expert3")) {
            for (JsonNode bid : scenario.procurement(code).path("bids")) {
                ResponseEntity<JsonNode> scored = scenario.score(expert, code, bid.path("id").asLong(), 80);
                assertThat(scored.getStatusCode()).as(expert + ": " + scored.getBody()).isEqualTo(HttpStatus.CREATED);
            }
        }

        // awarded Thursday 03-11 (the cheapest, equal proposals): result notice 03-12, then 7 working days to 03-23
        JsonNode awarded = scenario.awaitStatus(code, "CHALLENGE_PERIOD");
        assertThat(awarded.path("award").path("bidId").asLong()).isEqualTo(bid1);
        assertThat(awarded.path("challengeDeadline").asText()).startsWith("2027-03-23T23:59:59");
        assertThat(awarded.path("challengeDeadlineProvisional").asBoolean()).isTrue();
        OffsetDateTime receivedUntil = OffsetDateTime.parse(awarded.path("challengesReceivedUntil").asText());
        assertThat(receivedUntil).isEqualTo(OffsetDateTime.parse(awarded.path("challengeDeadline").asText())
                .plusDays(WorkingDayCalendar.PROVISIONAL_EXTENSION_DAYS));

        // the challenge period ends at the bound: the contract is signed on Wednesday 03-31
        scenario.moveClock(receivedUntil.plusSeconds(1).toString());
        scenario.awaitStatus(code, "AWAITING_CONTRACT");
        ResponseEntity<JsonNode> signed = scenario.as(PURCHASER).post("/api/procurements/" + code + "/contract", Map.of());
        assertThat(signed.getStatusCode()).as(String.valueOf(signed.getBody())).isEqualTo(HttpStatus.CREATED);
        JsonNode contract = signed.getBody().path("contract");
        assertThat(contract.path("signedLate").asBoolean()).isFalse();
        // 2 working days after 03-31 (条例 art. 50): 04-01, 04-02
        assertThat(contract.path("publishDue").asText()).isEqualTo("2027-04-02");
        assertThat(contract.path("publishDueProvisional").asBoolean()).isTrue();
        assertThat(ProjectScenario.stream(scenario.procurement(code).path("openTasks")))
                .filteredOn(t -> t.hasNonNull("due")).allSatisfy(t -> assertThat(t.path("dueProvisional").asBoolean()).isTrue());

        // the papers print the provisional deadlines as such
        assertThat(documentText(scenario, code, "PROCUREMENT_NOTICE")).contains(NOTE);
        assertThat(documentText(scenario, code, "AWARD_NOTICE")).contains("质疑期限" + NOTE);

        // the official arrangement: every deadline this purchase shows is official now, the days unchanged
        load2027();
        JsonNode fixed = scenario.procurement(code);
        assertThat(fixed.path("bidDeadlineProvisional").asBoolean()).isFalse();
        assertThat(fixed.path("challengeDeadlineProvisional").asBoolean()).isFalse();
        assertThat(fixed.path("challengeDeadline").asText()).startsWith("2027-03-23T23:59:59");
        assertThat(fixed.path("contract").path("publishDue").asText()).isEqualTo("2027-04-02");
        assertThat(fixed.path("contract").path("publishDueProvisional").asBoolean()).isFalse();
        assertThat(ProjectScenario.stream(fixed.path("openTasks")))
                .allSatisfy(t -> assertThat(t.path("dueProvisional").asBoolean()).as(t.toString()).isFalse());
        assertThat(scenario.publicProcurement(code).getBody().path("bidDeadlineProvisional").asBoolean()).isFalse();

        ResponseEntity<JsonNode> published = scenario.as(PURCHASER).post("/api/procurements/" + code + "/contract/publish", null);
        assertThat(published.getStatusCode()).as(String.valueOf(published.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(published.getBody().path("contract").path("publishedLate").asBoolean()).isFalse();
        assertThat(scenario.publicProcurement(code).getBody().path("contract").path("code").asText()).matches("CT-2027-\\d{4}");

        // the first milestone: reported, accepted, approved and paid
        scenario.complete("provider1", code, PurchaseProcess.Tasks.REPORT_MILESTONE, Map.of("summary", "第1期服务完成", "evidence", "服务记录"));
        scenario.complete(PURCHASER, code, PurchaseProcess.Tasks.ACCEPT_MILESTONE, Map.of("decision", "APPROVE", "servedParticipants", 30));
        scenario.complete("finance1", code, PurchaseProcess.Tasks.APPROVE_PAYMENT, Map.of("decision", "APPROVE"));
        JsonNode paid = scenario.await(code, "milestone 1 paid",
                p -> "PAID".equals(p.path("contract").path("milestones").get(0).path("status").asText()));
        assertThat(paid.path("contract").path("milestones").get(0).path("latePayment").asBoolean()).isFalse();
        assertThat(ProjectScenario.entries(scenario.as("finance1").get("/api/funds/" + fund + "/ledger").getBody(), code))
                .extracting(e -> e.path("type").asText()).containsExactly("RESERVE", "DISBURSE");
    }

    static final String NOTE = "（暂定，待国务院公布2027年节假日安排后确定）";

    /** The text of the purchase's paper {@code type} (whitespace removed), as auditor2 downloads it. */
    private String documentText(PurchaseScenario scenario, String code, String type) {
        String id = ProjectScenario.stream(scenario.documents(code)).filter(d -> type.equals(d.path("type").asText()))
                .map(d -> d.path("id").asText()).findFirst().orElseThrow(() -> new AssertionError(code + " has no " + type));
        byte[] pdf = http.withBasicAuth("auditor2", "demo").getForObject("/api/documents/" + id, byte[].class);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", "");
        } catch (java.io.IOException e) {
            throw new AssertionError(type + " of " + code + " is not a readable PDF", e);
        }
    }

    /** Every task of the project in {@code user}'s list that has a due date shows it as official. */
    private static void assertNoProvisionalDue(ProjectScenario scenario, String user, String code) {
        assertThat(scenario.tasksOf(user, code)).isNotEmpty()
                .allSatisfy(t -> assertThat(t.path("dueProvisional").asBoolean()).as(t.toString()).isFalse());
    }

    private void load2027() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
        ResponseEntity<JsonNode> loaded = http.withBasicAuth("admin", "demo").exchange("/api/admin/calendar/2027", HttpMethod.PUT,
                new HttpEntity<>(ProvisionalCalendarIT.TEST_2027, headers), JsonNode.class);
        assertThat(loaded.getStatusCode()).as(String.valueOf(loaded.getBody())).isEqualTo(HttpStatus.OK);
    }
}

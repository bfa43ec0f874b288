package cn.shequ.calendar;

import static cn.shequ.support.PurchaseScenario.committee;
import static cn.shequ.support.PurchaseScenario.requirement;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.project.ServiceProjectProcess;
import cn.shequ.support.Api;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.PurchaseScenario;
import cn.shequ.support.ShequIT;
import cn.shequ.support.TestProviders;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * 2027 has no calendar file (the State Council's notice is not out): from mid-December 2026 the
 * deadlines run into it on the provisional calendar, are shown as provisional, never shorten a
 * bidder's right, and move when an administrator loads the official arrangement. The arrangement
 * loaded here is a test fixture (a make-up Saturday on 2027-01-02 that the real notice may well not
 * have), withdrawn after each test so that 2027 is provisional again for the other tests.
 */
@ShequIT
class ProvisionalCalendarIT {

    /** A made-up official 2027 arrangement: every statutory day off, and a make-up working Saturday on 01-02. */
    static final String TEST_2027 = """
            # 测试用 2027 年安排（虚构，非国务院通知）/ a made-up 2027 arrangement for tests
            2027-01-01=HOLIDAY 元旦
            2027-01-02=WORKDAY 元旦调休
            2027-02-05=HOLIDAY 春节
            2027-02-06=HOLIDAY 春节
            2027-02-07=HOLIDAY 春节
            2027-02-08=HOLIDAY 春节
            2027-02-09=HOLIDAY 春节
            2027-02-10=HOLIDAY 春节
            2027-02-11=HOLIDAY 春节
            2027-02-20=WORKDAY 春节调休
            2027-04-03=HOLIDAY 清明节
            2027-04-04=HOLIDAY 清明节
            2027-04-05=HOLIDAY 清明节
            2027-05-01=HOLIDAY 劳动节
            2027-05-02=HOLIDAY 劳动节
            2027-05-03=HOLIDAY 劳动节
            2027-05-04=HOLIDAY 劳动节
            2027-05-05=HOLIDAY 劳动节
            2027-05-08=WORKDAY 劳动节调休
            2027-06-09=HOLIDAY 端午节
            2027-09-15=HOLIDAY 中秋节
            2027-10-01=HOLIDAY 国庆节
            2027-10-02=HOLIDAY 国庆节
            2027-10-03=HOLIDAY 国庆节
            2027-10-04=HOLIDAY 国庆节
            2027-10-05=HOLIDAY 国庆节
            2027-10-06=HOLIDAY 国庆节
            2027-10-07=HOLIDAY 国庆节
            2027-10-09=WORKDAY 国庆节调休
            """;

    static final List<String> BIDDERS = List.of("provider30", "provider31", "provider32");

    @Autowired
    TestRestTemplate http;

    @Autowired
    TestProviders providers;

    @AfterEach
    void provisionalAgain() {
        http.withBasicAuth("admin", "demo").exchange("/api/admin/calendar/2027", HttpMethod.DELETE, null, JsonNode.class);
        new ProjectScenario(http).resetClock();
    }

    @Test
    void aReviewCreatedOn24December2026IsDueProvisionallyInJanuaryAndLoading2027MovesItAndItsTimer() {
        ProjectScenario scenario = new ProjectScenario(http);
        scenario.moveClock("2026-12-24T09:00:00+08:00");
        Map<String, Object> proposal = ProjectScenario.proposal("2000.00", "VOLUNTEER", "F2026-CITY", "SELF");
        proposal.put("plannedStart", "2027-01-15");
        String code = scenario.submitted(proposal);
        // the residents' meeting answered 500 from 18 December on: now the project goes on to its review
        assertThat(scenario.meet(code, ProjectScenario.meeting(100, 51, 26, "2026-12-23")).path("outcome").asText())
                .isEqualTo("PASSED");
        assertThat(scenario.status(code)).isEqualTo("IN_REVIEW");

        // 10 working days after Thursday 24 December: 12-25, 12-28..12-31, (01-01 元旦), 01-04..01-08
        JsonNode review = scenario.task("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW).orElseThrow();
        assertThat(review.path("due").asText()).startsWith("2027-01-08T23:59:59");
        assertThat(review.path("dueProvisional").asBoolean()).isTrue();
        JsonNode openTask = scenario.project(code).path("openTasks").get(0);
        assertThat(openTask.path("dueProvisional").asBoolean()).isTrue();

        // the project moves on: the street office approves, finance's review is due provisionally too
        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, Map.of("decision", "APPROVE", "comment", "同意。"));
        JsonNode finance = scenario.task("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW).orElseThrow();
        assertThat(finance.path("due").asText()).startsWith("2027-01-08T23:59:59");
        assertThat(finance.path("dueProvisional").asBoolean()).isTrue();
        String taskId = finance.path("id").asText();
        String instance = Api.as(http, "admin").get("/engine-rest/task/" + taskId).getBody().path("processInstanceId").asText();
        assertThat(timer(instance, ServiceProjectProcess.Elements.FINANCE_REVIEW_DUE)).isEqualTo(OffsetDateTime.parse("2027-01-08T23:59:59+08:00"));

        // from 1 November, the administrators are told that 2027's arrangement is missing
        JsonNode before = Api.as(http, "admin").get("/api/admin/calendar").getBody();
        assertThat(before.path("nextYearMissing").asBoolean()).isTrue();
        assertThat(before.path("banner").asText()).contains("尚未载入 2027 年");

        // the official arrangement makes Saturday 01-02 a working day: the 10th working day is Thursday 01-07
        ResponseEntity<JsonNode> loaded = load("2027", TEST_2027);
        assertThat(loaded.getStatusCode()).as(String.valueOf(loaded.getBody())).isEqualTo(HttpStatus.OK);
        JsonNode move = ProjectScenario.stream(loaded.getBody().path("moved"))
                .filter(m -> code.equals(m.path("subjectCode").asText())).findFirst().orElseThrow();
        assertThat(move.path("what").asText()).isEqualTo(ServiceProjectProcess.Tasks.FINANCE_REVIEW);
        assertThat(move.path("before").asText()).startsWith("2027-01-08T23:59:59");
        assertThat(move.path("after").asText()).startsWith("2027-01-07T23:59:59");
        assertThat(move.path("beforeProvisional").asBoolean()).isTrue();
        assertThat(move.path("afterProvisional").asBoolean()).isFalse();

        JsonNode moved = scenario.task("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW).orElseThrow();
        assertThat(moved.path("due").asText()).startsWith("2027-01-07T23:59:59");
        assertThat(moved.path("dueProvisional").asBoolean()).isFalse();
        assertThat(timer(instance, ServiceProjectProcess.Elements.FINANCE_REVIEW_DUE)).isEqualTo(OffsetDateTime.parse("2027-01-07T23:59:59+08:00"));

        // the audit timeline: the provisional due date where it was set, and the move
        JsonNode timeline = Api.as(http, "auditor1").get("/api/audit/projects/" + code + "/timeline").getBody();
        List<JsonNode> entries = ProjectScenario.stream(timeline.has("entries") ? timeline.path("entries") : timeline).toList();
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.path("action").asText()).isEqualTo("DEADLINE_PROVISIONAL");
            assertThat(e.path("details").path("taskKey").asText()).isEqualTo(ServiceProjectProcess.Tasks.FINANCE_REVIEW);
        });
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.path("action").asText()).isEqualTo("DEADLINE_MOVED");
            assertThat(e.path("actor").asText()).isEqualTo("admin");
            assertThat(e.path("details").path("before").asText()).startsWith("2027-01-08T23:59:59");
            assertThat(e.path("details").path("after").asText()).startsWith("2027-01-07T23:59:59");
            assertThat(e.path("details").path("afterProvisional").asBoolean()).isFalse();
        });
        // the listing: 2027 official now, loaded by admin
        JsonNode listing = Api.as(http, "admin").get("/api/admin/calendar").getBody();
        JsonNode y2027 = ProjectScenario.stream(listing.path("years")).filter(y -> y.path("year").asInt() == 2027).findFirst().orElseThrow();
        assertThat(y2027.path("provisional").asBoolean()).isFalse();
        assertThat(y2027.path("loadedBy").asText()).isEqualTo("admin");
        assertThat(listing.path("nextYearMissing").asBoolean()).isFalse();
        assertThat(listing.has("banner")).isFalse();
    }

    /** Refused arrangements for 2027: what is wrong, the arrangement, where the answer names it, what it says. */
    static Stream<Arguments> badArrangements() {
        return Stream.of(
                Arguments.of("a make-up working day on a Monday",
                        TEST_2027.replace("2027-02-20=WORKDAY", "2027-02-22=WORKDAY"),
                        "/fields/arrangement", List.of("2027-02-22", "星期六或星期日")),
                Arguments.of("a date of another year", TEST_2027 + "2028-01-01=HOLIDAY 元旦\n",
                        "/message", List.of("2028-01-01", "不在 2027 年内")),
                Arguments.of("a day both off and working (Saturday 01-02 is a make-up working day in the fixture)",
                        TEST_2027 + "2027-01-02=HOLIDAY 元旦\n",
                        "/message", List.of("2027-01-02", "同一天不能既放假又上班")),
                Arguments.of("a statutory holiday missing (中秋 2027-09-15)",
                        TEST_2027.replace("2027-09-15=HOLIDAY 中秋节\n", ""),
                        "/message", List.of("2027-09-15", "法定节假日")),
                Arguments.of("a holiday without its name",
                        TEST_2027.replace("2027-06-09=HOLIDAY 端午节", "2027-06-09=HOLIDAY"),
                        "/message", List.of("2027-06-09", "缺少节日名称")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArrangements")
    void aBadArrangementIsRefusedNamingTheDateAndNothingChanges(String what, String arrangement, String where,
            List<String> named) {
        ResponseEntity<JsonNode> refused = load("2027", arrangement);
        assertThat(refused.getStatusCode()).as(what + ": " + refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("error").asText()).as(what).isEqualTo("INVALID_INPUT");
        assertThat(refused.getBody().at(where).asText()).as(what).contains(named);
        assertStillProvisional();
    }

    @Test
    void theShippedYearCannotBeReplacedAndOnlyAdministratorsLoad() {
        assertThat(load("2026", TEST_2027.replace("2027", "2026")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(http.withBasicAuth("street1", "demo").exchange("/api/admin/calendar/2027", HttpMethod.PUT,
                text(TEST_2027), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertStillProvisional();
    }

    /** Nothing changed: 2027 is provisional still. */
    private void assertStillProvisional() {
        JsonNode days = Api.as(http, "admin").get("/api/admin/calendar/2027").getBody();
        assertThat(days.path("provisional").asBoolean()).isTrue();
        assertThat(ProjectScenario.stream(days.path("days")).map(JsonNode::asText).toList()).contains("2027-02-05 HOLIDAY 春节");
    }

    @Test
    void aBidAndAChallengeADayAfterTheirProvisionalDeadlinesAreStillReceivedWithinTheBound() {
        PurchaseScenario scenario = new PurchaseScenario(http);
        providers.certifiedBidders("CULTURE_EDU_SPORTS",
                new TestProviders.Bidder("provider30", "汕头市龙湖区文体服务中心", "52440507MJL00130"),
                new TestProviders.Bidder("provider31", "汕头市金霞社区教育服务社", "52440507MJL00131"),
                new TestProviders.Bidder("provider32", "汕头市龙湖区全民健身服务社", "52440507MJL00132"));
        // notice on Tuesday 29 December 2026: a small purchase runs at least 3 working days: 12-30, 12-31, (元旦) 01-04
        scenario.moveClock("2026-12-29T09:00:00+08:00");
        JsonNode created = scenario.create(requirement("100000.00", "CULTURE_EDU_SPORTS"));
        assertThat(created.path("method").asText()).isEqualTo("SMALL_PURCHASE");
        String code = created.path("code").asText();
        scenario.publish(code, "2027-01-04T17:00:00+08:00");
        scenario.bids("provider30", code, "90000.00");
        scenario.bids("provider31", code, "95000.00");
        JsonNode bidding = scenario.procurement(code);
        assertThat(bidding.path("bidDeadlineProvisional").asBoolean()).isTrue();
        // the official arrangement could add up to 7 days: bids are received until 2027-01-11 17:00
        assertThat(bidding.path("bidsReceivedUntil").asText()).startsWith("2027-01-11T17:00");

        // a day after the provisional deadline: still received
        scenario.moveClock("2027-01-05T17:00:00+08:00");
        ResponseEntity<JsonNode> late = scenario.bid("provider32", code, "96000.00");
        assertThat(late.getStatusCode()).as(String.valueOf(late.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(scenario.status(code)).isEqualTo("BIDDING");

        // past the bound: refused, and the bids are opened
        scenario.moveClock("2027-01-11T17:00:01+08:00");
        ResponseEntity<JsonNode> tooLate = scenario.bid("provider30", code, "89000.00");
        assertThat(tooLate.getStatusCode()).as(String.valueOf(tooLate.getBody())).isEqualTo(HttpStatus.CONFLICT);
        scenario.awaitStatus(code, "AWAITING_COMMITTEE");

        ResponseEntity<JsonNode> appointed = scenario.appoint(code, committee(List.of("expert1", "expert2", "expert3"), List.of()));
        assertThat(appointed.getStatusCode()).as(String.valueOf(appointed.getBody())).isEqualTo(HttpStatus.CREATED);
        for (String expert : List.of("expert1", "expert2", "expert3")) {
            for (JsonNode bid : scenario.procurement(code).path("bids")) {
                ResponseEntity<JsonNode> scored = scenario.score(expert, code, bid.path("id").asLong(), 80);
                assertThat(scored.getStatusCode()).as(expert + ": " + scored.getBody()).isEqualTo(HttpStatus.CREATED);
            }
        }
        JsonNode awarded = scenario.awaitStatus(code, "CHALLENGE_PERIOD");
        String deadline = awarded.path("challengeDeadline").asText();
        assertThat(awarded.path("challengeDeadlineProvisional").asBoolean()).isTrue();
        OffsetDateTime provisionalDeadline = OffsetDateTime.parse(deadline);
        assertThat(provisionalDeadline.getYear()).isEqualTo(2027);
        assertThat(OffsetDateTime.parse(awarded.path("challengesReceivedUntil").asText()))
                .isEqualTo(provisionalDeadline.plusDays(WorkingDayCalendar.PROVISIONAL_EXTENSION_DAYS));

        // a day after the provisional challenge deadline: still received, and the period still open
        scenario.moveClock(provisionalDeadline.plusDays(1).withHour(10).withMinute(0).withSecond(0).toString());
        String loser = ProjectScenario.stream(awarded.path("ranking")).filter(r -> r.path("rank").asInt() > 1)
                .map(r -> r.path("provider").asText()).findFirst().orElseThrow();
        String challenger = loser.contains("文体") ? "provider30" : loser.contains("教育") ? "provider31" : "provider32";
        ResponseEntity<JsonNode> challenge = scenario.as(challenger).post("/api/procurements/" + code + "/challenges",
                Map.of("reason", "评审因素的量化指标不明确，请求复核技术分。"));
        assertThat(challenge.getStatusCode()).as(String.valueOf(challenge.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    private ResponseEntity<JsonNode> load(String year, String arrangement) {
        return http.withBasicAuth("admin", "demo").exchange("/api/admin/calendar/" + year, HttpMethod.PUT, text(arrangement),
                JsonNode.class);
    }

    private static HttpEntity<String> text(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8));
        return new HttpEntity<>(body, headers);
    }

    /** The due date of the process instance's timer {@code activityId}, through the engine's REST API (admin). */
    private OffsetDateTime timer(String processInstanceId, String activityId) {
        JsonNode jobs = Api.as(http, "admin").get("/engine-rest/job?processInstanceId=" + processInstanceId
                + "&activityId=" + activityId).getBody();
        assertThat(jobs).as("timer %s", activityId).hasSize(1);
        return OffsetDateTime.parse(jobs.get(0).path("dueDate").asText(),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
    }
}

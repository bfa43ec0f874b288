package cn.shequ.web;

import static cn.shequ.support.ProjectScenario.AUTHOR;
import static cn.shequ.support.ProjectScenario.COMMITTEE;
import static cn.shequ.support.ProjectScenario.meeting;
import static cn.shequ.support.ProjectScenario.proposal;
import static cn.shequ.support.PurchaseScenario.FUND;
import static cn.shequ.support.PurchaseScenario.JUNE_1;
import static cn.shequ.support.PurchaseScenario.PURCHASER;
import static cn.shequ.support.PurchaseScenario.committee;
import static cn.shequ.support.PurchaseScenario.requirement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import cn.shequ.project.ServiceProjectProcess;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.PurchaseScenario;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What a person or a broken client types into Shequ's JSON API (API.md) and its public pages: bodies
 * that are not the object an endpoint expects, fields of the wrong type, negative and huge numbers,
 * amounts with three decimals, 10,000-character strings, unknown enum values, impossible dates,
 * unknown codes and ids in paths (with %, .., spaces, Chinese), bad query parameters. Every answer is
 * a 4xx with the error body of API.md ({@code error} and {@code message}; {@code fields} naming the
 * field where one is at fault), never a 5xx; for a few endpoints, nothing changed afterwards.
 *
 * <p>One set of subjects serves every case: projects as a draft, awaiting their meeting, in review, and
 * one whose purchase awaits its requirement (made in real time, after the meetings they date); purchases
 * awaiting their notice, open for bids, awaiting their committee, being scored, in their challenge period
 * and awaiting their contract, on the demo clock from June 2026 (the working-day calendar has only 2026),
 * back to real time afterwards. Each case's name says what was sent where, and as whom.
 */
@ShequIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputSweepIT {

    static final String LONG = "长".repeat(10_000);
    static final String CITY = "F2026-CITY";
    /** A category with few purchases in the other tests, so that these stay small purchases (采购法 art. 28). */
    static final String CATEGORY = "DISABILITY";
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    ProjectScenario projects;
    PurchaseScenario purchases;

    String draft;
    String awaitingMeeting;
    String inReview;
    String reviewTask;
    /** A PURCHASE project approved by finance: its purchase awaits the requirement. */
    String purchasing;
    String calledPurchase;
    String awaitingNotice;
    String bidding;
    String awaitingCommittee;
    String scoring;
    long scoredBid;
    String challengePeriod;
    String awaitingContract;

    @BeforeAll
    void subjects() {
        projects = new ProjectScenario(http);
        purchases = new PurchaseScenario(http);

        // projects in real time (a meeting held on 2026-11-01 is in the past)
        draft = projects.draft(validProposal());
        awaitingMeeting = projects.submitted(validProposal());
        inReview = projects.inReview(validProposal());
        reviewTask = projects.taskId("street1", inReview, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW);
        purchasing = projects.inReview(proposal("30000.00", "CONVENIENCE", CITY, "PURCHASE"));
        projects.approve(purchasing);
        calledPurchase = projects.project(purchasing).path("procurementCode").asText();

        // purchases from Monday 2026-06-01
        purchases.moveClock(JUNE_1);
        awaitingNotice = newPurchase();
        bidding = newPurchase();
        purchases.publish(bidding, "2026-10-30T17:00:00+08:00");
        purchases.bids("provider2", bidding, "9000.00");
        awaitingContract = threeBids(newPurchase(), "2026-06-04T17:00:00+08:00");
        awaitingCommittee = threeBids(newPurchase(), "2026-06-12T17:00:00+08:00");
        scoring = threeBids(newPurchase(), "2026-06-12T17:00:00+08:00");
        challengePeriod = threeBids(newPurchase(), "2026-06-12T17:00:00+08:00");

        // the first is awarded on Thursday 2026-06-04: its challenge period ends on 2026-06-16 (a notice period of
        // one working day, then seven)
        purchases.moveClock("2026-06-04T17:00:01+08:00");
        purchases.awaitStatus(awaitingContract, "AWAITING_COMMITTEE");
        scoreEverything(awaitingContract);
        purchases.awaitStatus(awaitingContract, "CHALLENGE_PERIOD");

        // Wednesday 2026-06-17: the first awaits its contract, the others their committees
        purchases.moveClock("2026-06-17T09:00:00+08:00");
        purchases.awaitStatus(awaitingContract, "AWAITING_CONTRACT");
        purchases.awaitStatus(awaitingCommittee, "AWAITING_COMMITTEE");
        purchases.awaitStatus(scoring, "AWAITING_COMMITTEE");
        purchases.awaitStatus(challengePeriod, "AWAITING_COMMITTEE");
        appoint(scoring);
        scoredBid = ProjectScenario.stream(purchases.procurement(scoring).path("bids")).findFirst()
                .map(b -> b.path("id").asLong()).orElseThrow();
        scoreEverything(challengePeriod);
        purchases.awaitStatus(challengePeriod, "CHALLENGE_PERIOD");
    }

    @AfterAll
    void realTime() {
        purchases.resetClock();
    }

    // ---- projects ----

    @TestFactory
    Stream<DynamicTest> createProject() {
        return concat(
                notAnObject(AUTHOR, HttpMethod.POST, "/api/projects"),
                fieldCases(AUTHOR, HttpMethod.POST, "/api/projects", BadInputSweepIT::validProposal, projectFields()));
    }

    @TestFactory
    Stream<DynamicTest> editProject() {
        String path = "/api/projects/" + draft;
        JsonNode before = projects.project(draft);
        return concat(
                notAnObject(AUTHOR, HttpMethod.PUT, path),
                fieldCases(AUTHOR, HttpMethod.PUT, path, BadInputSweepIT::validProposal, projectFields()),
                unknownCodes(AUTHOR, HttpMethod.PUT, "/api/projects/", "", json(validProposal())),
                Stream.of(dynamicTest("PUT " + path + ": the draft is unchanged after all of them", () -> {
                    JsonNode after = projects.project(draft);
                    for (String field : List.of("title", "status", "amount", "fundCode", "deliveryMode", "category", "milestones")) {
                        assertThat(after.path(field)).as(field).isEqualTo(before.path(field));
                    }
                })));
    }

    static Map<String, Kind> projectFields() {
        Map<String, Kind> fields = new LinkedHashMap<>();
        fields.put("title", Kind.TEXT);
        fields.put("category", Kind.CODE);
        fields.put("communityCode", Kind.CODE);
        fields.put("beneficiaries", Kind.TEXT);
        fields.put("description", Kind.TEXT);
        fields.put("amount", Kind.MONEY);
        fields.put("fundCode", Kind.CODE);
        fields.put("deliveryMode", Kind.CODE);
        fields.put("budgetLines", Kind.LIST);
        fields.put("budgetLines[0].amount", Kind.MONEY);
        fields.put("budgetLines[0].item", Kind.TEXT);
        fields.put("plannedStart", Kind.DATE);
        fields.put("plannedEnd", Kind.DATE);
        fields.put("milestones", Kind.LIST);
        fields.put("milestones[0].percent", Kind.COUNT);
        fields.put("milestones[0].name", Kind.TEXT);
        return fields;
    }

    @TestFactory
    Stream<DynamicTest> projectPathsAndQueries() {
        return concat(
                unknownCodes(AUTHOR, HttpMethod.GET, "/api/projects/", "", null),
                unknownCodes(AUTHOR, HttpMethod.POST, "/api/projects/", "/submit", null),
                unknownCodes(AUTHOR, HttpMethod.POST, "/api/projects/", "/withdraw", null),
                unknownCodes(AUTHOR, HttpMethod.GET, "/api/projects/", "/documents", null),
                Stream.of(
                        refused("an unknown status", AUTHOR, HttpMethod.GET, "/api/projects?status=FINISHED", null, "status"),
                        refused("a status in lower case", AUTHOR, HttpMethod.GET, "/api/projects?status=draft", null, "status"),
                        refused("a status with %", AUTHOR, HttpMethod.GET, "/api/projects?status=%25", null, "status"),
                        refused("a Chinese status", AUTHOR, HttpMethod.GET, "/api/projects?status=" + encode("草稿"), null, "status"),
                        refused("a status of 1,000 characters", AUTHOR, HttpMethod.GET, "/api/projects?status=" + "X".repeat(1000), null, "status"),
                        refused("another community", AUTHOR, HttpMethod.GET, "/api/projects?communityCode=C002", null, null),
                        refused("a community of 1,000 characters", AUTHOR, HttpMethod.GET,
                                "/api/projects?communityCode=" + "C".repeat(1000), null, null)));
    }

    // ---- residents' meetings ----

    @TestFactory
    Stream<DynamicTest> meetings() {
        String path = "/api/projects/" + awaitingMeeting + "/meetings";
        Map<String, Kind> fields = new LinkedHashMap<>();
        fields.put("kind", Kind.CODE);
        fields.put("mode", Kind.CODE);
        for (String count : List.of("eligible", "present", "yes", "no", "abstain")) {
            fields.put(count, Kind.COUNT);
        }
        fields.put("heldOn", Kind.DATE);
        fields.put("minutes", Kind.TEXT);
        String task = projects.taskId(COMMITTEE, awaitingMeeting, ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING);
        return concat(
                notAnObject(COMMITTEE, HttpMethod.POST, path),
                Stream.of(refused("{}", COMMITTEE, HttpMethod.POST, path, "{}", null)),
                fieldCases(COMMITTEE, HttpMethod.POST, path, () -> meeting(100, 60, 40), fields),
                unknownCodes(COMMITTEE, HttpMethod.POST, "/api/projects/", "/meetings", json(meeting(100, 60, 40))),
                Stream.of(dynamicTest("POST " + path + ": the meeting is still awaited after all of them", () -> {
                    assertThat(projects.status(awaitingMeeting)).isEqualTo("AWAITING_MEETING");
                    assertThat(projects.taskId(COMMITTEE, awaitingMeeting, ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING)).isEqualTo(task);
                })));
    }

    // ---- tasks ----

    @TestFactory
    Stream<DynamicTest> completeTask() {
        String path = "/api/tasks/" + reviewTask + "/complete";
        Map<String, Kind> fields = new LinkedHashMap<>();
        fields.put("decision", Kind.CODE);
        fields.put("comment", Kind.TEXT);
        Supplier<Map<String, Object>> returned = () -> new LinkedHashMap<>(Map.of("decision", "RETURN", "comment", "请补充预算说明"));
        return concat(
                notAnObject("street1", HttpMethod.POST, path).filter(t -> !t.getDisplayName().contains("an empty body")
                        && !t.getDisplayName().contains("JSON null")),
                Stream.of(
                        refused("{}", "street1", HttpMethod.POST, path, "{}", "decision"),
                        refused("an empty body", "street1", HttpMethod.POST, path, "", "decision"),
                        refused("JSON null", "street1", HttpMethod.POST, path, "null", "decision"),
                        refused("a list as a field", "street1", HttpMethod.POST, path,
                                "{\"decision\": \"APPROVE\", \"comment\": [\"同意\"]}", "comment"),
                        refused("a nested list as a field", "street1", HttpMethod.POST, path,
                                "{\"decision\": \"APPROVE\", \"scores\": {\"outputs\": [1]}}", "scores.outputs"),
                        refused("1e400 as a field", "street1", HttpMethod.POST, path,
                                "{\"decision\": \"RETURN\", \"comment\": 1e400}", "comment"),
                        refused("-1e400 as a nested field", "street1", HttpMethod.POST, path,
                                "{\"decision\": \"RETURN\", \"comment\": \"请补充\", \"scores\": {\"outputs\": -1e400}}", null),
                        refused("1e999999999 as a field", "street1", HttpMethod.POST, path,
                                "{\"decision\": \"RETURN\", \"comment\": \"请补充\", \"servedParticipants\": 1e999999999}", null),
                        refused("99999999999999999999 as the decision", "street1", HttpMethod.POST, path,
                                "{\"decision\": 99999999999999999999}", "decision")),
                fieldCases("street1", HttpMethod.POST, path, returned, fields),
                unknownIds("street1", HttpMethod.POST, "/api/tasks/", "/complete", "{\"decision\": \"APPROVE\"}"),
                Stream.of(dynamicTest("POST " + path + ": the review is still open after all of them", () -> {
                    assertThat(projects.status(inReview)).isEqualTo("IN_REVIEW");
                    assertThat(projects.taskId("street2", inReview, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW)).isEqualTo(reviewTask);
                })));
    }

    @TestFactory
    Stream<DynamicTest> taskList() {
        return Stream.of(
                refused("first=-1", "civil1", HttpMethod.GET, "/api/tasks?first=-1", null, "first"),
                refused("first=abc", "civil1", HttpMethod.GET, "/api/tasks?first=abc", null, "first"),
                refused("first beyond 10,000", "civil1", HttpMethod.GET, "/api/tasks?first=10001", null, "first"),
                refused("first=99999999999999999999", "civil1", HttpMethod.GET, "/api/tasks?first=99999999999999999999", null, "first"),
                refused("max with a space", "civil1", HttpMethod.GET, "/api/tasks?max=2%200", null, "max"),
                refused("first in hexadecimal", "civil1", HttpMethod.GET, "/api/tasks?first=0x10", null, "first"),
                refused("max=0", "civil1", HttpMethod.GET, "/api/tasks?max=0", null, "max"),
                refused("max=-1", "civil1", HttpMethod.GET, "/api/tasks?max=-1", null, "max"),
                refused("max=abc", "civil1", HttpMethod.GET, "/api/tasks?max=abc", null, "max"),
                refused("max=1e400", "civil1", HttpMethod.GET, "/api/tasks?max=1e400", null, "max"),
                refused("max=1000000", "civil1", HttpMethod.GET, "/api/tasks?max=1000000", null, "max"),
                refused("max=99999999999999999999", "civil1", HttpMethod.GET, "/api/tasks?max=99999999999999999999", null, "max"));
    }

    // ---- purchases ----

    @TestFactory
    Stream<DynamicTest> createProcurement() {
        Map<String, Kind> fields = new LinkedHashMap<>();
        fields.put("title", Kind.TEXT);
        fields.put("category", Kind.CODE);
        fields.put("amount", Kind.MONEY);
        fields.put("fundCode", Kind.CODE);
        fields.put("termMonths", Kind.COUNT);
        fields.put("termReason", Kind.TEXT);
        fields.put("priceWeight", Kind.NUMBER);
        fields.put("method", Kind.CODE);
        fields.put("methodReason", Kind.TEXT);
        BigDecimal available = purchases.available();
        int listed = purchases.as("auditor2").get("/api/procurements").getBody().size();
        Supplier<Map<String, Object>> valid = () -> requirement("10000.00", CATEGORY);
        return concat(
                notAnObject(PURCHASER, HttpMethod.POST, "/api/procurements"),
                Stream.of(refused("{}", PURCHASER, HttpMethod.POST, "/api/procurements", "{}", "title")),
                fieldCases(PURCHASER, HttpMethod.POST, "/api/procurements", valid, fields),
                Stream.of(
                        refused("an unknown projectCode", PURCHASER, HttpMethod.POST, "/api/procurements",
                                json(with(valid.get(), "projectCode", "SP-2099-9999")), "projectCode"),
                        refused("a projectCode of 10,000 characters", PURCHASER, HttpMethod.POST, "/api/procurements",
                                json(with(valid.get(), "projectCode", LONG)), "projectCode"),
                        refused("an object as projectCode", PURCHASER, HttpMethod.POST, "/api/procurements",
                                json(with(valid.get(), "projectCode", Map.of("code", "SP-2026-0001"))), "projectCode"),
                        refused("a projectCode of a project that buys nothing, with a bad termMonths", "civil1", HttpMethod.POST,
                                "/api/procurements", json(with(with(valid.get(), "projectCode", draft), "termMonths", "十二")), null)),
                fieldCases(PURCHASER, HttpMethod.POST, "/api/procurements", this::projectRequirement, projectRequirementFields()),
                Stream.of(dynamicTest("POST /api/procurements: the called purchase still awaits its requirement after all of them", () -> {
                    assertThat(purchases.procurement(calledPurchase).path("status").asText()).isEqualTo("AWAITING_REQUIREMENT");
                    assertThat(projects.status(purchasing)).isEqualTo("IN_PROCUREMENT");
                    assertThat(projects.ledger(CITY, purchasing)).extracting(e -> e.path("type").asText()).containsExactly("RESERVE");
                })),
                Stream.of(dynamicTest("POST /api/procurements: no procurement and no reservation after all of them", () -> {
                    assertThat(purchases.available()).isEqualByComparingTo(available);
                    assertThat(purchases.as("auditor2").get("/api/procurements").getBody().size()).isEqualTo(listed);
                })));
    }

    /** The requirement of the purchase a project called: the category, budget and fund are the project's. */
    Map<String, Object> projectRequirement() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("projectCode", purchasing);
        r.put("title", "东湖社区便民维修服务");
        r.put("termMonths", 6);
        r.put("priceWeight", 20);
        return r;
    }

    static Map<String, Kind> projectRequirementFields() {
        Map<String, Kind> fields = new LinkedHashMap<>();
        fields.put("title", Kind.TEXT);
        fields.put("termMonths", Kind.COUNT);
        fields.put("termReason", Kind.TEXT);
        fields.put("priceWeight", Kind.NUMBER);
        fields.put("method", Kind.CODE);
        fields.put("methodReason", Kind.TEXT);
        return fields;
    }

    @TestFactory
    Stream<DynamicTest> procurementPathsAndQueries() {
        return concat(
                unknownCodes("street1", HttpMethod.GET, "/api/procurements/", "", null),
                unknownCodes("street1", HttpMethod.GET, "/api/procurements/", "/documents", null),
                unknownCodes("street1", HttpMethod.POST, "/api/procurements/", "/contract/publish", null),
                Stream.of(
                        refused("an unknown status", "street1", HttpMethod.GET, "/api/procurements?status=OPEN", null, "status"),
                        refused("a Chinese status", "street1", HttpMethod.GET, "/api/procurements?status=" + encode("招标中"), null, "status"),
                        refused("a status with %", "street1", HttpMethod.GET, "/api/procurements?status=%25%25", null, "status")));
    }

    @TestFactory
    Stream<DynamicTest> notice() {
        String path = "/api/procurements/" + awaitingNotice + "/notice";
        Map<String, Kind> fields = new LinkedHashMap<>();
        fields.put("bidDeadline", Kind.DATETIME);
        fields.put("bidDeposit", Kind.NUMBER);
        Supplier<Map<String, Object>> valid = () -> new LinkedHashMap<>(Map.of("bidDeadline", "2026-07-01T17:00:00+08:00"));
        return concat(
                notAnObject(PURCHASER, HttpMethod.POST, path),
                Stream.of(
                        refused("{}", PURCHASER, HttpMethod.POST, path, "{}", "bidDeadline"),
                        refused("a deposit of 1e999999999", PURCHASER, HttpMethod.POST, path,
                                "{\"bidDeadline\": \"2026-07-01T17:00:00+08:00\", \"bidDeposit\": 1e999999999}", "bidDeposit"),
                        refused("a deposit of 0E-999999999 (zero with a billion decimals), no deadline", PURCHASER, HttpMethod.POST, path,
                                "{\"bidDeadline\": \"下周五\", \"bidDeposit\": 0E-999999999}", "bidDeadline"),
                        refused("a deadline in the year 999999999", PURCHASER, HttpMethod.POST, path,
                                json(with(valid.get(), "bidDeadline", "+999999999-12-31T23:59:59Z")), "bidDeadline"),
                        refused("a deadline in the year 10000", PURCHASER, HttpMethod.POST, path,
                                json(with(valid.get(), "bidDeadline", "+10000-01-01T09:00:00+08:00")), "bidDeadline")),
                fieldCases(PURCHASER, HttpMethod.POST, path, valid, fields),
                unknownCodes(PURCHASER, HttpMethod.POST, "/api/procurements/", "/notice", json(valid.get())),
                Stream.of(dynamicTest("POST " + path + ": no notice after all of them", () -> {
                    JsonNode p = purchases.procurement(awaitingNotice);
                    assertThat(p.path("status").asText()).isEqualTo("AWAITING_NOTICE");
                    assertThat(p.has("noticePublishedOn")).isFalse();
                })));
    }

    @TestFactory
    Stream<DynamicTest> bids() {
        String path = "/api/procurements/" + bidding + "/bids";
        Map<String, Kind> fields = new LinkedHashMap<>();
        fields.put("price", Kind.MONEY);
        fields.put("proposal", Kind.TEXT);
        Supplier<Map<String, Object>> valid = () -> new LinkedHashMap<>(Map.of("price", "8000.00", "proposal", "上门助残服务方案"));
        return concat(
                notAnObject("provider1", HttpMethod.POST, path),
                Stream.of(refused("{}", "provider1", HttpMethod.POST, path, "{}", "price")),
                fieldCases("provider1", HttpMethod.POST, path, valid, fields),
                notAnObject("provider2", HttpMethod.PUT, path + "/mine"),
                Stream.of(refused("{}", "provider2", HttpMethod.PUT, path + "/mine", "{}", "price")),
                fieldCases("provider2", HttpMethod.PUT, path + "/mine", valid, fields),
                unknownCodes("provider1", HttpMethod.POST, "/api/procurements/", "/bids", json(valid.get())),
                Stream.of(dynamicTest("POST " + path + ": only provider2's bid, at its price, after all of them", () -> {
                    JsonNode p = purchases.as("provider2").get("/api/procurements/" + bidding).getBody();
                    assertThat(p.path("bidCount").asInt()).isEqualTo(1);
                    JsonNode mine = p.path("bids");
                    assertThat(mine).extracting(b -> b.path("price").asText()).containsExactly("9000.00");
                })));
    }

    @TestFactory
    Stream<DynamicTest> committeeOfEvaluation() {
        String path = "/api/procurements/" + awaitingCommittee + "/committee";
        Map<String, Kind> fields = new LinkedHashMap<>();
        fields.put("members", Kind.LIST);
        fields.put("members[0].userId", Kind.CODE);
        fields.put("members[0].expert", Kind.BOOLEAN);
        Supplier<Map<String, Object>> valid = () -> new LinkedHashMap<>(committee(List.of("expert4", "expert5", "expert6"), List.of()));
        return concat(
                notAnObject(PURCHASER, HttpMethod.POST, path),
                Stream.of(
                        refused("{}", PURCHASER, HttpMethod.POST, path, "{}", "members"),
                        refused("a member that is null", PURCHASER, HttpMethod.POST, path, "{\"members\": [null]}", "members"),
                        refused("a member that is a string", PURCHASER, HttpMethod.POST, path, "{\"members\": [\"expert4\"]}", "members[0]"),
                        refused("1,000 members", PURCHASER, HttpMethod.POST, path,
                                json(Map.of("members", Collections.nCopies(1000, Map.of("userId", "expert4", "expert", true)))), "members")),
                fieldCases(PURCHASER, HttpMethod.POST, path, valid, fields),
                unknownCodes(PURCHASER, HttpMethod.POST, "/api/procurements/", "/committee", json(valid.get())),
                Stream.of(dynamicTest("POST " + path + ": no committee after all of them", () -> {
                    JsonNode p = purchases.procurement(awaitingCommittee);
                    assertThat(p.path("status").asText()).isEqualTo("AWAITING_COMMITTEE");
                    assertThat(p.path("committee")).isEmpty();
                })));
    }

    @TestFactory
    Stream<DynamicTest> scores() {
        String path = "/api/procurements/" + scoring + "/scores";
        Map<String, Kind> fields = new LinkedHashMap<>();
        fields.put("bidId", Kind.COUNT);
        fields.put("technicalScore", Kind.NUMBER);
        Supplier<Map<String, Object>> valid = () -> new LinkedHashMap<>(Map.of("bidId", scoredBid, "technicalScore", 80));
        return concat(
                notAnObject("expert1", HttpMethod.POST, path),
                Stream.of(
                        refused("{}", "expert1", HttpMethod.POST, path, "{}", "bidId"),
                        refused("an unknown bid", "expert1", HttpMethod.POST, path, json(with(valid.get(), "bidId", 999_999_999)), null),
                        refused("a score of 1e999999999", "expert1", HttpMethod.POST, path,
                                "{\"bidId\": " + scoredBid + ", \"technicalScore\": 1e999999999}", "technicalScore")),
                fieldCases("expert1", HttpMethod.POST, path, valid, fields),
                unknownCodes("expert1", HttpMethod.POST, "/api/procurements/", "/scores", json(valid.get())),
                Stream.of(dynamicTest("POST " + path + ": expert1 has scored nothing after all of them", () ->
                        assertThat(purchases.as("expert1").get("/api/procurements/" + scoring).getBody().path("openTasks"))
                                .hasSize(3))));
    }

    @TestFactory
    Stream<DynamicTest> challenges() {
        String path = "/api/procurements/" + challengePeriod + "/challenges";
        Map<String, Kind> fields = new LinkedHashMap<>();
        fields.put("reason", Kind.TEXT);
        Supplier<Map<String, Object>> valid = () -> new LinkedHashMap<>(Map.of("reason", "评分标准不一致"));
        return concat(
                notAnObject("provider1", HttpMethod.POST, path),
                Stream.of(refused("{}", "provider1", HttpMethod.POST, path, "{}", "reason")),
                fieldCases("provider1", HttpMethod.POST, path, valid, fields),
                unknownCodes("provider1", HttpMethod.POST, "/api/procurements/", "/challenges", json(valid.get())),
                Stream.of(dynamicTest("POST " + path + ": no challenge after all of them", () ->
                        assertThat(purchases.procurement(challengePeriod).path("status").asText()).isEqualTo("CHALLENGE_PERIOD"))));
    }

    @TestFactory
    Stream<DynamicTest> contract() {
        String path = "/api/procurements/" + awaitingContract + "/contract";
        Map<String, Kind> fields = new LinkedHashMap<>();
        fields.put("signedOn", Kind.DATE);
        fields.put("performanceBond", Kind.NUMBER);
        fields.put("paymentTermDays", Kind.NUMBER);
        fields.put("lateInterestDailyRate", Kind.NUMBER);
        fields.put("milestones", Kind.LIST);
        fields.put("milestones[0].name", Kind.TEXT);
        fields.put("milestones[0].percent", Kind.COUNT);
        Supplier<Map<String, Object>> valid = () -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("performanceBond", "800.00");
            c.put("milestones", List.of(Map.of("name", "预付", "percent", 30), Map.of("name", "完成", "percent", 70)));
            return c;
        };
        return concat(
                notAnObject(PURCHASER, HttpMethod.POST, path),
                Stream.of(
                        refused("a bond of 1e999999999", PURCHASER, HttpMethod.POST, path,
                                "{\"performanceBond\": 1e999999999}", "performanceBond"),
                        refused("a payment term of 1e999999999 days", PURCHASER, HttpMethod.POST, path,
                                "{\"performanceBond\": \"800.00\", \"paymentTermDays\": 1e999999999}", "paymentTermDays"),
                        refused("a bond of 0E-999999999 (zero with a billion decimals), milestones of 50%", PURCHASER, HttpMethod.POST, path,
                                "{\"performanceBond\": 0E-999999999, \"milestones\": [{\"name\": \"完成\", \"percent\": 50}]}",
                                "milestones"),
                        refused("a daily rate of 1e-999999999", PURCHASER, HttpMethod.POST, path,
                                "{\"performanceBond\": \"800.00\", \"lateInterestDailyRate\": 1e-999999999}", "lateInterestDailyRate"),
                        refused("a milestone that is null", PURCHASER, HttpMethod.POST, path,
                                "{\"performanceBond\": \"800.00\", \"milestones\": [null]}", "milestones")),
                fieldCases(PURCHASER, HttpMethod.POST, path, valid, fields),
                unknownCodes(PURCHASER, HttpMethod.POST, "/api/procurements/", "/contract", json(valid.get())),
                Stream.of(dynamicTest("POST " + path + ": no contract after all of them", () -> {
                    JsonNode p = purchases.procurement(awaitingContract);
                    assertThat(p.path("status").asText()).isEqualTo("AWAITING_CONTRACT");
                    assertThat(p.path("contract").path("code").isMissingNode() || p.path("contract").path("code").isNull())
                            .as(String.valueOf(p.path("contract"))).isTrue();
                })));
    }

    // ---- providers ----

    @TestFactory
    Stream<DynamicTest> providers() {
        Map<String, Kind> fields = new LinkedHashMap<>();
        fields.put("name", Kind.TEXT);
        fields.put("type", Kind.CODE);
        fields.put("creditCode", Kind.CODE);
        fields.put("categories", Kind.LIST);
        fields.put("categories[0]", Kind.CODE);
        fields.put("seriousViolationInLast3Years", Kind.BOOLEAN);
        fields.put("dishonestListed", Kind.BOOLEAN);
        Supplier<Map<String, Object>> valid = () -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", "汕头市龙湖区某社会工作服务中心");
            r.put("type", "SOCIAL_ORGANISATION");
            r.put("creditCode", "91350100M000100Y43");
            r.put("categories", List.of("ELDERLY_CARE"));
            return r;
        };
        return concat(
                notAnObject("provider1", HttpMethod.POST, "/api/providers"),
                Stream.of(refused("{}", "provider1", HttpMethod.POST, "/api/providers", "{}", "name")),
                fieldCases("provider1", HttpMethod.POST, "/api/providers", valid, fields),
                unknownIds("finance1", HttpMethod.GET, "/api/providers/", "", null),
                Stream.of(
                        refused("an unknown status", "street1", HttpMethod.GET, "/api/providers?status=GOOD", null, "status"),
                        refused("a status with %", "street1", HttpMethod.GET, "/api/providers?status=%25", null, "status")));
    }

    // ---- funds, documents, audit ----

    @TestFactory
    Stream<DynamicTest> funds() {
        return concat(
                unknownCodes("finance1", HttpMethod.GET, "/api/funds/", "", null),
                unknownCodes("finance1", HttpMethod.GET, "/api/funds/", "/ledger", null),
                unknownCodes("auditor1", HttpMethod.GET, "/api/audit/funds/", "/ledger", null),
                unknownCodes("auditor1", HttpMethod.GET, "/api/audit/funds/", "/ledger?format=csv", null));
    }

    @TestFactory
    Stream<DynamicTest> documents() {
        return concat(
                unknownIds("auditor1", HttpMethod.GET, "/api/documents/", "", null),
                verifications());
    }

    @TestFactory
    Stream<DynamicTest> audit() {
        return concat(
                unknownCodes("auditor1", HttpMethod.GET, "/api/audit/projects/", "/timeline", null),
                unknownCodes("auditor1", HttpMethod.GET, "/api/audit/projects/", "/timeline?format=csv", null),
                unknownCodes("auditor1", HttpMethod.GET, "/api/audit/procurements/", "/timeline", null),
                unknownCodes("auditor1", HttpMethod.GET, "/api/audit/procurements/", "/timeline?format=csv", null),
                unknownCodes("auditor1", HttpMethod.GET, "/api/audit/projects/", "", null),
                Stream.of(
                        refused("an unknown status", "auditor1", HttpMethod.GET, "/api/audit/projects?status=DONE", null, "status"),
                        refused("an unknown status, as CSV", "auditor1", HttpMethod.GET, "/api/audit/projects?format=csv&status=DONE", null, "status"),
                        refused("from=2026-02-30", "auditor1", HttpMethod.GET, "/api/audit/projects?from=2026-02-30", null, "from"),
                        refused("from=20260101", "auditor1", HttpMethod.GET, "/api/audit/projects?from=20260101", null, "from"),
                        refused("to=abc", "auditor1", HttpMethod.GET, "/api/audit/projects?to=abc", null, "to"),
                        refused("to before from", "auditor1", HttpMethod.GET, "/api/audit/projects?from=2026-12-01&to=2026-01-01", null, "to"),
                        refused("from in the year 999999999", "auditor1", HttpMethod.GET, "/api/audit/projects?from=%2B999999999-12-31", null, "from"),
                        refused("to in the year 999999999", "auditor1", HttpMethod.GET, "/api/audit/projects?to=%2B999999999-12-31", null, "to"),
                        refused("to in the year 999999999, as CSV", "auditor1", HttpMethod.GET,
                                "/api/audit/projects?format=csv&to=%2B999999999-12-31", null, "to"),
                        refused("from in the year 999", "auditor1", HttpMethod.GET, "/api/audit/projects?from=0999-12-31", null, "from"),
                        refused("limit=abc", "auditor1", HttpMethod.GET, "/api/audit/users/street1/activity?limit=abc", null, "limit"),
                        refused("limit=99999999999999999999", "auditor1", HttpMethod.GET,
                                "/api/audit/users/street1/activity?limit=99999999999999999999", null, "limit"),
                        refused("before=abc", "auditor1", HttpMethod.GET, "/api/audit/users/street1/activity?before=abc", null, "before"),
                        refused("before=1e400", "auditor1", HttpMethod.GET, "/api/audit/users/street1/activity?before=1e400", null, "before"),
                        refused("limit=abc, as CSV", "auditor1", HttpMethod.GET,
                                "/api/audit/users/street1/activity?format=csv&limit=abc", null, "limit"),
                        refused("a user with %", "auditor1", HttpMethod.GET, "/api/audit/users/%25/activity", null, null)));
    }

    // ---- the clock ----

    @TestFactory
    Stream<DynamicTest> clock() {
        String path = "/api/admin/clock";
        OffsetDateTime before = projects.clockNow();
        return concat(
                notAnObject("admin", HttpMethod.POST, path),
                Stream.of(
                        refused("{}", "admin", HttpMethod.POST, path, "{}", "now"),
                        refused("now as a number", "admin", HttpMethod.POST, path, "{\"now\": 20270115}", "now"),
                        refused("now as 1e400", "admin", HttpMethod.POST, path, "{\"now\": 1e400}", "now"),
                        refused("now as text", "admin", HttpMethod.POST, path, "{\"now\": \"明天上午\"}", "now"),
                        refused("now on 2026-02-30", "admin", HttpMethod.POST, path, "{\"now\": \"2026-02-30T09:00:00+08:00\"}", "now"),
                        refused("now as an object", "admin", HttpMethod.POST, path, "{\"now\": {\"year\": 2027}}", "now"),
                        refused("now in the year 999999999", "admin", HttpMethod.POST, path, "{\"now\": \"+999999999-12-31T23:59:59Z\"}", "now"),
                        refused("now in the year -999999999", "admin", HttpMethod.POST, path, "{\"now\": \"-999999999-01-01T00:00:00Z\"}", "now"),
                        refused("now in the year 10000", "admin", HttpMethod.POST, path, "{\"now\": \"+10000-01-01T09:00:00+08:00\"}", "now"),
                        refused("now of 10,000 characters", "admin", HttpMethod.POST, path, json(Map.of("now", LONG)), "now"),
                        dynamicTest("POST " + path + ": the clock has not moved after all of them", () ->
                                assertThat(Duration.between(before, projects.clockNow()).abs()).isLessThan(Duration.ofMinutes(5)))));
    }

    // ---- public pages ----

    @TestFactory
    Stream<DynamicTest> publicPages() {
        return concat(
                unknownCodes(null, HttpMethod.GET, "/public/procurements/", "", null),
                unknownCodes(null, HttpMethod.GET, "/public/ocds/", "", null),
                Stream.of(
                        refused("a purchase not yet published", null, HttpMethod.GET, "/public/procurements/" + awaitingNotice, null, null),
                        refused("a purchase not yet published", null, HttpMethod.GET, "/public/ocds/" + awaitingNotice, null, null),
                        refused("a project code", null, HttpMethod.GET, "/public/ocds/" + draft, null, null)));
    }

    // ---- the kinds of bad input ----

    /** What a field holds, and so what a broken client sends instead. */
    enum Kind { TEXT, CODE, MONEY, NUMBER, COUNT, DATE, DATETIME, LIST, BOOLEAN }

    /** The wrong values for a field of {@code kind}, by what they are. */
    static Map<String, Object> wrongValues(Kind kind) {
        Map<String, Object> wrong = new LinkedHashMap<>();
        Map<String, Object> object = Map.of("value", "x");
        switch (kind) {
            case TEXT -> {
                wrong.put("10,000 characters", LONG);
                wrong.put("an object", object);
                wrong.put("an array", List.of("东湖社区"));
            }
            case CODE -> {
                wrong.put("an unknown value", "SPACE_TRAVEL");
                wrong.put("a Chinese value", "居家养老");
                wrong.put("10,000 characters", LONG);
                wrong.put("an object", object);
                wrong.put("an array", List.of("ELDERLY_CARE"));
            }
            case MONEY, NUMBER -> {
                wrong.put("text", "三千元");
                if (kind == Kind.MONEY) {
                    // a required amount; an empty string is no optional number at all
                    wrong.put("an empty string", "");
                }
                wrong.put("NaN", "NaN");
                wrong.put("Infinity", "Infinity");
                wrong.put("-1", -1);
                wrong.put("1e400", new BigDecimal("1e400"));
                wrong.put("-1e400", new BigDecimal("-1e400"));
                wrong.put("99999999999999999999", new BigInteger("99999999999999999999"));
                wrong.put("three decimals", new BigDecimal("12.345"));
                wrong.put("three decimals as a string", "12.345");
                wrong.put("an object", object);
                wrong.put("an array", List.of(1));
                wrong.put("true", true);
            }
            case COUNT -> {
                wrong.put("text", "十二");
                wrong.put("-1", -1);
                wrong.put("1.5", new BigDecimal("1.5"));
                wrong.put("1e400", new BigDecimal("1e400"));
                wrong.put("99999999999999999999", new BigInteger("99999999999999999999"));
                wrong.put("2147483648", 2147483648L);
                wrong.put("an object", object);
                wrong.put("an array", List.of(1));
            }
            case DATE -> {
                wrong.put("2026-02-30", "2026-02-30");
                wrong.put("2026-13-01", "2026-13-01");
                wrong.put("text", "下周一");
                wrong.put("a number", 20261201);
                wrong.put("a number beyond any date", new BigInteger("99999999999999999999"));
                wrong.put("the year 10000", "+10000-01-01");
                wrong.put("the year 999", "0999-12-31");
                wrong.put("an object", Map.of("year", 2026));
                wrong.put("an array that is no date", List.of(2026, 13, 1));
            }
            case DATETIME -> {
                wrong.put("2026-02-30T09:00", "2026-02-30T09:00:00+08:00");
                wrong.put("text", "下周五");
                wrong.put("a number", 20260701);
                wrong.put("1e400", new BigDecimal("1e400"));
                wrong.put("an object", Map.of("year", 2026));
                wrong.put("10,000 characters", LONG);
            }
            case LIST -> {
                wrong.put("a string", "服务启动");
                wrong.put("an object", object);
                wrong.put("a list of numbers", List.of(1, 2));
                wrong.put("a list of lists", List.of(List.of()));
                wrong.put("a list of 1,000", Collections.nCopies(1000, Map.of("name", "x", "item", "x")));
            }
            case BOOLEAN -> {
                wrong.put("text", "是");
                wrong.put("an object", object);
                wrong.put("an array", List.of(true));
            }
        }
        return wrong;
    }

    /** Each wrong value of each field put into a valid body, as its own case; the answer names the field. */
    Stream<DynamicTest> fieldCases(String user, HttpMethod method, String path, Supplier<Map<String, Object>> valid,
                                   Map<String, Kind> fields) {
        List<DynamicTest> cases = new ArrayList<>();
        fields.forEach((field, kind) -> wrongValues(kind).forEach((what, value) -> {
            Map<String, Object> body = valid.get();
            if (put(body, field, value)) {
                cases.add(refused(field + " as " + what, user, method, path, json(body), field));
            }
        }));
        return cases.stream();
    }

    /** Bodies that are not a JSON object at all. */
    Stream<DynamicTest> notAnObject(String user, HttpMethod method, String path) {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("an empty body", "");
        bodies.put("JSON null", "null");
        bodies.put("an array", "[]");
        bodies.put("an array of objects", "[{}]");
        bodies.put("a JSON string", "\"东湖社区\"");
        bodies.put("a JSON number", "42");
        bodies.put("truncated JSON", "{\"title\": ");
        bodies.put("not JSON at all", "title=东湖社区&amount=3000");
        List<DynamicTest> cases = new ArrayList<>();
        bodies.forEach((what, body) -> cases.add(refused(what, user, method, path, body, null)));
        cases.add(refused("a form instead of JSON", user, method, path, "title=x", null, MediaType.APPLICATION_FORM_URLENCODED));
        return cases.stream();
    }

    /** Codes no subject has: unknown, with %, .., spaces or Chinese characters, very long. */
    Stream<DynamicTest> unknownCodes(String user, HttpMethod method, String prefix, String suffix, String body) {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("an unknown code", "SP-2099-9999");
        codes.put("a code with %", "SP-2026-%25");
        codes.put("a code with an encoded ../", "..%2F..%2Fapi%2Fme");
        codes.put("a code of dots", "%2E%2E");
        codes.put("a code with a space", "SP%202026%200001");
        codes.put("a Chinese code", encode("东湖社区长者助餐"));
        codes.put("a code with a semicolon", "SP-2026-0001;x=1");
        codes.put("a code with a backslash", "SP-2026-0001%5C");
        codes.put("a code of 1,000 characters", "X".repeat(1000));
        List<DynamicTest> cases = new ArrayList<>();
        codes.forEach((what, code) -> cases.add(refused(what, user, method, prefix + code + suffix, body, null)));
        return cases.stream();
    }

    /** Numeric ids that are not, or no, ids. */
    Stream<DynamicTest> unknownIds(String user, HttpMethod method, String prefix, String suffix, String body) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("an unknown id", "999999999");
        ids.put("a negative id", "-1");
        ids.put("an id that is text", "abc");
        ids.put("an id beyond any long", "99999999999999999999");
        ids.put("an id of 1e400", "1e400");
        ids.put("a decimal id", "1.5");
        ids.put("an id with %", "1%25");
        ids.put("a Chinese id", encode("一"));
        ids.put("an id with a space", "1%202");
        ids.put("an id in hexadecimal", "0x10");
        List<DynamicTest> cases = new ArrayList<>();
        ids.forEach((what, id) -> cases.add(refused(what, user, method, prefix + id + suffix, body, "id")));
        return cases.stream();
    }

    // ---- one case ----

    DynamicTest refused(String what, String user, HttpMethod method, String path, String body, String field) {
        return refused(what, user, method, path, body, field, MediaType.APPLICATION_JSON);
    }

    /**
     * {@code user} (anonymous when null) sends {@code body} to {@code path}: a 4xx with the error body of
     * API.md, naming {@code field} when one is given.
     */
    DynamicTest refused(String what, String user, HttpMethod method, String path, String body, String field, MediaType type) {
        String name = method + " " + shorten(path) + " ← " + what + " (" + (user == null ? "anonymous" : user) + ")";
        return dynamicTest(name, () -> {
            ResponseEntity<String> answer = send(user, method, path, body, type);
            String text = answer.getBody();
            assertThat(answer.getStatusCode().is5xxServerError()).as(name + " → " + answer.getStatusCode() + " " + text).isFalse();
            assertThat(answer.getStatusCode().is4xxClientError()).as(name + " → " + answer.getStatusCode() + " " + text).isTrue();
            JsonNode error = parse(text);
            assertThat(error.path("error").asText()).as(name + " → " + answer.getStatusCode() + " " + text).isNotBlank();
            assertThat(error.path("message").asText()).as(name + " → " + answer.getStatusCode() + " " + text).isNotBlank();
            // an address refused as a whole (INVALID_PATH) names the rule, not a field
            if (field != null && answer.getStatusCode() == HttpStatus.BAD_REQUEST && !"INVALID_PATH".equals(error.path("error").asText())) {
                assertThat(names(error.path("fields"), field)).as(name + " names " + field + ": " + text).isTrue();
            }
        });
    }

    /**
     * The answer names {@code field}, one of its items or parts ({@code budgetLines[0]}, {@code scores.outputs}), or
     * the list or object it is in ({@code budgetLines} for {@code budgetLines[0].amount}).
     */
    static boolean names(JsonNode fields, String field) {
        for (java.util.Iterator<String> it = fields.fieldNames(); it.hasNext(); ) {
            String named = it.next();
            if (named.equals(field) || named.startsWith(field + "[") || named.startsWith(field + ".")
                    || field.startsWith(named + "[") || field.startsWith(named + ".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A fingerprint that matches no document is an answer ({@code {"valid": false}}, API.md "Documents"), not an
     * error; whatever is typed there, the answer is that or a 4xx with the error body, never a 5xx.
     */
    Stream<DynamicTest> verifications() {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("a hash with %", "abc%25");
        typed.put("a hash with an encoded ../", "..%2F..%2Fapi%2Fme");
        typed.put("a hash with a space", "ab%20cd");
        typed.put("a Chinese hash", encode("指纹"));
        typed.put("a hash of 1,000 characters", "f".repeat(1000));
        typed.put("a hash with a semicolon", "abc;x=1");
        List<DynamicTest> cases = new ArrayList<>();
        typed.forEach((what, hash) -> {
            String name = "GET /public/verify/… ← " + what + " (anonymous)";
            cases.add(dynamicTest(name, () -> {
                ResponseEntity<String> answer = send(null, HttpMethod.GET, "/public/verify/" + hash, null, MediaType.APPLICATION_JSON);
                JsonNode body = parse(answer.getBody());
                assertThat(answer.getStatusCode().is5xxServerError()).as(name + " → " + answer.getBody()).isFalse();
                if (answer.getStatusCode().is2xxSuccessful()) {
                    assertThat(body.path("valid").asBoolean(true)).as(name + " → " + answer.getBody()).isFalse();
                } else {
                    assertThat(answer.getStatusCode().is4xxClientError()).as(name + " → " + answer.getStatusCode()).isTrue();
                    assertThat(body.path("error").asText()).as(name + " → " + answer.getBody()).isNotBlank();
                    assertThat(body.path("message").asText()).as(name + " → " + answer.getBody()).isNotBlank();
                }
            }));
        });
        return cases.stream();
    }

    @SafeVarargs
    static Stream<DynamicTest> concat(Stream<DynamicTest>... parts) {
        return Stream.of(parts).flatMap(part -> part);
    }

    ResponseEntity<String> send(String user, HttpMethod method, String path, String body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        if (body != null) {
            headers.setContentType(type);
        }
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, "demo");
        return client.exchange(URI.create(http.getRootUri() + path), method, new HttpEntity<>(body, headers), String.class);
    }

    // ---- subjects ----

    static Map<String, Object> validProposal() {
        return proposal("3000.00", "ELDERLY_CARE", CITY, "SELF");
    }

    String newPurchase() {
        return purchases.create(requirement("10000.00", CATEGORY)).path("code").asText();
    }

    /** Published with {@code deadline}, three bids. */
    String threeBids(String code, String deadline) {
        purchases.publish(code, deadline);
        purchases.bids("provider1", code, "9000.00");
        purchases.bids("provider2", code, "9500.00");
        purchases.bids("provider3", code, "9900.00");
        return code;
    }

    void appoint(String code) {
        ResponseEntity<JsonNode> appointed = purchases.appoint(code, committee(List.of("expert1", "expert2", "expert3"), List.of()));
        assertThat(appointed.getStatusCode()).as(String.valueOf(appointed.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    /** A committee of three experts scores every bid: the award follows. */
    void scoreEverything(String code) {
        appoint(code);
        for (JsonNode bid : purchases.procurement(code).path("bids")) {
            for (String expert : List.of("expert1", "expert2", "expert3")) {
                ResponseEntity<JsonNode> scored = purchases.score(expert, code, bid.path("id").asLong(), 80);
                assertThat(scored.getStatusCode()).as(expert + ": " + scored.getBody()).isEqualTo(HttpStatus.CREATED);
            }
        }
    }

    // ---- small helpers ----

    /** Puts {@code value} at {@code field} ({@code budgetLines[0].amount} reaches into the first line); false if absent. */
    @SuppressWarnings("unchecked")
    static boolean put(Map<String, Object> body, String field, Object value) {
        int bracket = field.indexOf('[');
        if (bracket < 0) {
            body.put(field, value);
            return true;
        }
        String list = field.substring(0, bracket);
        int index = Integer.parseInt(field.substring(bracket + 1, field.indexOf(']')));
        if (!(body.get(list) instanceof List<?> items) || items.size() <= index) {
            return false;
        }
        List<Object> copy = new ArrayList<>(items);
        if (field.endsWith("]")) {
            copy.set(index, value);
        } else {
            Map<String, Object> item = new LinkedHashMap<>((Map<String, Object>) copy.get(index));
            item.put(field.substring(field.indexOf("].") + 2), value);
            copy.set(index, item);
        }
        body.put(list, copy);
        return true;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String text) {
        try {
            return text == null ? JSON.nullNode() : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.nullNode();
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String shorten(String path) {
        return path.length() > 80 ? path.substring(0, 60) + "…(" + path.length() + " chars)" : path;
    }
}

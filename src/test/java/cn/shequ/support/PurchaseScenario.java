package cn.shequ.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Drives purchases of services through the JSON API as the demo users of API.md: the requirement,
 * the notice, bids, the committee and its scores, and what a user reads back. street1 (S01) is the
 * purchaser, F2026-PURCHASE the fund. Every purchase test moves the demo clock into 2026 (the
 * working-day calendar has only 2026) and resets it afterwards; timers then fire as the clock passes
 * them.
 */
public final class PurchaseScenario {

    public static final String PURCHASER = "street1";
    public static final String FUND = "F2026-PURCHASE";
    /** Monday 2026-06-01, 09:00 China Standard Time. */
    public static final String JUNE_1 = "2026-06-01T09:00:00+08:00";

    private final TestRestTemplate http;
    private final ProjectScenario project;

    public PurchaseScenario(TestRestTemplate http) {
        this.http = http;
        this.project = new ProjectScenario(http);
    }

    public Api as(String user) {
        return Api.as(http, user);
    }

    /** A requirement of street1: 12 months, price weight 30%; mutable so a test can break one field. */
    public static Map<String, Object> requirement(String amount, String category) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("title", "金霞街道居家养老上门服务");
        r.put("category", category);
        r.put("amount", amount);
        r.put("fundCode", FUND);
        r.put("termMonths", 12);
        r.put("priceWeight", 30);
        return r;
    }

    /** {@link #requirement(String, String)} paid from {@code fund} (e.g. a test's own, {@link #ownFund}). */
    public static Map<String, Object> requirement(String amount, String category, String fund) {
        Map<String, Object> r = requirement(amount, category);
        r.put("fundCode", fund);
        return r;
    }

    /**
     * A purchasing fund of street S01 that only the calling test spends (¥5,000,000, every category),
     * opened once per application: a test that buys for millions then cannot run the shared
     * F2026-PURCHASE dry for the others, whatever their order. Returns {@code code}.
     */
    public static String ownFund(cn.shequ.fund.FundLedger funds, String code) {
        if (funds.find(code).isEmpty()) {
            funds.open(code, "测试专用购买服务资金 " + code, "区财政预算", 2026, "S01", new java.math.BigDecimal("5000000.00"),
                    List.of(), "system");
        }
        return code;
    }

    /** street1 states the requirement; 201 expected. Returns the answer ({code, method, status, …}). */
    public JsonNode create(Map<String, Object> requirement) {
        ResponseEntity<JsonNode> created = as(PURCHASER).post("/api/procurements", requirement);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return created.getBody();
    }

    public ResponseEntity<JsonNode> notice(String code, String bidDeadline) {
        return as(PURCHASER).post("/api/procurements/" + code + "/notice", Map.of("bidDeadline", bidDeadline));
    }

    /** Publishes the notice; 200 expected. */
    public void publish(String code, String bidDeadline) {
        ResponseEntity<JsonNode> published = notice(code, bidDeadline);
        assertThat(published.getStatusCode()).as(String.valueOf(published.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(published.getBody().path("status").asText()).isEqualTo("BIDDING");
    }

    public ResponseEntity<JsonNode> bid(String provider, String code, String price) {
        return as(provider).post("/api/procurements/" + code + "/bids", Map.of("price", price, "proposal", provider + " 的服务方案：上门助餐、助洁、探访。"));
    }

    /** {@code provider} bids; 201 expected; returns the bid id. */
    public long bids(String provider, String code, String price) {
        ResponseEntity<JsonNode> bid = bid(provider, code, price);
        assertThat(bid.getStatusCode()).as(provider + ": " + bid.getBody()).isEqualTo(HttpStatus.CREATED);
        return bid.getBody().path("id").asLong();
    }

    public static Map<String, Object> committee(List<String> experts, List<String> others) {
        List<Map<String, Object>> members = new java.util.ArrayList<>();
        experts.forEach(e -> members.add(Map.of("userId", e, "expert", true)));
        others.forEach(o -> members.add(Map.of("userId", o, "expert", false)));
        return Map.of("members", members);
    }

    public ResponseEntity<JsonNode> appoint(String code, Map<String, Object> committee) {
        return as(PURCHASER).post("/api/procurements/" + code + "/committee", committee);
    }

    public ResponseEntity<JsonNode> score(String member, String code, long bidId, Object technicalScore) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bidId", bidId);
        body.put("technicalScore", technicalScore);
        return as(member).post("/api/procurements/" + code + "/scores", body);
    }

    /** The procurement as auditor2 (who takes part in none) reads it. */
    public JsonNode procurement(String code) {
        ResponseEntity<JsonNode> read = as("auditor2").get("/api/procurements/" + code);
        assertThat(read.getStatusCode()).as(String.valueOf(read.getBody())).isEqualTo(HttpStatus.OK);
        return read.getBody();
    }

    public String status(String code) {
        return procurement(code).path("status").asText();
    }

    public List<String> openTaskKeys(String code) {
        return ProjectScenario.stream(procurement(code).path("openTasks")).map(t -> t.path("key").asText()).toList();
    }

    /** Waits (timers and jobs run on the job executor) until the procurement satisfies {@code condition}. */
    public JsonNode await(String code, String what, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = procurement(code);
            if (condition.test(last)) {
                return last;
            }
            ProjectScenario.pause();
        }
        throw new AssertionError(code + " did not reach " + what + " within 30 s: " + last);
    }

    public JsonNode awaitStatus(String code, String status) {
        return await(code, status, p -> status.equals(p.path("status").asText()));
    }

    /** The id of the task {@code key} of the procurement in {@code user}'s task list. */
    public String taskId(String user, String code, String key) {
        return ProjectScenario.stream(project.tasks(user))
                .filter(t -> code.equals(t.path("procurementCode").asText()) && key.equals(t.path("key").asText()))
                .map(t -> t.path("id").asText()).findFirst()
                .orElseThrow(() -> new AssertionError(user + " has no task " + key + " of " + code + " in " + project.tasks(user)));
    }

    public ResponseEntity<JsonNode> attempt(String user, String code, String key, Map<String, Object> fields) {
        return as(user).post("/api/tasks/" + taskId(user, code, key) + "/complete", fields);
    }

    public void complete(String user, String code, String key, Map<String, Object> fields) {
        ResponseEntity<JsonNode> done = attempt(user, code, key, fields);
        assertThat(done.getStatusCode()).as(user + " " + key + ": " + done.getBody()).isEqualTo(HttpStatus.OK);
    }

    /** The ledger lines of the purchase fund that name the procurement. */
    public List<JsonNode> ledger(String code) {
        return project.ledger(FUND, code);
    }

    public java.math.BigDecimal available() {
        return project.available(FUND);
    }

    public void moveClock(String now) {
        project.moveClock(now);
    }

    public void resetClock() {
        project.resetClock();
    }

    public ResponseEntity<JsonNode> publicProcurement(String code) {
        return http.exchange("/public/procurements/" + code, HttpMethod.GET, null, JsonNode.class);
    }

    public JsonNode documents(String code) {
        return as("auditor2").get("/api/procurements/" + code + "/documents").getBody();
    }
}

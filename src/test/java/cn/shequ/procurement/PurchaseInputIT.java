package cn.shequ.procurement;

import static cn.shequ.support.PurchaseScenario.JUNE_1;
import static cn.shequ.support.PurchaseScenario.PURCHASER;
import static cn.shequ.support.PurchaseScenario.committee;
import static cn.shequ.support.PurchaseScenario.requirement;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.procurement.PurchaseProcess.Vars;
import cn.shequ.support.PurchaseScenario;
import cn.shequ.support.ShequIT;
import cn.shequ.support.Tasklist;
import cn.shequ.support.TestProviders;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad input to a purchase of services (issue "Bad input"): each is refused with a 4xx whose body
 * names the rule, and nothing is recorded — no procurement, no reservation, no process, no bid, no
 * committee, no score.
 */
@ShequIT
class PurchaseInputIT {

    /** A provider user whose organisation was never certified, and one certified for DISABILITY only. */
    static final String UNCERTIFIED = "provider8";
    static final String DISABILITY_ONLY = "provider9";

    @Autowired
    TestRestTemplate http;

    @Autowired
    TestProviders providers;

    @Autowired
    JdbcTemplate jdbc;

    PurchaseScenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new PurchaseScenario(http);
        scenario.moveClock(JUNE_1);
        providers.provider(UNCERTIFIED, "测试服务社" + UNCERTIFIED, "52440507MJL00098", null, "VOLUNTEER");
        providers.provider(DISABILITY_ONLY, "测试服务社" + DISABILITY_ONLY, "52440507MJL00099", LocalDate.of(2025, 1, 1), "DISABILITY");
    }

    @AfterEach
    void realTime() {
        scenario.resetClock();
    }

    // ---- the requirement ----

    @Test
    void aRequirementThatBreaksARuleIsRefusedNamingItAndNothingIsReservedOrStarted() {
        BigDecimal available = scenario.available();
        long started = processesStarted();
        int listed = listed();

        assertRefused(with("termMonths", 37), HttpStatus.BAD_REQUEST, "termMonths", "102号令第二十四条");
        assertRefused(with("termMonths", 13), HttpStatus.BAD_REQUEST, "termReason", "102号令第二十四条");
        assertRefused(with("priceWeight", 9), HttpStatus.BAD_REQUEST, "priceWeight", "87号令第五十五条");
        assertRefused(with("priceWeight", 31), HttpStatus.BAD_REQUEST, "priceWeight", "87号令第五十五条");
        assertRefused(with("amount", "100.001"), HttpStatus.BAD_REQUEST, "amount", "两位小数");
        assertRefused(with("amount", "0"), HttpStatus.BAD_REQUEST, "amount", "大于零");
        assertRefused(with("category", "ROADS"), HttpStatus.BAD_REQUEST, "category", "102号令");
        assertRefused(with("fundCode", "F-NONE"), HttpStatus.BAD_REQUEST, "fundCode", "F-NONE");
        assertRefused(with("method", "SINGLE_SOURCE"), HttpStatus.BAD_REQUEST, "methodReason", "采购法第二十七");
        assertRefused(with("method", "AUCTION"), HttpStatus.BAD_REQUEST, "method", "AUCTION");
        // ring-fencing (预算法 art. 93): the elderly-care fund cannot pay for volunteering
        ResponseEntity<JsonNode> fenced = scenario.as(PURCHASER).post("/api/procurements", with("fundCode", "F2026-ELDER"));
        assertThat(fenced.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(fenced.getBody().path("error").asText()).isEqualTo("FUND_CATEGORY_NOT_ALLOWED");
        assertThat(fenced.getBody().path("message").asText()).contains("预算法第九十三条");
        // budget first: more than the fund holds
        ResponseEntity<JsonNode> tooMuch = scenario.as(PURCHASER).post("/api/procurements", with("amount", "30000000.00"));
        assertThat(tooMuch.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(tooMuch.getBody().path("error").asText()).isEqualTo("INSUFFICIENT_FUNDS");

        // only state organs purchase (102号令 arts. 5–6)
        for (String user : List.of("committee1", "provider1", "expert1", "finance1")) {
            ResponseEntity<JsonNode> refused = scenario.as(user).post("/api/procurements", requirement("100000.00", "VOLUNTEER"));
            assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody().path("message").asText()).as(user).contains("102号令第五、六条");
        }

        assertThat(scenario.available()).isEqualByComparingTo(available);
        assertThat(processesStarted()).isEqualTo(started);
        assertThat(listed()).isEqualTo(listed);
    }

    @Test
    void aTermOfUpToThreeYearsNeedsAReason() {
        Map<String, Object> r = with("termMonths", 36);
        r.put("termReason", "助老服务内容固定、连续性强，经费来源稳定");
        JsonNode created = scenario.create(r);
        assertThat(scenario.procurement(created.path("code").asText()).path("termMonths").asInt()).isEqualTo(36);
    }

    // ---- the notice ----

    @Test
    void aBidDeadlineShorterThanTheLawAllowsIsRefused() {
        String code = scenario.create(requirement("100000.00", "VOLUNTEER")).path("code").asText();
        assertThat(scenario.procurement(code).path("method").asText()).isEqualTo("SMALL_PURCHASE");

        // 3 working days from Monday 2026-06-01: not before Thursday 2026-06-04
        ResponseEntity<JsonNode> tooShort = scenario.notice(code, "2026-06-03T17:00:00+08:00");
        assertThat(tooShort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooShort.getBody().path("fields").path("bidDeadline").asText()).contains("3 个工作日", "2026-06-04");
        ResponseEntity<JsonNode> garbled = scenario.notice(code, "next friday");
        assertThat(garbled.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(garbled.getBody().path("fields").has("bidDeadline")).isTrue();
        // not the purchaser
        assertThat(scenario.as("street2").post("/api/procurements/" + code + "/notice",
                Map.of("bidDeadline", "2026-06-04T17:00:00+08:00")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        JsonNode unchanged = scenario.procurement(code);
        assertThat(unchanged.path("status").asText()).isEqualTo("AWAITING_NOTICE");
        assertThat(unchanged.has("noticePublishedOn")).isFalse();
        assertThat(scenario.publicProcurement(code).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(scenario.documents(code)).isEmpty();

        scenario.publish(code, "2026-06-04T17:00:00+08:00");
    }

    // ---- bids ----

    @Test
    void badBidsAreRefusedNamingTheRuleAndNoneIsRecorded() {
        String code = scenario.create(requirement("100000.00", "VOLUNTEER")).path("code").asText();
        // not yet published
        assertThat(scenario.bid("provider1", code, "90000.00").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        scenario.publish(code, "2026-06-04T17:00:00+08:00");

        // provider8 was never certified; provider9 does not serve VOLUNTEER
        assertBidRefused(UNCERTIFIED, code, "90000.00", HttpStatus.FORBIDDEN, "尚未通过认证");
        assertBidRefused(DISABILITY_ONLY, code, "90000.00", HttpStatus.FORBIDDEN, "VOLUNTEER");
        assertBidRefused("street1", code, "90000.00", HttpStatus.FORBIDDEN, "承接主体");
        // above the budget (87号令 art. 63)
        ResponseEntity<JsonNode> above = scenario.bid("provider1", code, "100000.01");
        assertThat(above.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(above.getBody().path("fields").path("price").asText()).contains("87号令第六十三条");
        assertThat(scenario.as("provider1").get("/api/procurements/" + code).getBody().path("bidCount").asInt()).isZero();

        scenario.bids("provider1", code, "95000.00");
        // a second bid: one per provider, revised instead
        assertBidRefused("provider1", code, "90000.00", HttpStatus.CONFLICT, "/bids/mine");
        ResponseEntity<JsonNode> revisedAbove = scenario.as("provider1").put("/api/procurements/" + code + "/bids/mine",
                Map.of("price", "100000.01", "proposal", "方案"));
        assertThat(revisedAbove.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> noBid = scenario.as("provider2").put("/api/procurements/" + code + "/bids/mine",
                Map.of("price", "90000.00", "proposal", "方案"));
        assertThat(noBid.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // after the deadline: neither a bid nor a revision
        scenario.moveClock("2026-06-04T17:00:00+08:00");
        assertBidRefused("provider2", code, "90000.00", HttpStatus.CONFLICT, "87号令第三十三条");
        ResponseEntity<JsonNode> lateRevision = scenario.as("provider1").put("/api/procurements/" + code + "/bids/mine",
                Map.of("price", "80000.00", "proposal", "方案"));
        assertThat(lateRevision.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        JsonNode opened = scenario.procurement(code);
        assertThat(opened.path("bidCount").asInt()).isEqualTo(1);
        assertThat(opened.path("bids").get(0).path("price").asText()).isEqualTo("95000.00");
        JsonNode timeline = scenario.as("auditor1").get("/api/audit/procurements/" + code + "/timeline").getBody();
        assertThat(PurchaseScenarioStreams.actions(timeline)).contains("BID_SUBMITTED", "RULE_REFUSED")
                .doesNotContain("BID_REVISED");
    }

    @Test
    void aProviderWhoseCertificationExpiredCannotBid() {
        String code = scenario.create(requirement("100000.00", "VOLUNTEER")).path("code").asText();
        scenario.publish(code, "2026-06-04T17:00:00+08:00");

        // the demo's provider4: its three-year certification ran out (status EXPIRED)
        assertBidRefused("provider4", code, "90000.00", HttpStatus.FORBIDDEN, "到期");
        assertThat(scenario.as("provider4").get("/api/procurements/" + code).getBody().path("bidCount").asInt()).isZero();
        JsonNode timeline = scenario.as("auditor1").get("/api/audit/procurements/" + code + "/timeline").getBody();
        assertThat(PurchaseScenarioStreams.actions(timeline)).contains("RULE_REFUSED").doesNotContain("BID_SUBMITTED");
    }

    // ---- committee and scores ----

    @Test
    void aCommitteeAgainstTheLawAndScoresOutOfRangeAreRefused() {
        String code = scenario.create(requirement("100000.00", "VOLUNTEER")).path("code").asText();
        scenario.publish(code, "2026-06-04T17:00:00+08:00");
        long bid1 = scenario.bids("provider1", code, "90000.00");
        scenario.bids("provider2", code, "95000.00");
        scenario.bids("provider3", code, "99000.00");
        scenario.moveClock("2026-06-04T17:00:01+08:00");
        scenario.awaitStatus(code, "AWAITING_COMMITTEE");

        assertCommitteeRefused(code, committee(List.of("expert1", "expert2", "expert3", "expert4"), List.of()), "单数");
        assertCommitteeRefused(code, committee(List.of("expert1"), List.of()), "至少 3 人");
        assertCommitteeRefused(code, committee(List.of("expert1"), List.of("street2", "finance2")), "三分之二");
        assertCommitteeRefused(code, committee(List.of("expert1", "expert2"), List.of(PURCHASER)), "采购法第十二条");
        assertCommitteeRefused(code, committee(List.of("expert1", "expert2", "provider1"), List.of()), "评审专家");
        assertCommitteeRefused(code, committee(List.of("expert1", "expert2"), List.of("provider1")), "利害关系");
        assertCommitteeRefused(code, committee(List.of("expert1", "expert2", "nobody"), List.of()), "nobody");
        assertThat(scenario.procurement(code).path("committee")).isEmpty();
        assertThat(scenario.status(code)).isEqualTo("AWAITING_COMMITTEE");

        // three members, two of them experts: 2/3 is enough
        ResponseEntity<JsonNode> appointed = scenario.appoint(code, committee(List.of("expert1", "expert2"), List.of("street2")));
        assertThat(appointed.getStatusCode()).as(String.valueOf(appointed.getBody())).isEqualTo(HttpStatus.CREATED);

        for (Object wrong : List.of(101, -1, "100.001")) {
            ResponseEntity<JsonNode> out = scenario.score("expert1", code, bid1, wrong);
            assertThat(out.getStatusCode()).as(String.valueOf(wrong)).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(out.getBody().path("fields").path("technicalScore").asText()).contains("0 到 100");
        }
        assertThat(scenario.score("expert3", code, bid1, 80).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(scenario.score("provider1", code, bid1, 100).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // a member scores a bid once (201) and may revise it while others are still scoring (200)
        assertThat(scenario.score("expert1", code, bid1, 100).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> revised = scenario.score("expert1", code, bid1, 85.5);
        assertThat(revised.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revised.getBody().path("revised").asBoolean()).isTrue();
        assertThat(scenario.openTaskKeys(code)).hasSize(8);

        // through /engine-rest a member cannot complete another member's task at all, nor score as another member
        // in their own: who scores in a task is the process's to say (and is recorded when the engine creates it)
        String ofExpert2 = scenario.taskId("expert2", code, Tasks.SCORE_BID);
        ResponseEntity<JsonNode> othersTask = Tasklist.as(http, "expert1").post("/task/" + ofExpert2 + "/complete",
                Map.of("variables", Map.of("technicalScore", Map.of("value", 99))));
        assertThat(othersTask.getStatusCode()).as(String.valueOf(othersTask.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        String ofExpert1 = scenario.taskId("expert1", code, Tasks.SCORE_BID);
        ResponseEntity<JsonNode> spoofed = Tasklist.as(http, "expert1").post("/task/" + ofExpert1 + "/complete",
                Map.of("variables", Map.of(Vars.MEMBER, Map.of("value", "expert2"), "technicalScore", Map.of("value", 99))));
        assertThat(spoofed.getStatusCode()).as(String.valueOf(spoofed.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(spoofed.getBody().path("fields").path("member").asText()).contains("由流程设置");
        assertThat(scenario.openTaskKeys(code)).hasSize(8);
        assertThat(scenario.as("expert2").get("/api/procurements/" + code).getBody().path("openTasks")).hasSize(3);
    }

    private void assertRefused(Map<String, Object> body, HttpStatus status, String field, String rule) {
        ResponseEntity<JsonNode> refused = scenario.as(PURCHASER).post("/api/procurements", body);
        assertThat(refused.getStatusCode()).as(body + " → " + refused.getBody()).isEqualTo(status);
        assertThat(refused.getBody().path("fields").path(field).asText()).as(String.valueOf(refused.getBody())).contains(rule);
    }

    private void assertBidRefused(String provider, String code, String price, HttpStatus status, String rule) {
        ResponseEntity<JsonNode> refused = scenario.bid(provider, code, price);
        assertThat(refused.getStatusCode()).as(provider + " → " + refused.getBody()).isEqualTo(status);
        assertThat(refused.getBody().path("message").asText()).as(provider).contains(rule);
    }

    private void assertCommitteeRefused(String code, Map<String, Object> committee, String rule) {
        ResponseEntity<JsonNode> refused = scenario.appoint(code, committee);
        assertThat(refused.getStatusCode()).as(committee + " → " + refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("fields").path("members").asText()).as(String.valueOf(committee)).contains(rule);
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> r = requirement("100000.00", "VOLUNTEER");
        r.put(field, value);
        return r;
    }

    private long processesStarted() {
        return scenario.as("admin").get("/engine-rest/history/process-instance/count?processDefinitionKey=purchase-of-service")
                .getBody().path("count").asLong();
    }

    private int listed() {
        return scenario.as("auditor2").get("/api/procurements").getBody().size();
    }

    /** Action names of an audit timeline. */
    static final class PurchaseScenarioStreams {
        static List<String> actions(JsonNode timeline) {
            return cn.shequ.support.ProjectScenario.stream(timeline).map(e -> e.path("action").asText()).toList();
        }
    }
}

package cn.shequ.procurement;

import static cn.shequ.support.PurchaseScenario.JUNE_1;
import static cn.shequ.support.PurchaseScenario.PURCHASER;
import static cn.shequ.support.PurchaseScenario.committee;
import static cn.shequ.support.PurchaseScenario.requirement;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.PurchaseScenario;
import cn.shequ.support.ShequIT;
import cn.shequ.support.TestProviders;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The competitive consultation and the small purchase from requirement to the first payment,
 * through the JSON API as the users would: notice, three bids, a committee of three, scores,
 * ranking and award, a challenge period without challenge, the contract, and the first milestone
 * paid from the fund.
 *
 * <p>Purchases of one category by street1 count together against the thresholds (采购法 art. 28),
 * and the demo providers serve only categories other tests already buy. So these tests buy
 * EMPLOYMENT and RELIEF, which no other test buys, from three providers of their own certified for
 * just those two: whatever the order of the tests, neither changes another's method.
 */
@ShequIT
class PurchaseMethodsIT {

    /** Three providers certified (2025-01-01, three years) for EMPLOYMENT and RELIEF only. */
    static final List<String> BIDDERS = List.of("provider5", "provider6", "provider7");

    @Autowired
    TestRestTemplate http;

    @Autowired
    TestProviders providers;

    PurchaseScenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new PurchaseScenario(http);
        scenario.moveClock(JUNE_1);
        providers.certifiedBidders("EMPLOYMENT,RELIEF",
                new TestProviders.Bidder("provider5", "汕头市龙湖区就业援助服务中心", "52440507MJL00095"),
                new TestProviders.Bidder("provider6", "汕头市龙湖区社区救助服务社", "52440507MJL00096"),
                new TestProviders.Bidder("provider7", "汕头市金霞社会工作服务中心", "52440507MJL00097"));
    }

    @AfterEach
    void realTime() {
        scenario.resetClock();
    }

    @Test
    void aCompetitiveConsultationRunsToItsFirstPaymentWithACommitteeOfThree() {
        BigDecimal available = scenario.available();

        // ¥1,500,000 of employment services: from ¥1,000,000 to below ¥2,000,000 (国办发〔2019〕55号)
        JsonNode created = scenario.create(requirement("1500000.00", "EMPLOYMENT"));
        String code = created.path("code").asText();
        assertThat(created.path("method").asText()).isEqualTo("COMPETITIVE_CONSULTATION");
        assertThat(created.path("countedAmount").asText()).isEqualTo("1500000.00");
        assertThat(created.path("needsFinanceApproval").asBoolean()).isFalse();
        assertThat(created.path("status").asText()).isEqualTo("AWAITING_NOTICE");
        assertThat(scenario.openTaskKeys(code)).containsExactly(Tasks.PUBLISH_NOTICE);
        assertThat(scenario.available()).isEqualByComparingTo(available.subtract(new BigDecimal("1500000.00")));

        // exactly 10 days from Monday 2026-06-01 (财库〔2014〕214号; 9 days is refused in PurchasePathsIT)
        scenario.publish(code, "2026-06-11T17:00:00+08:00");
        assertThat(scenario.publicProcurement(code).getBody().path("method").asText()).isEqualTo("COMPETITIVE_CONSULTATION");
        long bid5 = scenario.bids("provider5", code, "1350000.00");
        long bid6 = scenario.bids("provider6", code, "1200000.00");
        long bid7 = scenario.bids("provider7", code, "1440000.00");

        scenario.moveClock("2026-06-11T17:00:01+08:00");
        JsonNode opened = scenario.awaitStatus(code, "AWAITING_COMMITTEE");
        assertThat(opened.path("bids")).extracting(b -> b.path("qualified").asBoolean()).containsExactly(true, true, true);
        assertThat(scenario.openTaskKeys(code)).containsExactly(Tasks.FORM_COMMITTEE);

        // three members is enough outside an open tender, but two of them must be experts (87号令 art. 47)
        ResponseEntity<JsonNode> oneExpert = scenario.appoint(code, committee(List.of("expert1"), List.of("street2", "finance2")));
        assertThat(oneExpert.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(oneExpert.getBody().path("fields").path("members").asText()).contains("三分之二");
        assertThat(scenario.status(code)).isEqualTo("AWAITING_COMMITTEE");
        assertThat(scenario.procurement(code).path("committee")).isEmpty();
        ResponseEntity<JsonNode> appointed = scenario.appoint(code, committee(List.of("expert1", "expert2"), List.of("street2")));
        assertThat(appointed.getStatusCode()).as(String.valueOf(appointed.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(scenario.status(code)).isEqualTo("EVALUATING");
        assertThat(scenario.openTaskKeys(code)).hasSize(9).containsOnly(Tasks.SCORE_BID);

        // provider6 is cheapest; provider7, the dearest, has the best proposal
        score(code, List.of("expert1", "expert2", "street2"), Map.of(
                bid5, List.of(86, 88, 90),
                bid6, List.of(70, 72, 74),
                bid7, List.of(91, 93, 95)));
        JsonNode awarded = scenario.awaitStatus(code, "CHALLENGE_PERIOD");
        // price scores: 1,200,000 / price × 100 → 88.89, 100.00, 83.33
        // totals: 83.33×0.3 + 93×0.7 = 90.10; 88.89×0.3 + 88×0.7 = 88.27; 100×0.3 + 72×0.7 = 80.40
        assertThat(awarded.path("ranking")).extracting(r -> r.path("bidId").asLong()).containsExactly(bid7, bid5, bid6);
        assertThat(awarded.path("ranking")).extracting(r -> r.path("priceScore").asText())
                .containsExactly("83.33", "88.89", "100.00");
        assertThat(awarded.path("ranking")).extracting(r -> r.path("total").asText()).containsExactly("90.10", "88.27", "80.40");
        assertThat(awarded.path("award").path("bidId").asLong()).isEqualTo(bid7);
        assertThat(awarded.path("award").path("noticeOn").asText()).isEqualTo("2026-06-11");
        // the result notice period is Friday 06-12 (87号令 art. 69); 7 working days from its end (条例 art. 53(三)),
        // the Dragon Boat holiday (06-19 to 06-21) not counted
        assertThat(awarded.path("challengeDeadline").asText()).startsWith("2026-06-24T23:59:59");

        // nobody challenges: the period ends and the contract is due
        scenario.moveClock("2026-06-25T09:00:00+08:00");
        JsonNode unchallenged = scenario.awaitStatus(code, "AWAITING_CONTRACT");
        assertThat(unchallenged.path("challenges")).isEmpty();
        assertThat(unchallenged.path("award").path("bidId").asLong()).isEqualTo(bid7);
        // 30 days after the award notice (采购法 art. 46): Saturday 11 July, so to the end of Monday 13 July (民法典 art. 203)
        assertThat(unchallenged.path("openTasks").get(0).path("due").asText()).startsWith("2026-07-13T23:59:59");

        JsonNode contract = signAndPublish(code, "144000.00");
        assertThat(contract.path("amount").asText()).isEqualTo("1440000.00");
        assertThat(contract.path("signedLate").asBoolean()).isFalse();
        assertThat(contract.path("publishedLate").asBoolean()).isFalse();
        // 2 working days after Thursday 2026-06-25 (条例 art. 50)
        assertThat(contract.path("publishDue").asText()).isEqualTo("2026-06-29");
        assertThat(contract.path("milestones")).extracting(m -> m.path("amount").asText())
                .containsExactly("432000.00", "576000.00", "432000.00");

        payFirstMilestone(code, "provider7");
        JsonNode paid = scenario.procurement(code);
        assertThat(paid.path("disbursed").asText()).isEqualTo("432000.00");
        assertThat(paid.path("reserved").asText()).isEqualTo("1500000.00");
        assertThat(paid.path("contract").path("milestones").get(1).path("status").asText()).isNotEqualTo("PAID");
        assertThat(paid.path("openTasks")).extracting(t -> t.path("key").asText()).containsExactly(Tasks.REPORT_MILESTONE);
        assertThat(paid.path("openTasks").get(0).path("assignee").asText()).isEqualTo("provider7");
        List<JsonNode> ledger = scenario.ledger(code);
        assertThat(ledger).extracting(e -> e.path("type").asText()).containsExactly("RESERVE", "DISBURSE");
        assertThat(ledger.get(1).path("amount").asText()).isEqualTo("432000.00");
        assertThat(ledger.get(1).path("milestoneSeq").asInt()).isEqualTo(1);
        assertThat(ProjectScenario.stream(scenario.documents(code)).map(d -> d.path("type").asText()).toList())
                .containsExactly("PROCUREMENT_NOTICE", "AWARD_NOTICE", "CONTRACT", "PAYMENT_VOUCHER");

        // the path not taken: no finance approval of the method, no failure, no challenge
        assertThat(completedTaskKeys(code)).containsExactly(Tasks.PUBLISH_NOTICE, Tasks.FORM_COMMITTEE, Tasks.SCORE_BID, Tasks.SIGN_CONTRACT,
                Tasks.PUBLISH_CONTRACT, Tasks.REPORT_MILESTONE, Tasks.ACCEPT_MILESTONE, Tasks.APPROVE_PAYMENT);
        assertThat(scenario.procurement(code).path("method").asText()).isEqualTo("COMPETITIVE_CONSULTATION");
    }

    @Test
    void aSmallPurchaseTakesThreeWorkingDaysOfBidsAndTheCheaperOfTwoEqualScoresWins() {
        // Wednesday 2026-06-17, the week of the Dragon Boat holiday (06-19 to 06-21)
        scenario.moveClock("2026-06-17T09:00:00+08:00");
        BigDecimal available = scenario.available();

        // ¥750,000 of community relief: below ¥1,000,000, a small purchase (国办发〔2019〕55号)
        JsonNode created = scenario.create(requirement("750000.00", "RELIEF"));
        String code = created.path("code").asText();
        assertThat(created.path("method").asText()).isEqualTo("SMALL_PURCHASE");
        assertThat(created.path("countedAmount").asText()).isEqualTo("750000.00");
        assertThat(created.path("needsFinanceApproval").asBoolean()).isFalse();
        assertThat(created.path("status").asText()).isEqualTo("AWAITING_NOTICE");
        assertThat(scenario.openTaskKeys(code)).containsExactly(Tasks.PUBLISH_NOTICE);
        assertThat(scenario.available()).isEqualByComparingTo(available.subtract(new BigDecimal("750000.00")));

        // 3 working days (参照询价, 第74号令 art. 45): Thursday 06-18, Monday 06-22, Tuesday 06-23
        ResponseEntity<JsonNode> overTheHoliday = scenario.notice(code, "2026-06-22T17:00:00+08:00");
        assertThat(overTheHoliday.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(overTheHoliday.getBody().path("fields").path("bidDeadline").asText()).contains("3 个工作日", "2026-06-23");
        assertThat(scenario.status(code)).isEqualTo("AWAITING_NOTICE");
        // six calendar days: far short of a consultation's 10, enough for a small purchase
        scenario.publish(code, "2026-06-23T17:00:00+08:00");
        assertThat(scenario.publicProcurement(code).getBody().path("method").asText()).isEqualTo("SMALL_PURCHASE");
        // provider6 bids first; provider5, cheaper, later
        long bid6 = scenario.bids("provider6", code, "700000.00");
        long bid5 = scenario.bids("provider5", code, "602000.00");
        long bid7 = scenario.bids("provider7", code, "720000.00");

        scenario.moveClock("2026-06-23T17:00:01+08:00");
        scenario.awaitStatus(code, "AWAITING_COMMITTEE");
        ResponseEntity<JsonNode> appointed = scenario.appoint(code, committee(List.of("expert3", "expert4", "expert5"), List.of()));
        assertThat(appointed.getStatusCode()).as(String.valueOf(appointed.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(scenario.openTaskKeys(code)).hasSize(9).containsOnly(Tasks.SCORE_BID);

        score(code, List.of("expert3", "expert4", "expert5"), Map.of(
                bid6, List.of(84, 86, 88),
                bid5, List.of(78, 80, 82),
                bid7, List.of(68, 70, 72)));
        JsonNode awarded = scenario.awaitStatus(code, "CHALLENGE_PERIOD");
        // price scores: 602,000 / price × 100 → 86.00, 100.00, 83.61
        // totals: 86×0.3 + 86×0.7 = 86.00 and 100×0.3 + 80×0.7 = 86.00, equal: the lower price ranks
        // higher (87号令 art. 65), although provider6 bid first; then 83.61×0.3 + 70×0.7 = 74.08
        assertThat(awarded.path("ranking")).extracting(r -> r.path("bidId").asLong()).containsExactly(bid5, bid6, bid7);
        assertThat(awarded.path("ranking")).extracting(r -> r.path("total").asText()).containsExactly("86.00", "86.00", "74.08");
        assertThat(awarded.path("award").path("bidId").asLong()).isEqualTo(bid5);
        // the result notice period is Wednesday 06-24, then 7 working days
        assertThat(awarded.path("challengeDeadline").asText()).startsWith("2026-07-03T23:59:59");

        scenario.moveClock("2026-07-04T09:00:00+08:00");
        JsonNode unchallenged = scenario.awaitStatus(code, "AWAITING_CONTRACT");
        assertThat(unchallenged.path("challenges")).isEmpty();

        JsonNode contract = signAndPublish(code, "60200.00");
        assertThat(contract.path("amount").asText()).isEqualTo("602000.00");
        // 2 working days after Saturday 2026-07-04: Monday 6 and Tuesday 7 July
        assertThat(contract.path("publishDue").asText()).isEqualTo("2026-07-07");
        assertThat(contract.path("milestones")).extracting(m -> m.path("amount").asText())
                .containsExactly("180600.00", "240800.00", "180600.00");

        payFirstMilestone(code, "provider5");
        assertThat(scenario.procurement(code).path("disbursed").asText()).isEqualTo("180600.00");
        List<JsonNode> ledger = scenario.ledger(code);
        assertThat(ledger).extracting(e -> e.path("type").asText()).containsExactly("RESERVE", "DISBURSE");
        assertThat(ledger.get(1).path("amount").asText()).isEqualTo("180600.00");

        // the path not taken: no finance approval of the method, no failure, no challenge
        assertThat(completedTaskKeys(code)).containsExactly(Tasks.PUBLISH_NOTICE, Tasks.FORM_COMMITTEE, Tasks.SCORE_BID, Tasks.SIGN_CONTRACT,
                Tasks.PUBLISH_CONTRACT, Tasks.REPORT_MILESTONE, Tasks.ACCEPT_MILESTONE, Tasks.APPROVE_PAYMENT);
        assertThat(scenario.procurement(code).path("method").asText()).isEqualTo("SMALL_PURCHASE");
    }

    /** Each member scores each bid: {@code technical} gives, per bid, the scores in the order of {@code members}. */
    private void score(String code, List<String> members, Map<Long, List<Integer>> technical) {
        for (int i = 0; i < members.size(); i++) {
            String member = members.get(i);
            int m = i;
            technical.forEach((bid, scores) -> {
                ResponseEntity<JsonNode> scored = scenario.score(member, code, bid, scores.get(m));
                assertThat(scored.getStatusCode()).as(member + ": " + scored.getBody()).isEqualTo(HttpStatus.CREATED);
            });
        }
    }

    /** street1 signs today with the default milestones 30/40/30 and publishes at once; returns the contract. */
    private JsonNode signAndPublish(String code, String performanceBond) {
        ResponseEntity<JsonNode> signed = scenario.as(PURCHASER).post("/api/procurements/" + code + "/contract",
                Map.of("performanceBond", performanceBond));
        assertThat(signed.getStatusCode()).as(String.valueOf(signed.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(signed.getBody().path("status").asText()).isEqualTo("AWAITING_CONTRACT_PUBLICATION");
        ResponseEntity<JsonNode> published = scenario.as(PURCHASER).post("/api/procurements/" + code + "/contract/publish", null);
        assertThat(published.getStatusCode()).as(String.valueOf(published.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(published.getBody().path("status").asText()).isEqualTo("IN_DELIVERY");
        assertThat(scenario.publicProcurement(code).getBody().path("contract").path("code").asText()).matches("CT-2026-\\d{4}");
        return published.getBody().path("contract");
    }

    /** The supplier reports the first milestone, street1 accepts it with the people served, finance1 pays. */
    private void payFirstMilestone(String code, String supplier) {
        assertThat(scenario.openTaskKeys(code)).containsExactly(Tasks.REPORT_MILESTONE);
        scenario.complete(supplier, code, Tasks.REPORT_MILESTONE, Map.of("summary", "第一期服务完成", "evidence", "服务记录"));
        scenario.complete(PURCHASER, code, Tasks.ACCEPT_MILESTONE, Map.of("decision", "APPROVE", "servedParticipants", 20));
        scenario.complete("finance1", code, Tasks.APPROVE_PAYMENT, Map.of("decision", "APPROVE"));
        scenario.await(code, "milestone 1 paid",
                p -> "PAID".equals(p.path("contract").path("milestones").get(0).path("status").asText()));
    }

    /** The task keys completed on the procurement, in order, each once, from the audit timeline. */
    private List<String> completedTaskKeys(String code) {
        JsonNode timeline = scenario.as("auditor1").get("/api/audit/procurements/" + code + "/timeline").getBody();
        return ProjectScenario.stream(timeline).filter(e -> "TASK_COMPLETED".equals(e.path("action").asText()))
                .map(e -> e.path("taskKey").asText()).distinct().toList();
    }

    /** A provider user as the registry leaves a certified one, unless it exists already (the context is shared). */
}

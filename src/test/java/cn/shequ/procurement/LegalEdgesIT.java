package cn.shequ.procurement;

import static cn.shequ.support.PurchaseScenario.JUNE_1;
import static cn.shequ.support.PurchaseScenario.PURCHASER;
import static cn.shequ.support.PurchaseScenario.committee;
import static cn.shequ.support.PurchaseScenario.requirement;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.support.ProjectScenario;
import cn.shequ.support.PurchaseScenario;
import cn.shequ.support.ShequIT;
import cn.shequ.support.TestProviders;
import com.fasterxml.jackson.databind.JsonNode;
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
 * Purchases of services at the legal edges of DOMAIN-RULES: the method threshold reached exactly by
 * purchases counted together, who may sit on an evaluation committee besides the experts, and the
 * 30 days to sign a contract when the 30th day is a public holiday. The categories here (SAFETY,
 * INFORMATIZATION, FAMILY_PLANNING) are bought by no other test, so the counted amounts are this
 * class's own; three providers of its own serve them.
 */
@ShequIT
class LegalEdgesIT {

    static final List<String> BIDDERS = List.of("provider20", "provider21", "provider22");

    @Autowired
    TestRestTemplate http;

    @Autowired
    TestProviders providers;

    PurchaseScenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new PurchaseScenario(http);
        scenario.moveClock(JUNE_1);
        providers.certifiedBidders("SAFETY,INFORMATIZATION,FAMILY_PLANNING",
                new TestProviders.Bidder("provider20", "汕头市龙湖区平安社区服务中心", "52440507MJL00120"),
                new TestProviders.Bidder("provider21", "汕头市金霞智慧社区服务社", "52440507MJL00121"),
                new TestProviders.Bidder("provider22", "汕头市龙湖区家庭服务中心", "52440507MJL00122"));
    }

    @AfterEach
    void realTime() {
        scenario.resetClock();
    }

    // ---- 采购法 art. 28; 条例 art. 28: one purchaser's purchases of a category in a fiscal year count together ----

    @Test
    void theSamePurchasersPurchasesOfACategoryReachTheConsultationThresholdAtExactlyOneMillion() {
        JsonNode first = scenario.create(requirement("600000.00", "FAMILY_PLANNING"));
        assertThat(first.path("method").asText()).isEqualTo("SMALL_PURCHASE");

        JsonNode justBelow = scenario.create(requirement("399999.99", "FAMILY_PLANNING"));
        assertThat(justBelow.path("countedAmount").asText()).isEqualTo("999999.99");
        assertThat(justBelow.path("method").asText()).isEqualTo("SMALL_PURCHASE");

        // one fen more and the purchaser has bought 1,000,000.00 of the category this year: no longer a small purchase
        JsonNode atThreshold = scenario.create(requirement("0.01", "FAMILY_PLANNING"));
        assertThat(atThreshold.path("countedAmount").asText()).isEqualTo("1000000.00");
        assertThat(atThreshold.path("method").asText()).isEqualTo("COMPETITIVE_CONSULTATION");
    }

    // ---- 87号令 art. 47; 采购法 arts. 38, 40: the committee is the purchaser's representatives and experts ----

    @Test
    void aCommitteeMemberWhoIsNoExpertMustRepresentThePurchaserAndAnAuditorSitsOnNoCommittee() {
        String code = awaitingCommittee("200000.00", "INFORMATIZATION", "2026-06-01", "2026-06-04T17:00:00+08:00",
                "2026-06-04T17:00:01+08:00");

        // an auditor changes nothing but their audit tasks (DOMAIN-RULES "Segregation of duties")
        assertCommitteeRefused(code, committee(List.of("expert1", "expert2"), List.of("auditor1")), "auditor1");
        // finance, the residents' committee and an expert not counted as one are not the purchaser's representatives
        assertCommitteeRefused(code, committee(List.of("expert1", "expert2"), List.of("finance2")), "87号令第四十七条");
        assertCommitteeRefused(code, committee(List.of("expert1", "expert2"), List.of("committee1")), "87号令第四十七条");
        assertCommitteeRefused(code, committee(List.of("expert1", "expert2"), List.of("expert3")), "87号令第四十七条");
        assertThat(scenario.as("auditor1").get("/api/tasks").getBody().findValuesAsText("key")).doesNotContain("score-bid");

        // another member of the purchasing street office represents the purchaser
        ResponseEntity<JsonNode> appointed = scenario.appoint(code, committee(List.of("expert1", "expert2"), List.of("street2")));
        assertThat(appointed.getStatusCode()).as(String.valueOf(appointed.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(appointed.getBody().path("status").asText()).isEqualTo("EVALUATING");
        assertThat(appointed.getBody().path("committee")).extracting(m -> m.path("userId").asText() + ":" + m.path("expert").asBoolean())
                .containsExactly("expert1:true", "expert2:true", "street2:false");
    }

    // ---- 采购法 art. 46 with 民法典 arts. 201, 203: 30 days to sign, a last day on a holiday moves to the next working day ----

    @Test
    void aContractWhoseThirtiethDayFallsInTheNationalDayHolidayIsDueOnTheFirstWorkingDayAfterIt() {
        // notice Wednesday 26 August; the award notice on Tuesday 1 September 2026
        String code = awaitingCommittee("300000.00", "SAFETY", "2026-08-26", "2026-08-31T17:00:00+08:00",
                "2026-09-01T09:00:00+08:00");
        ResponseEntity<JsonNode> appointed = scenario.appoint(code, committee(List.of("expert1", "expert2", "expert3"), List.of()));
        assertThat(appointed.getStatusCode()).as(String.valueOf(appointed.getBody())).isEqualTo(HttpStatus.CREATED);
        for (String expert : List.of("expert1", "expert2", "expert3")) {
            for (JsonNode bid : scenario.procurement(code).path("bids")) {
                ResponseEntity<JsonNode> scored = scenario.score(expert, code, bid.path("id").asLong(), 80);
                assertThat(scored.getStatusCode()).as(expert + ": " + scored.getBody()).isEqualTo(HttpStatus.CREATED);
            }
        }
        JsonNode awarded = scenario.awaitStatus(code, "CHALLENGE_PERIOD");
        assertThat(awarded.path("award").path("noticeOn").asText()).isEqualTo("2026-09-01");
        // the result notice period is Wednesday 2 September (87号令 art. 69), then 7 working days: Friday 11 September
        assertThat(awarded.path("challengeDeadline").asText()).startsWith("2026-09-11T23:59:59");

        // the 30th day is 1 October, the first day of the National Day holiday (1–7 October): the period
        // runs to the end of Thursday 8 October
        scenario.moveClock("2026-09-12T09:00:00+08:00");
        JsonNode awaiting = scenario.awaitStatus(code, "AWAITING_CONTRACT");
        assertThat(awaiting.path("openTasks")).hasSize(1);
        assertThat(awaiting.path("openTasks").get(0).path("key").asText()).isEqualTo("sign-contract");
        assertThat(awaiting.path("openTasks").get(0).path("due").asText()).startsWith("2026-10-08T23:59:59");

        // on Friday 9 October the period is over: the task is escalated
        scenario.moveClock("2026-10-09T09:00:00+08:00");
        scenario.await(code, "sign-contract escalated",
                p -> p.path("openTasks").size() == 1 && p.path("openTasks").get(0).path("escalated").asBoolean());

        // a contract signed on 8 October was signed in time, and no auditor is told otherwise
        ResponseEntity<JsonNode> signed = scenario.as(PURCHASER).post("/api/procurements/" + code + "/contract",
                Map.of("signedOn", "2026-10-08"));
        assertThat(signed.getStatusCode()).as(String.valueOf(signed.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(signed.getBody().path("contract").path("signedOn").asText()).isEqualTo("2026-10-08");
        assertThat(signed.getBody().path("contract").path("signedLate").asBoolean()).isFalse();
        JsonNode anomalies = scenario.as("auditor1").get("/api/audit/anomalies?subject=" + code).getBody();
        assertThat(ProjectScenario.stream(anomalies).map(a -> a.path("rule").asText()).toList())
                .doesNotContain("CONTRACT_SIGNED_LATE");
    }

    // ---- helpers ----

    /**
     * A small purchase by street1 of {@code category}: the notice published on {@code noticeOn} with the
     * bid deadline {@code bidDeadline}, a bid of each of this class's providers, then the clock moved
     * to {@code afterDeadline}: the committee is to be appointed.
     */
    private String awaitingCommittee(String amount, String category, String noticeOn, String bidDeadline, String afterDeadline) {
        scenario.moveClock(noticeOn + "T09:00:00+08:00");
        JsonNode created = scenario.create(requirement(amount, category));
        assertThat(created.path("method").asText()).isEqualTo("SMALL_PURCHASE");
        String code = created.path("code").asText();
        scenario.publish(code, bidDeadline);
        java.math.BigDecimal budget = new java.math.BigDecimal(amount);
        String[] shares = {"0.90", "0.80", "0.96"};
        for (int i = 0; i < BIDDERS.size(); i++) {
            scenario.bids(BIDDERS.get(i), code, budget.multiply(new java.math.BigDecimal(shares[i])).setScale(2).toPlainString());
        }
        scenario.moveClock(afterDeadline);
        scenario.awaitStatus(code, "AWAITING_COMMITTEE");
        return code;
    }

    private void assertCommitteeRefused(String code, Map<String, Object> committee, String named) {
        ResponseEntity<JsonNode> refused = scenario.appoint(code, committee);
        assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("fields").path("members").asText()).as(String.valueOf(committee)).contains(named);
        JsonNode after = scenario.procurement(code);
        assertThat(after.path("status").asText()).isEqualTo("AWAITING_COMMITTEE");
        assertThat(after.path("committee")).isEmpty();
        assertThat(scenario.openTaskKeys(code)).containsExactly("form-committee");
    }
}

package cn.shequ.procurement;

import static cn.shequ.support.PurchaseScenario.JUNE_1;
import static cn.shequ.support.PurchaseScenario.PURCHASER;
import static cn.shequ.support.PurchaseScenario.committee;
import static cn.shequ.support.PurchaseScenario.requirement;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.fund.FundLedger;
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

    @Autowired
    FundLedger funds;

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
        assertThat(scenario.as("auditor1").get("/api/tasks").getBody().findValuesAsText("key")).doesNotContain(Tasks.SCORE_BID);

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
        assertThat(awaiting.path("openTasks").get(0).path("key").asText()).isEqualTo(Tasks.SIGN_CONTRACT);
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

    // ---- 采购法 art. 52; 条例 art. 53(三); 87号令 art. 69: 7 working days from the end of the 1-working-day notice period ----

    @Test
    void anAwardAnnouncedOn22SeptemberCanBeChallengedOnTheMakeUpSaturday10OctoberAndNotOnThe11th() {
        // notice Wednesday 16 September; 3 working days of bids (Sunday 20 September is a make-up working day)
        String code = awaitingCommittee("200000.00", "INFORMATIZATION", "2026-09-16", "2026-09-21T17:00:00+08:00",
                "2026-09-22T09:00:00+08:00");
        scoreAll(code);
        JsonNode awarded = scenario.awaitStatus(code, "CHALLENGE_PERIOD");
        assertThat(awarded.path("award").path("noticeOn").asText()).isEqualTo("2026-09-22");
        assertThat(awarded.path("challengeDeadline").asText()).startsWith("2026-10-10T23:59:59");
        assertThat(scenario.publicProcurement(code).getBody().path("challengeDeadline").asText()).startsWith("2026-10-10T23:59:59");

        // Saturday 10 October, a make-up working day, late in the evening: still in time
        scenario.moveClock("2026-10-10T22:00:00+08:00");
        ResponseEntity<JsonNode> inTime = scenario.as("provider21").post("/api/procurements/" + code + "/challenges",
                Map.of("reason", "技术评分与评分标准不符"));
        assertThat(inTime.getStatusCode()).as(String.valueOf(inTime.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(scenario.openTaskKeys(code)).contains(Tasks.ANSWER_CHALLENGE);

        // Sunday 11 October: the period is over
        scenario.moveClock("2026-10-11T09:00:00+08:00");
        ResponseEntity<JsonNode> late = scenario.as("provider22").post("/api/procurements/" + code + "/challenges",
                Map.of("reason", "迟到的质疑"));
        assertThat(late.getStatusCode()).as(String.valueOf(late.getBody())).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody().path("error").asText()).isEqualTo("CHALLENGE_PERIOD_OVER");
        assertThat(late.getBody().path("message").asText()).contains("2026-10-10", "条例第五十三条");
        assertThat(scenario.procurement(code).path("challenges")).hasSize(1);
    }

    // ---- 采购法 art. 46 and the signing date; 保障中小企业款项支付条例 art. 9: a term of at most 60 days, no floor ----

    @Test
    void aSigningDateLiesBetweenTheAwardAndTodayAPaymentTermOf15DaysIsLawfulAndABackDatedSigningRecordedLateIsFlagged() {
        // award notice Tuesday 1 September 2026: the last day to sign is Thursday 8 October
        String code = awaitingCommittee("200000.00", "INFORMATIZATION", "2026-08-26", "2026-08-31T17:00:00+08:00",
                "2026-09-01T09:00:00+08:00");
        scoreAll(code);
        scenario.awaitStatus(code, "CHALLENGE_PERIOD");
        // Monday 12 October: the signing is recorded four days after the deadline
        scenario.moveClock("2026-10-12T09:00:00+08:00");
        scenario.awaitStatus(code, "AWAITING_CONTRACT");
        String contractUrl = "/api/procurements/" + code + "/contract";

        for (String day : new String[] {"2026-08-31", "2026-10-13"}) {
            ResponseEntity<JsonNode> refused = scenario.as(PURCHASER).post(contractUrl, Map.of("signedOn", day));
            assertThat(refused.getStatusCode()).as(day).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().path("fields").path("signedOn").asText()).as(day)
                    .contains("2026-09-01", "2026-10-12", "采购法第四十六条");
        }
        ResponseEntity<JsonNode> tooLong = scenario.as(PURCHASER).post(contractUrl, Map.of("signedOn", "2026-10-08", "paymentTermDays", 61));
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLong.getBody().path("fields").path("paymentTermDays").asText()).contains("保障中小企业款项支付条例", "60");
        assertThat(scenario.procurement(code).path("contract").isMissingNode()).isTrue();
        assertThat(scenario.openTaskKeys(code)).containsExactly(Tasks.SIGN_CONTRACT);

        // back-dated to the last day, with a 15-day payment term: accepted, and the recording time kept beside it
        ResponseEntity<JsonNode> signed = scenario.as(PURCHASER).post(contractUrl, Map.of("signedOn", "2026-10-08", "paymentTermDays", 15));
        assertThat(signed.getStatusCode()).as(String.valueOf(signed.getBody())).isEqualTo(HttpStatus.CREATED);
        JsonNode contract = signed.getBody().path("contract");
        assertThat(contract.path("signedOn").asText()).isEqualTo("2026-10-08");
        assertThat(contract.path("paymentTermDays").asInt()).isEqualTo(15);
        assertThat(contract.path("signingRecordedAt").asText()).startsWith("2026-10-12T09:00");
        // the auditors see that it was recorded after the 30 days
        JsonNode anomalies = scenario.as("auditor1").get("/api/audit/anomalies?subject=" + code).getBody();
        JsonNode late = ProjectScenario.stream(anomalies).filter(a -> "CONTRACT_SIGNED_LATE".equals(a.path("rule").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no CONTRACT_SIGNED_LATE in " + anomalies));
        assertThat(late.path("detail").asText()).contains("签订日期填写为 2026-10-08", "2026-10-12 才录入", "期限 2026-10-08");
    }

    // ---- 采购法 art. 36; 财库〔2015〕124号: a consultation for purchased services goes on with 2 qualified bids ----

    @Test
    void aConsultationWithTwoQualifiedBidsGoesOnAndOneWithOneFails() {
        String two = consultation("100000.00");
        scenario.bids("provider20", two, "90000.00");
        scenario.bids("provider21", two, "80000.00");
        String one = consultation("100000.00");
        scenario.bids("provider20", one, "90000.00");

        scenario.moveClock("2026-06-11T17:00:01+08:00");
        JsonNode goesOn = scenario.awaitStatus(two, "AWAITING_COMMITTEE");
        assertThat(goesOn.path("bids")).extracting(b -> b.path("qualified").asBoolean()).containsExactly(true, true);
        assertThat(scenario.openTaskKeys(two)).containsExactly(Tasks.FORM_COMMITTEE);
        JsonNode failed = scenario.awaitStatus(one, "FAILED");
        assertThat(scenario.openTaskKeys(one)).containsExactly(Tasks.DECIDE_AFTER_FAILURE);
        assertThat(failed.path("method").asText()).isEqualTo("COMPETITIVE_CONSULTATION");
    }

    // ---- 87号令 art. 47: at least 7 members from a budget of ¥10,000,000 ----

    @Test
    void anOpenTenderOf9999999Point99NeedsFiveMembersAndOneOfTenMillionSeven() {
        String fund = healthFund();

        String below = openTender("9999999.99", fund);
        String at = openTender("10000000.00", fund);
        scenario.moveClock("2026-06-22T17:00:01+08:00");
        scenario.awaitStatus(below, "AWAITING_COMMITTEE");
        scenario.awaitStatus(at, "AWAITING_COMMITTEE");
        List<String> five = List.of("expert1", "expert2", "expert3", "expert4", "expert5");
        List<String> seven = List.of("expert1", "expert2", "expert3", "expert4", "expert5", "expert6", "expert7");

        ResponseEntity<JsonNode> fiveBelow = scenario.appoint(below, committee(five, List.of()));
        assertThat(fiveBelow.getStatusCode()).as(String.valueOf(fiveBelow.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(fiveBelow.getBody().path("status").asText()).isEqualTo("EVALUATING");

        assertCommitteeRefused(at, committee(five, List.of()), "87号令第四十七条");
        assertThat(scenario.appoint(at, committee(five, List.of())).getBody().path("fields").path("members").asText())
                .contains("7 人", "1000万元");
        ResponseEntity<JsonNode> sevenAt = scenario.appoint(at, committee(seven, List.of()));
        assertThat(sevenAt.getStatusCode()).as(String.valueOf(sevenAt.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(sevenAt.getBody().path("committee")).hasSize(7);
    }

    // ---- 74号令 art. 7; 财库〔2014〕214号: a panel of at least 5 once the amount reaches the open-tender threshold ----

    @Test
    void aNegotiationOfTwoMillionNeedsFiveMembersAndOneOf1999999Point99Three() {
        String fund = healthFund();
        String at = negotiation("2000000.00", fund);
        String below = negotiation("1999999.99", fund);
        scenario.moveClock("2026-06-04T17:00:01+08:00");
        scenario.awaitStatus(at, "AWAITING_COMMITTEE");
        scenario.awaitStatus(below, "AWAITING_COMMITTEE");
        List<String> three = List.of("expert1", "expert2", "expert3");

        ResponseEntity<JsonNode> threeBelow = scenario.appoint(below, committee(three, List.of()));
        assertThat(threeBelow.getStatusCode()).as(String.valueOf(threeBelow.getBody())).isEqualTo(HttpStatus.CREATED);
        assertCommitteeRefused(at, committee(three, List.of()), "74号令第七条");
        ResponseEntity<JsonNode> fiveAt = scenario.appoint(at, committee(List.of("expert1", "expert2", "expert3", "expert4", "expert5"),
                List.of()));
        assertThat(fiveAt.getStatusCode()).as(String.valueOf(fiveAt.getBody())).isEqualTo(HttpStatus.CREATED);
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

    /** Each member of a committee of expert1..3 scores every bid 80. */
    private void scoreAll(String code) {
        ResponseEntity<JsonNode> appointed = scenario.appoint(code, committee(List.of("expert1", "expert2", "expert3"), List.of()));
        assertThat(appointed.getStatusCode()).as(String.valueOf(appointed.getBody())).isEqualTo(HttpStatus.CREATED);
        for (String expert : List.of("expert1", "expert2", "expert3")) {
            for (JsonNode bid : scenario.procurement(code).path("bids")) {
                ResponseEntity<JsonNode> scored = scenario.score(expert, code, bid.path("id").asLong(), 80);
                assertThat(scored.getStatusCode()).as(expert + ": " + scored.getBody()).isEqualTo(HttpStatus.CREATED);
            }
        }
    }

    /** A competitive consultation street1 asks for (stricter than the amount needs), published on 1 June with 10 days of bids. */
    private String consultation(String amount) {
        Map<String, Object> requirement = requirement(amount, "SAFETY");
        requirement.put("method", "COMPETITIVE_CONSULTATION");
        JsonNode created = scenario.create(requirement);
        assertThat(created.path("method").asText()).isEqualTo("COMPETITIVE_CONSULTATION");
        String code = created.path("code").asText();
        scenario.publish(code, "2026-06-11T17:00:00+08:00");
        return code;
    }

    /**
     * Three providers of HEALTH services (bought by no other test) and a fund of ¥30,000,000 of street S01
     * of this test's own, so that large purchases neither run another test's fund dry nor change its methods.
     */
    private String healthFund() {
        providers.certifiedBidders("HEALTH",
                new TestProviders.Bidder("provider23", "汕头市龙湖区社区卫生服务中心", "52440507MJL00123"),
                new TestProviders.Bidder("provider24", "汕头市金霞健康服务社", "52440507MJL00124"),
                new TestProviders.Bidder("provider25", "汕头市龙湖区康养服务中心", "52440507MJL00125"));
        String fund = "FL" + System.nanoTime() % 100_000_000L;
        funds.open(fund, "大额政府购买服务测试资金", "区财政预算", 2026, "S01", new BigDecimal("30000000.00"), List.of(), "admin");
        return fund;
    }

    /** A competitive negotiation of HEALTH services with its reason, approved by finance1, 3 working days of bids from 1 June. */
    private String negotiation(String amount, String fund) {
        Map<String, Object> requirement = requirement(amount, "HEALTH");
        requirement.put("fundCode", fund);
        requirement.put("method", "COMPETITIVE_NEGOTIATION");
        requirement.put("methodReason", "技术复杂，不能确定详细规格（采购法第三十条第二项）");
        JsonNode created = scenario.create(requirement);
        assertThat(created.path("method").asText()).isEqualTo("COMPETITIVE_NEGOTIATION");
        String code = created.path("code").asText();
        scenario.complete("finance1", code, Tasks.APPROVE_METHOD, Map.of("decision", "APPROVE"));
        scenario.publish(code, "2026-06-04T17:00:00+08:00");
        scenario.bids("provider23", code, "1800000.00");
        scenario.bids("provider24", code, "1700000.00");
        scenario.bids("provider25", code, "1900000.00");
        return code;
    }

    /** An open tender of HEALTH services paid from {@code fund}, published on 1 June, bids until 22 June, three bids. */
    private String openTender(String amount, String fund) {
        Map<String, Object> requirement = requirement(amount, "HEALTH");
        requirement.put("fundCode", fund);
        JsonNode created = scenario.create(requirement);
        assertThat(created.path("method").asText()).isEqualTo("OPEN_TENDER");
        String code = created.path("code").asText();
        scenario.publish(code, "2026-06-22T17:00:00+08:00");
        scenario.bids("provider23", code, "9000000.00");
        scenario.bids("provider24", code, "8000000.00");
        scenario.bids("provider25", code, "9500000.00");
        return code;
    }

    private void assertCommitteeRefused(String code, Map<String, Object> committee, String named) {
        ResponseEntity<JsonNode> refused = scenario.appoint(code, committee);
        assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("fields").path("members").asText()).as(String.valueOf(committee)).contains(named);
        JsonNode after = scenario.procurement(code);
        assertThat(after.path("status").asText()).isEqualTo("AWAITING_COMMITTEE");
        assertThat(after.path("committee")).isEmpty();
        assertThat(scenario.openTaskKeys(code)).containsExactly(Tasks.FORM_COMMITTEE);
    }
}

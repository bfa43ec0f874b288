package cn.shequ.procurement;

import static cn.shequ.support.PurchaseScenario.JUNE_1;
import static cn.shequ.support.PurchaseScenario.PURCHASER;
import static cn.shequ.support.PurchaseScenario.committee;
import static cn.shequ.support.PurchaseScenario.requirement;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.support.OcdsSchema;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.PurchaseScenario;
import cn.shequ.support.ShequIT;
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
 * An open tender from requirement to the last payment through the JSON API as the demo users: a
 * purchaser (street1), three certified providers, five experts and finance, with every legal
 * deadline from the working-day calendar and the money checked in the fund ledger.
 */
@ShequIT
class PurchaseLifecycleIT {

    @Autowired
    TestRestTemplate http;

    PurchaseScenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new PurchaseScenario(http);
        scenario.moveClock(JUNE_1);
    }

    @AfterEach
    void realTime() {
        scenario.resetClock();
    }

    @Test
    void anOpenTenderRunsFromRequirementToTheLastPayment() {
        BigDecimal availableBefore = scenario.available();

        // requirement: ¥2,400,000 of home care is an open tender (国办发〔2019〕55号), reserved first
        JsonNode created = scenario.create(requirement("2400000.00", "ELDERLY_CARE"));
        String code = created.path("code").asText();
        assertThat(code).matches("PS-2026-\\d{4}");
        assertThat(created.path("method").asText()).isEqualTo("OPEN_TENDER");
        assertThat(created.path("status").asText()).isEqualTo("AWAITING_NOTICE");
        assertThat(scenario.available()).isEqualByComparingTo(availableBefore.subtract(new BigDecimal("2400000.00")));
        assertThat(scenario.ledger(code)).extracting(e -> e.path("type").asText()).containsExactly("RESERVE");
        assertThat(scenario.openTaskKeys(code)).containsExactly(Tasks.PUBLISH_NOTICE);

        // notice: 20 days at least (采购法 art. 35) — 2026-06-20 is one day short, 2026-06-22 is fine
        ResponseEntity<JsonNode> tooShort = scenario.notice(code, "2026-06-20T09:00:00+08:00");
        assertThat(tooShort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooShort.getBody().path("fields").path("bidDeadline").asText()).contains("采购法第三十五条", "2026-06-21");
        // a bid deposit of at most 2% of the budget (条例 art. 33)
        ResponseEntity<JsonNode> deposit = scenario.as(PURCHASER).post("/api/procurements/" + code + "/notice",
                Map.of("bidDeadline", "2026-06-22T09:00:00+08:00", "bidDeposit", "48000.01"));
        assertThat(deposit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(deposit.getBody().path("fields").path("bidDeposit").asText()).contains("条例第三十三条");
        ResponseEntity<JsonNode> noticed = scenario.as(PURCHASER).post("/api/procurements/" + code + "/notice",
                Map.of("bidDeadline", "2026-06-22T09:00:00+08:00", "bidDeposit", "48000.00"));
        assertThat(noticed.getStatusCode()).as(String.valueOf(noticed.getBody())).isEqualTo(HttpStatus.OK);
        JsonNode published = scenario.publicProcurement(code).getBody();
        assertThat(published.path("bidDeposit").asText()).isEqualTo("48000.00");
        assertThat(published.path("method").asText()).isEqualTo("OPEN_TENDER");
        assertThat(published.path("bidDeadline").asText()).startsWith("2026-06-22T09:00");
        assertThat(published.path("purchaser").asText()).isEqualTo("金霞街道办事处");
        ResponseEntity<String> page = http.getForEntity("/public/procurements.html", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("政府购买服务公告", "/public/procurements");

        // bids: one each, sealed until the deadline
        long bid1 = scenario.bids("provider1", code, "2200000.00");
        long bid2 = scenario.bids("provider2", code, "2000000.00");
        long bid3 = scenario.bids("provider3", code, "2390000.00");
        ResponseEntity<JsonNode> revised = scenario.as("provider3").put("/api/procurements/" + code + "/bids/mine",
                Map.of("price", "2300000.00", "proposal", "修订后的服务方案"));
        assertThat(revised.getStatusCode()).as(String.valueOf(revised.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(revised.getBody().path("price").asText()).isEqualTo("2300000.00");
        JsonNode sealed = scenario.as("provider1").get("/api/procurements/" + code).getBody();
        // sealed: a bidder sees its own bid and not how many others there are, nor does the purchaser (87号令 art. 33)
        assertThat(sealed.path("bidCount").asInt()).isEqualTo(1);
        assertThat(sealed.path("bids")).extracting(b -> b.path("id").asLong()).containsExactly(bid1);
        assertThat(scenario.procurement(code).path("bids")).isEmpty();
        assertThat(scenario.procurement(code).path("bidCount").asInt()).isZero();
        JsonNode tenderWhileSealed = scenario.as("provider1").get("/public/ocds/" + code).getBody()
                .path("releases").get(1).path("tender");
        assertThat(tenderWhileSealed.has("numberOfTenderers")).isFalse();
        assertThat(tenderWhileSealed.path("tenderers")).isEmpty();

        // the deadline passes: bidding closes, bids are opened, a late bid is refused
        scenario.moveClock("2026-06-22T09:00:01+08:00");
        scenario.awaitStatus(code, "AWAITING_COMMITTEE");
        assertThat(scenario.procurement(code).path("bids")).hasSize(3);
        assertThat(scenario.bid("provider1", code, "2100000.00").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        // committee: five experts (87号令 art. 47)
        ResponseEntity<JsonNode> appointed = scenario.appoint(code,
                committee(List.of("expert1", "expert2", "expert3", "expert4", "expert5"), List.of()));
        assertThat(appointed.getStatusCode()).as(String.valueOf(appointed.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(scenario.status(code)).isEqualTo("EVALUATING");
        assertThat(scenario.openTaskKeys(code)).hasSize(15).containsOnly(Tasks.SCORE_BID);
        // the committee's names are confidential until the award is published (条例 art. 40)
        JsonNode asBidder = scenario.as("provider1").get("/api/procurements/" + code).getBody();
        assertThat(asBidder.path("committee")).isEmpty();
        assertThat(asBidder.path("openTasks")).isEmpty();
        assertThat(scenario.as("expert1").get("/api/procurements/" + code).getBody().path("openTasks")).hasSize(3);

        // scores: provider2 is cheapest (price score 100); provider1 has the best proposal
        Map<Long, Integer> technical = Map.of(bid1, 90, bid2, 70, bid3, 80);
        for (String expert : List.of("expert1", "expert2", "expert3", "expert4", "expert5")) {
            for (Map.Entry<Long, Integer> score : technical.entrySet()) {
                ResponseEntity<JsonNode> scored = scenario.score(expert, code, score.getKey(), score.getValue());
                assertThat(scored.getStatusCode()).as(expert + ": " + scored.getBody()).isIn(HttpStatus.CREATED);
            }
        }
        JsonNode awarded = scenario.awaitStatus(code, "CHALLENGE_PERIOD");
        // price scores: 2,000,000 / price × 100 → 90.91, 100.00, 86.96
        // totals: 90.91×0.3 + 90×0.7 = 90.27; 100×0.3 + 70×0.7 = 79.00; 86.96×0.3 + 80×0.7 = 82.09
        assertThat(awarded.path("ranking")).extracting(r -> r.path("bidId").asLong()).containsExactly(bid1, bid3, bid2);
        assertThat(awarded.path("ranking")).extracting(r -> r.path("total").asText()).containsExactly("90.27", "82.09", "79.00");
        assertThat(awarded.path("ranking").get(0).path("priceScore").asText()).isEqualTo("90.91");
        assertThat(awarded.path("award").path("bidId").asLong()).isEqualTo(bid1);
        assertThat(scenario.as("provider2").get("/api/procurements/" + code).getBody().path("committee")).hasSize(5);
        // the result notice period is Tuesday 06-23 (87号令 art. 69), then 7 working days (采购法 art. 52; 条例 art. 53(三))
        assertThat(awarded.path("challengeDeadline").asText()).startsWith("2026-07-02T23:59:59");

        // the challenge period ends: the contract is due 30 days after the award notice
        scenario.moveClock("2026-07-03T09:00:00+08:00");
        scenario.awaitStatus(code, "AWAITING_CONTRACT");
        ResponseEntity<JsonNode> bondTooHigh = scenario.as(PURCHASER).post("/api/procurements/" + code + "/contract",
                Map.of("performanceBond", "220000.01"));
        assertThat(bondTooHigh.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bondTooHigh.getBody().path("fields").path("performanceBond").asText()).contains("条例第四十八条");
        ResponseEntity<JsonNode> signed = scenario.as(PURCHASER).post("/api/procurements/" + code + "/contract",
                Map.of("performanceBond", "220000.00"));
        assertThat(signed.getStatusCode()).as(String.valueOf(signed.getBody())).isEqualTo(HttpStatus.CREATED);
        JsonNode contract = signed.getBody().path("contract");
        assertThat(contract.path("amount").asText()).isEqualTo("2200000.00");
        assertThat(contract.path("signedLate").asBoolean()).isFalse();
        // no term or rate agreed: 30 days after acceptance, 0.05% a day (保障中小企业款项支付条例 arts. 9, 17)
        assertThat(contract.path("paymentTermDays").asInt()).isEqualTo(30);
        assertThat(contract.path("lateInterestDailyRate").asText()).isEqualTo("0.0005");
        assertThat(contract.path("milestones")).extracting(m -> m.path("amount").asText())
                .containsExactly("660000.00", "880000.00", "660000.00");
        // 2 working days after Friday 2026-07-03 (条例 art. 50)
        assertThat(contract.path("publishDue").asText()).isEqualTo("2026-07-07");
        assertThat(signed.getBody().path("status").asText()).isEqualTo("AWAITING_CONTRACT_PUBLICATION");
        ResponseEntity<JsonNode> publishedContract = scenario.as(PURCHASER).post("/api/procurements/" + code + "/contract/publish", null);
        assertThat(publishedContract.getStatusCode()).as(String.valueOf(publishedContract.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(publishedContract.getBody().path("contract").path("publishedLate").asBoolean()).isFalse();
        assertThat(scenario.publicProcurement(code).getBody().path("contract").path("code").asText()).matches("CT-2026-\\d{4}");

        // milestones: the provider reports, the purchaser accepts with the people served, finance pays
        for (int seq = 1; seq <= 3; seq++) {
            scenario.complete("provider1", code, Tasks.REPORT_MILESTONE, Map.of("summary", "第" + seq + "期服务完成", "evidence", "服务记录"));
            scenario.complete(PURCHASER, code, Tasks.ACCEPT_MILESTONE, Map.of("decision", "APPROVE", "servedParticipants", 30));
            scenario.complete("finance1", code, Tasks.APPROVE_PAYMENT, Map.of("decision", "APPROVE"));
            int paid = seq;
            scenario.await(code, "milestone " + seq + " paid",
                    p -> "PAID".equals(p.path("contract").path("milestones").get(paid - 1).path("status").asText()));
        }
        scenario.complete(PURCHASER, code, Tasks.FINAL_EVALUATION, Map.of("respondents", 40, "satisfied", 36,
                "scores", Map.of("budgetExecution", 9, "outputs", 46, "outcomes", 27, "satisfaction", 9)));
        JsonNode done = scenario.awaitStatus(code, "COMPLETED");
        assertThat(done.path("contract").path("milestones")).allSatisfy(m -> {
            assertThat(m.path("latePayment").asBoolean()).isFalse();
            assertThat(m.path("lateDays").asInt()).isZero();
            assertThat(m.path("lateInterest").asText()).isEqualTo("0.00");
        });
        assertThat(done.path("grade").asText()).isEqualTo("EXCELLENT");
        assertThat(done.path("disbursed").asText()).isEqualTo("2200000.00");
        // the grade goes onto the provider's performance record
        JsonNode record = scenario.as("street1").get("/api/providers/" + done.path("award").path("providerId").asLong()).getBody();
        assertThat(record.path("performance")).anySatisfy(line -> {
            assertThat(line.path("subjectCode").asText()).isEqualTo(code);
            assertThat(line.path("grade").asText()).isEqualTo("EXCELLENT");
        });

        // the money: reserved 2,400,000, paid 2,200,000 in three, 200,000 back to the fund
        List<JsonNode> ledger = scenario.ledger(code);
        assertThat(ledger).extracting(e -> e.path("type").asText()).containsExactly("RESERVE", "DISBURSE", "DISBURSE", "DISBURSE", "RELEASE");
        assertThat(ledger.get(4).path("amount").asText()).isEqualTo("200000.00");
        assertThat(scenario.available()).isEqualByComparingTo(availableBefore.subtract(new BigDecimal("2200000.00")));

        assertThat(ProjectScenario.stream(scenario.documents(code)).map(d -> d.path("type").asText()).toList())
                .containsExactly("PROCUREMENT_NOTICE", "AWARD_NOTICE", "CONTRACT", "PAYMENT_VOUCHER", "PAYMENT_VOUCHER",
                        "PAYMENT_VOUCHER");
        assertThat(scenario.openTaskKeys(code)).isEmpty();
        // bidders read the purchase's papers; a provider that did not bid may not
        assertThat(scenario.as("provider2").get("/api/procurements/" + code + "/documents").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scenario.as("provider4").get("/api/procurements/" + code + "/documents").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // the whole tender as OCDS 1.1, valid against the official schema
        JsonNode ocds = scenario.as("street1").get("/public/ocds/" + code).getBody();
        assertThat(OcdsSchema.validate(ocds)).isEmpty();
        assertThat(ProjectScenario.stream(ocds.path("releases")).map(r -> r.path("tag").get(0).asText()).toList())
                .containsExactly("planning", "tender", "award", "contract", "implementation");
        JsonNode ocdsContract = ocds.path("releases").get(4).path("contracts").get(0);
        assertThat(ProjectScenario.stream(ocdsContract.path("milestones")).map(m -> m.path("status").asText()).toList())
                .containsOnly("met");
        assertThat(ProjectScenario.stream(ocdsContract.path("implementation").path("transactions"))
                .map(t -> t.path("value").path("amount").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("2200000.00");
    }
}

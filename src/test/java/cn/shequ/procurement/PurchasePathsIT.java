package cn.shequ.procurement;

import static cn.shequ.support.PurchaseScenario.JUNE_1;
import static cn.shequ.support.PurchaseScenario.PURCHASER;
import static cn.shequ.support.PurchaseScenario.committee;
import static cn.shequ.support.PurchaseScenario.requirement;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.procurement.PurchaseProcess.Errors;
import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.procurement.PurchaseProcess.Vars;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.PurchaseScenario;
import cn.shequ.support.ShequIT;
import cn.shequ.support.Tasklist;
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
 * The paths of purchase-of-service besides the open tender: too few bids (re-tender; method switch
 * refused, then cancelled), the exceptional methods with finance approval, splitting, challenges
 * dismissed and upheld, a contract signed late, a contract's own payment term and interest rate.
 * The purchases of one category are counted together against the thresholds (采购法 art. 28), so
 * each category decides the method in one test only (VOLUNTEER purchases of all the tests stay
 * below ¥1,000,000 together, and so do DISABILITY ones, and CONVENIENCE ones with the purchases of
 * ProjectPurchaseIT's projects): the order of the tests does not matter.
 */
@ShequIT
class PurchasePathsIT {

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

    // ---- too few bids (采购法 art. 36) ----

    @Test
    void withTwoBidsTheProcurementFailsAndARetenderKeepsTheBidsAndTakesANewOne() {
        String code = scenario.create(requirement("300000.00", "DISABILITY")).path("code").asText();
        scenario.publish(code, "2026-06-04T17:00:00+08:00");
        scenario.bids("provider1", code, "280000.00");
        scenario.bids("provider2", code, "290000.00");

        scenario.moveClock("2026-06-04T17:00:01+08:00");
        JsonNode failed = scenario.awaitStatus(code, "FAILED");
        assertThat(failed.path("openTasks")).extracting(t -> t.path("key").asText()).containsExactly(Tasks.DECIDE_AFTER_FAILURE);
        assertThat(scenario.openTaskKeys(code)).doesNotContain(Tasks.FORM_COMMITTEE);
        ResponseEntity<JsonNode> noChoice = scenario.attempt(PURCHASER, code, Tasks.DECIDE_AFTER_FAILURE, Map.of());
        assertThat(noChoice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        scenario.complete(PURCHASER, code, Tasks.DECIDE_AFTER_FAILURE, Map.of("decision", "RETENDER"));
        assertThat(scenario.status(code)).isEqualTo("AWAITING_NOTICE");
        // the new notice counts its period from today, Thursday 2026-06-04: 3 working days end on Tuesday 06-09
        assertThat(scenario.notice(code, "2026-06-08T17:00:00+08:00").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        scenario.publish(code, "2026-06-09T17:00:00+08:00");
        assertThat(scenario.procurement(code).path("tenderRound").asInt()).isEqualTo(2);
        scenario.bids("provider3", code, "270000.00");
        ResponseEntity<JsonNode> revised = scenario.as("provider1").put("/api/procurements/" + code + "/bids/mine",
                Map.of("price", "260000.00", "proposal", "第二轮报价"));
        assertThat(revised.getStatusCode()).isEqualTo(HttpStatus.OK);

        scenario.moveClock("2026-06-09T17:00:01+08:00");
        JsonNode enough = scenario.awaitStatus(code, "AWAITING_COMMITTEE");
        assertThat(enough.path("bids")).extracting(b -> b.path("price").asText())
                .containsExactly("260000.00", "290000.00", "270000.00");
        assertThat(ProjectScenario.stream(scenario.documents(code)).map(d -> d.path("type").asText()).toList())
                .containsExactly("PROCUREMENT_NOTICE", "PROCUREMENT_NOTICE");
    }

    @Test
    void aFailedProcurementWhoseMethodSwitchFinanceRefusesIsCancelledAndItsMoneyReleased() {
        BigDecimal available = scenario.available();
        String code = scenario.create(requirement("200000.00", "CULTURE_EDU_SPORTS")).path("code").asText();
        scenario.publish(code, "2026-06-04T17:00:00+08:00");
        scenario.moveClock("2026-06-04T17:00:01+08:00");
        scenario.awaitStatus(code, "FAILED");

        ResponseEntity<JsonNode> noReason = scenario.attempt(PURCHASER, code, Tasks.DECIDE_AFTER_FAILURE,
                Map.of("decision", "SWITCH_METHOD", "method", "COMPETITIVE_NEGOTIATION"));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().path("fields").path("methodReason").asText()).contains("采购法第二十七条");
        ResponseEntity<JsonNode> notExceptional = scenario.attempt(PURCHASER, code, Tasks.DECIDE_AFTER_FAILURE,
                Map.of("decision", "SWITCH_METHOD", "method", "OPEN_TENDER", "methodReason", "x"));
        assertThat(notExceptional.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        scenario.complete(PURCHASER, code, Tasks.DECIDE_AFTER_FAILURE, Map.of("decision", "SWITCH_METHOD",
                "method", "COMPETITIVE_NEGOTIATION", "methodReason", "招标后没有供应商投标（采购法第三十条第一项）"));
        assertThat(scenario.status(code)).isEqualTo("AWAITING_METHOD_APPROVAL");
        assertThat(scenario.procurement(code).path("method").asText()).isEqualTo("SMALL_PURCHASE");

        // the purchaser cannot approve it, and finance must say why it refuses
        assertThat(scenario.as(PURCHASER).get("/api/tasks").getBody().findValuesAsText("key")).doesNotContain(Tasks.APPROVE_METHOD);
        ResponseEntity<JsonNode> bare = scenario.attempt("finance1", code, Tasks.APPROVE_METHOD, Map.of("decision", "REJECT"));
        assertThat(bare.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        scenario.complete("finance1", code, Tasks.APPROVE_METHOD, Map.of("decision", "REJECT", "comment", "不符合竞争性谈判的适用情形"));
        assertThat(scenario.status(code)).isEqualTo("FAILED");
        assertThat(scenario.procurement(code).path("method").asText()).isEqualTo("SMALL_PURCHASE");

        scenario.complete(PURCHASER, code, Tasks.DECIDE_AFTER_FAILURE, Map.of("decision", "CANCEL", "comment", "需求取消"));
        JsonNode cancelled = scenario.awaitStatus(code, "CANCELLED");
        assertThat(cancelled.path("reserved").asText()).isEqualTo("0.00");
        assertThat(scenario.ledger(code)).extracting(e -> e.path("type").asText()).containsExactly("RESERVE", "RELEASE");
        assertThat(scenario.available()).isEqualByComparingTo(available);
        assertThat(scenario.openTaskKeys(code)).isEmpty();
    }

    // ---- single source and competitive negotiation: a reason and finance approval (采购法 art. 27) ----

    @Test
    void aSingleSourcePurchaseWaitsForFinanceWhichThePurchaserCannotGiveAndThenNeedsFiveWorkingDays() {
        Map<String, Object> r = requirement("50000.00", "VOLUNTEER");
        r.put("method", "SINGLE_SOURCE");
        r.put("methodReason", "只能从唯一供应商处采购（采购法第三十一条第一项）");
        ResponseEntity<JsonNode> created = scenario.as("dual1").post("/api/procurements", r);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        String code = created.getBody().path("code").asText();
        assertThat(created.getBody().path("method").asText()).isEqualTo("SINGLE_SOURCE");
        assertThat(created.getBody().path("status").asText()).isEqualTo("AWAITING_METHOD_APPROVAL");

        ResponseEntity<JsonNode> own = scenario.attempt("dual1", code, Tasks.APPROVE_METHOD, Map.of("decision", "APPROVE"));
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(own.getBody().path("error").asText()).isEqualTo("SOD_PURCHASER");
        scenario.complete("finance1", code, Tasks.APPROVE_METHOD, Map.of("decision", "APPROVE"));
        assertThat(scenario.status(code)).isEqualTo("AWAITING_NOTICE");

        // 5 working days from Monday 2026-06-01: Monday 2026-06-08
        ResponseEntity<JsonNode> tooShort = scenario.as("dual1").post("/api/procurements/" + code + "/notice",
                Map.of("bidDeadline", "2026-06-05T17:00:00+08:00"));
        assertThat(tooShort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooShort.getBody().path("fields").path("bidDeadline").asText()).contains("第74号第三十八条", "2026-06-08");
        ResponseEntity<JsonNode> published = scenario.as("dual1").post("/api/procurements/" + code + "/notice",
                Map.of("bidDeadline", "2026-06-08T17:00:00+08:00"));
        assertThat(published.getStatusCode()).as(String.valueOf(published.getBody())).isEqualTo(HttpStatus.OK);

        // one bid is enough for a single source
        scenario.bids("provider1", code, "48000.00");
        scenario.moveClock("2026-06-08T17:00:01+08:00");
        scenario.awaitStatus(code, "AWAITING_COMMITTEE");
    }

    @Test
    void competitiveNegotiationRefusedByFinanceEndsThePurchaseAndReleasesTheMoney() {
        Map<String, Object> r = requirement("50000.00", "HEALTH");
        r.put("method", "COMPETITIVE_NEGOTIATION");
        r.put("methodReason", "技术复杂，不能确定详细规格（采购法第三十条第二项）");
        String code = scenario.create(r).path("code").asText();

        scenario.complete("finance2", code, Tasks.APPROVE_METHOD, Map.of("decision", "REJECT", "comment", "应按小额采购"));

        JsonNode rejected = scenario.awaitStatus(code, "REJECTED");
        assertThat(rejected.path("openTasks")).isEmpty();
        assertThat(scenario.ledger(code)).extracting(e -> e.path("type").asText()).containsExactly("RESERVE", "RELEASE");
        assertThat(scenario.publicProcurement(code).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    // ---- splitting (采购法 art. 28; 条例 art. 28) ----

    @Test
    void twoPurchasesOfOneCategoryCountTogetherSoTheSecondIsACompetitiveConsultation() {
        JsonNode first = scenario.create(requirement("600000.00", "ENVIRONMENT"));
        assertThat(first.path("method").asText()).isEqualTo("SMALL_PURCHASE");
        assertThat(first.path("countedAmount").asText()).isEqualTo("600000.00");

        JsonNode second = scenario.create(requirement("500000.00", "ENVIRONMENT"));
        assertThat(second.path("method").asText()).isEqualTo("COMPETITIVE_CONSULTATION");
        assertThat(second.path("countedAmount").asText()).isEqualTo("1100000.00");
        String code = second.path("code").asText();

        // a consultation's bid period is 10 days (财库〔2014〕214号): from 2026-06-01 not before 2026-06-11
        ResponseEntity<JsonNode> tooShort = scenario.notice(code, "2026-06-10T17:00:00+08:00");
        assertThat(tooShort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooShort.getBody().path("fields").path("bidDeadline").asText()).contains("214号", "2026-06-11");
        scenario.publish(code, "2026-06-11T09:00:00+08:00");

        // another purchaser's budget cannot pay for it
        ResponseEntity<JsonNode> otherFund = scenario.as("civil1").post("/api/procurements", requirement("10000.00", "ENVIRONMENT"));
        assertThat(otherFund.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(otherFund.getBody().path("error").asText()).isEqualTo("FUND_OF_ANOTHER_PURCHASER");
    }

    // ---- challenges (采购法 arts. 52–53) ----

    @Test
    void aDismissedChallengeKeepsTheAwardAndAnUpheldOneReopensTheEvaluation() {
        Awarded a = awardedSmallPurchase("500000.00", "CONVENIENCE");
        String code = a.code();
        JsonNode awarded = scenario.procurement(code);
        assertThat(awarded.path("award").path("bidId").asLong()).isEqualTo(a.bid1());
        // award Thursday 2026-06-04; the result notice period is Friday 06-05 (87号令 art. 69); 7 working days
        // from its end (条例 art. 53(三)): Tuesday 06-16
        assertThat(awarded.path("challengeDeadline").asText()).startsWith("2026-06-16T23:59:59");
        assertThat(scenario.publicProcurement(code).getBody().path("ranking")).hasSize(3);

        ResponseEntity<JsonNode> notABidder = scenario.as("provider4").post("/api/procurements/" + code + "/challenges",
                Map.of("reason", "评分不公"));
        assertThat(notABidder.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> noReason = scenario.as("provider2").post("/api/procurements/" + code + "/challenges", Map.of());
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        scenario.moveClock("2026-06-05T10:00:00+08:00");
        ResponseEntity<JsonNode> first = scenario.as("provider2").post("/api/procurements/" + code + "/challenges",
                Map.of("reason", "我方报价最低，价格分计算有误"));
        assertThat(first.getStatusCode()).as(String.valueOf(first.getBody())).isEqualTo(HttpStatus.CREATED);
        // answered within 7 working days of Friday 2026-06-05
        assertThat(first.getBody().path("answerDue").asText()).startsWith("2026-06-16T23:59:59");
        JsonNode answerTask = ProjectScenario.stream(scenario.procurement(code).path("openTasks"))
                .filter(t -> Tasks.ANSWER_CHALLENGE.equals(t.path("key").asText())).findFirst().orElseThrow();
        assertThat(answerTask.path("due").asText()).startsWith("2026-06-16T23:59:59");
        ResponseEntity<JsonNode> noAnswer = scenario.attempt(PURCHASER, code, Tasks.ANSWER_CHALLENGE, Map.of("decision", "DISMISS"));
        assertThat(noAnswer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        scenario.complete(PURCHASER, code, Tasks.ANSWER_CHALLENGE, Map.of("decision", "DISMISS",
                "answer", "价格分按最低报价除以投标报价乘以100计算，无误（87号令第五十五条）"));
        JsonNode dismissed = scenario.procurement(code);
        assertThat(dismissed.path("status").asText()).isEqualTo("CHALLENGE_PERIOD");
        assertThat(dismissed.path("award").path("bidId").asLong()).isEqualTo(a.bid1());
        assertThat(dismissed.path("challenges").get(0).path("upheld").asBoolean()).isFalse();

        ResponseEntity<JsonNode> second = scenario.as("provider3").post("/api/procurements/" + code + "/challenges",
                Map.of("reason", "专家未按评分标准评审我方方案"));
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        scenario.moveClock("2026-06-08T09:00:00+08:00");
        scenario.complete(PURCHASER, code, Tasks.ANSWER_CHALLENGE, Map.of("decision", "UPHOLD", "answer", "质疑成立，重新评审"));

        JsonNode reopened = scenario.awaitStatus(code, "EVALUATING");
        assertThat(reopened.path("award").isMissingNode()).isTrue();
        assertThat(reopened.path("ranking")).isEmpty();
        assertThat(reopened.path("openTasks")).hasSize(9).allMatch(t -> Tasks.SCORE_BID.equals(t.path("key").asText()));
        assertThat(reopened.path("challenges").get(1).path("upheld").asBoolean()).isTrue();

        // the same committee scores again; provider3's proposal now comes first
        score(code, Map.of(a.bid1(), 90, a.bid2(), 60, a.bid3(), 95));
        JsonNode again = scenario.awaitStatus(code, "CHALLENGE_PERIOD");
        assertThat(again.path("award").path("bidId").asLong()).isEqualTo(a.bid3());
        // a new award notice on Monday 2026-06-08 opens a new challenge period: notice period 06-09, then 7 working days
        assertThat(again.path("challengeDeadline").asText()).startsWith("2026-06-18T23:59:59");
        assertThat(ProjectScenario.stream(scenario.documents(code)).map(d -> d.path("type").asText()).toList())
                .containsExactly("PROCUREMENT_NOTICE", "AWARD_NOTICE", "AWARD_NOTICE");

        scenario.moveClock("2026-06-19T09:00:00+08:00");
        ResponseEntity<JsonNode> late = scenario.as("provider1").post("/api/procurements/" + code + "/challenges",
                Map.of("reason", "迟到的质疑"));
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody().path("message").asText()).contains("采购法第五十二条");
        scenario.awaitStatus(code, "AWAITING_CONTRACT");
    }

    // ---- the contract (采购法 art. 46) ----

    @Test
    void aContractNotSignedWithinThirtyDaysIsEscalatedAndRecordedAsLate() {
        Awarded a = awardedSmallPurchase("400000.00", "DISABILITY");
        String code = a.code();
        scenario.moveClock("2026-06-17T09:00:00+08:00");
        JsonNode due = scenario.awaitStatus(code, "AWAITING_CONTRACT");
        // the 30th day after Thursday 4 June is Saturday 4 July: the period runs to Monday 6 July (民法典 art. 203)
        assertThat(due.path("openTasks").get(0).path("due").asText()).startsWith("2026-07-06T23:59:59");
        assertThat(due.path("openTasks").get(0).path("escalated").asBoolean()).isFalse();

        scenario.moveClock("2026-07-07T09:00:00+08:00");
        JsonNode escalated = scenario.await(code, "sign-contract escalated",
                p -> p.path("openTasks").size() == 1 && p.path("openTasks").get(0).path("escalated").asBoolean());
        assertThat(escalated.path("openTasks").get(0).path("key").asText()).isEqualTo(Tasks.SIGN_CONTRACT);

        ResponseEntity<JsonNode> milestonesWrong = scenario.as(PURCHASER).post("/api/procurements/" + code + "/contract",
                Map.of("milestones", List.of(Map.of("name", "预付款", "percent", 50), Map.of("name", "验收", "percent", 40))));
        assertThat(milestonesWrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> signed = scenario.as(PURCHASER).post("/api/procurements/" + code + "/contract",
                Map.of("milestones", List.of(Map.of("name", "预付款", "percent", 50), Map.of("name", "终期验收", "percent", 50))));
        assertThat(signed.getStatusCode()).as(String.valueOf(signed.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(signed.getBody().path("contract").path("signedLate").asBoolean()).isTrue();
        assertThat(signed.getBody().path("contract").path("milestones")).hasSize(2);
        JsonNode timeline = scenario.as("auditor1").get("/api/audit/procurements/" + code + "/timeline").getBody();
        assertThat(ProjectScenario.stream(timeline).map(e -> e.path("action").asText()).toList()).contains("TASK_ESCALATED");

        // signed Tuesday 7 July, published three working days later: late too (条例 art. 50)
        scenario.moveClock("2026-07-10T09:00:00+08:00");
        ResponseEntity<JsonNode> published = scenario.as(PURCHASER).post("/api/procurements/" + code + "/contract/publish", null);
        assertThat(published.getBody().path("contract").path("publishedLate").asBoolean()).isTrue();
        assertThat(published.getBody().path("status").asText()).isEqualTo("IN_DELIVERY");
    }

    // ---- the payment term and late-payment interest (保障中小企业款项支付条例 (2025) arts. 9, 17) ----

    @Test
    void aContractAgreesAPaymentTermOfAtMost60DaysAndARateAndAPaymentAfterThatTermOwesThatInterest() {
        Awarded a = awardedSmallPurchase("200000.00", "DISABILITY");
        String code = a.code();
        scenario.moveClock("2026-06-17T09:00:00+08:00");
        scenario.awaitStatus(code, "AWAITING_CONTRACT");
        String contractUrl = "/api/procurements/" + code + "/contract";

        for (int days : new int[] {0, 61}) {
            ResponseEntity<JsonNode> refused = scenario.as(PURCHASER).post(contractUrl, Map.of("paymentTermDays", days));
            assertThat(refused.getStatusCode()).as(days + " days").isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().path("fields").path("paymentTermDays").asText())
                    .contains("1 到 60", "保障中小企业款项支付条例第九条");
        }
        ResponseEntity<JsonNode> ratePercent = scenario.as(PURCHASER).post(contractUrl,
                Map.of("paymentTermDays", 45, "lateInterestDailyRate", "0.05"));
        assertThat(ratePercent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ratePercent.getBody().path("fields").path("lateInterestDailyRate").asText()).contains("0.001");
        assertThat(ratePercent.getBody().path("fields").has("paymentTermDays")).isFalse();
        // refused: nothing changed, the task is still open
        JsonNode unchanged = scenario.procurement(code);
        assertThat(unchanged.path("status").asText()).isEqualTo("AWAITING_CONTRACT");
        assertThat(unchanged.path("contract").isMissingNode()).isTrue();
        assertThat(scenario.openTaskKeys(code)).containsExactly(Tasks.SIGN_CONTRACT);

        ResponseEntity<JsonNode> signed = scenario.as(PURCHASER).post(contractUrl,
                Map.of("paymentTermDays", 45, "lateInterestDailyRate", "0.0006"));
        assertThat(signed.getStatusCode()).as(String.valueOf(signed.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(signed.getBody().path("contract").path("paymentTermDays").asInt()).isEqualTo(45);
        assertThat(signed.getBody().path("contract").path("lateInterestDailyRate").asText()).isEqualTo("0.0006");
        scenario.as(PURCHASER).post(contractUrl + "/publish", null);
        scenario.awaitStatus(code, "IN_DELIVERY");

        // accepted on 2026-06-17: the 45th day after it is Saturday 1 August (the day of acceptance not counted,
        // 民法典 art. 201), so the term runs to the end of Monday 3 August (art. 203); paid on 4 August, 1 day
        // late under the contract's 45 days
        scenario.complete("provider1", code, Tasks.REPORT_MILESTONE, Map.of("summary", "第1期服务完成", "evidence", "服务记录"));
        scenario.complete(PURCHASER, code, Tasks.ACCEPT_MILESTONE, Map.of("decision", "APPROVE", "servedParticipants", 30));
        scenario.moveClock("2026-08-04T09:00:00+08:00");
        scenario.complete("finance1", code, Tasks.APPROVE_PAYMENT, Map.of("decision", "APPROVE"));
        JsonNode paid = scenario.await(code, "milestone 1 paid",
                p -> "PAID".equals(p.path("contract").path("milestones").get(0).path("status").asText()));
        JsonNode first = paid.path("contract").path("milestones").get(0);
        // 30% of 180,000.00 = 54,000.00; 54,000.00 × 0.06% × 1 = 32.40
        assertThat(first.path("amount").asText()).isEqualTo("54000.00");
        assertThat(first.path("latePayment").asBoolean()).isTrue();
        assertThat(first.path("lateDays").asInt()).isEqualTo(1);
        assertThat(first.path("lateInterest").asText()).isEqualTo("32.40");
        assertThat(paid.path("contract").path("milestones").get(1).has("lateInterest")).as("not paid yet").isFalse();
        // the interest is owed, not paid out of the fund: the ledger has the milestone's amount only
        assertThat(scenario.ledger(code)).extracting(e -> e.path("type").asText()).containsExactly("RESERVE", "DISBURSE");
        assertThat(scenario.ledger(code).get(1).path("amount").asText()).isEqualTo("54000.00");
    }

    @Test
    void twoChallengesOpenAtOnceEachNeedTheirOwnDecisionAlsoThroughEngineRest() {
        // purchases of one category by one street count together (采购法 art. 28): VOLUNTEER stays a small
        // purchase with this one and every other test's
        Awarded a = awardedSmallPurchase("100000.00", "VOLUNTEER");
        String code = a.code();
        scenario.moveClock("2026-06-05T10:00:00+08:00");
        for (String bidder : List.of("provider2", "provider3")) {
            ResponseEntity<JsonNode> filed = scenario.as(bidder).post("/api/procurements/" + code + "/challenges",
                    Map.of("reason", bidder + "：评分有误"));
            assertThat(filed.getStatusCode()).as(String.valueOf(filed.getBody())).isEqualTo(HttpStatus.CREATED);
        }
        List<String> answers = ProjectScenario.stream(scenario.procurement(code).path("openTasks"))
                .filter(t -> Tasks.ANSWER_CHALLENGE.equals(t.path("key").asText())).map(t -> t.path("id").asText()).toList();
        assertThat(answers).hasSize(2);

        // issue 10, finding 2: finance1, no purchaser, upheld a challenge with a BPMN error from street1's answer task
        // (the award revoked, the scores cleared): refused at both doors and in the engine, nothing changed
        Map<String, Object> upholdError = Map.of("errorCode", Errors.CHALLENGE_UPHELD);
        for (String intruder : List.of("finance1", "street2", "auditor1")) {
            ResponseEntity<JsonNode> throughRest = scenario.as(intruder).post("/engine-rest/task/" + answers.get(1) + "/bpmnError",
                    upholdError);
            assertThat(throughRest.getStatusCode()).as(String.valueOf(throughRest.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
            ResponseEntity<JsonNode> throughTasklist = Tasklist.as(http, intruder).post("/task/" + answers.get(1) + "/bpmnError",
                    upholdError);
            assertThat(throughTasklist.getStatusCode()).as(String.valueOf(throughTasklist.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        }
        // nor the purchaser: a BPMN error from a task is no answer; the answer is the form, under its rules
        assertThat(Tasklist.as(http, PURCHASER).post("/task/" + answers.get(1) + "/bpmnError", upholdError).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(scenario.procurement(code).path("status").asText()).isEqualTo("CHALLENGE_PERIOD");
        assertThat(scenario.procurement(code).path("award").path("bidId").asLong()).isEqualTo(a.bid1());

        ResponseEntity<JsonNode> dismissed = scenario.as(PURCHASER).post("/api/tasks/" + answers.get(0) + "/complete",
                Map.of("decision", "DISMISS", "answer", "评分无误"));
        assertThat(dismissed.getStatusCode()).as(String.valueOf(dismissed.getBody())).isEqualTo(HttpStatus.OK);

        // Camunda's complete sends its variables to the process, where the first answer's decision was routed:
        // it must not stand in for a decision the second answer does not make
        ResponseEntity<JsonNode> undecided = Tasklist.as(http, PURCHASER).post("/task/" + answers.get(1) + "/complete",
                Map.of("variables", Map.of("answer", Map.of("value", "已收悉"))));
        assertThat(undecided.getStatusCode()).as(String.valueOf(undecided.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(undecided.getBody().path("fields").has("decision")).as(undecided.getBody().toString()).isTrue();
        JsonNode waiting = scenario.procurement(code);
        assertThat(waiting.path("status").asText()).isEqualTo("CHALLENGE_PERIOD");
        assertThat(ProjectScenario.stream(waiting.path("challenges")).filter(c -> c.hasNonNull("upheld")).count()).isEqualTo(1);

        ResponseEntity<JsonNode> upheld = Tasklist.as(http, PURCHASER).post("/task/" + answers.get(1) + "/complete",
                Map.of("variables", Map.of(Vars.DECISION, Map.of("value", "UPHOLD"), "answer", Map.of("value", "质疑成立，重新评审"))));
        assertThat(upheld.getStatusCode().is2xxSuccessful()).as(String.valueOf(upheld.getBody())).isTrue();
        scenario.awaitStatus(code, "EVALUATING");

        // finding 2 again: street1 and finance1 deleted an expert's scoring task; finding 4: a bidder, an expert who is
        // no member and another community's committee member read every bid's price through the engine
        JsonNode evaluating = scenario.await(code, "scoring reopened", p -> ProjectScenario.stream(p.path("openTasks"))
                .anyMatch(t -> Tasks.SCORE_BID.equals(t.path("key").asText())));
        List<String> scoring = ProjectScenario.stream(evaluating.path("openTasks"))
                .filter(t -> Tasks.SCORE_BID.equals(t.path("key").asText())).map(t -> t.path("id").asText()).toList();
        assertThat(scoring).isNotEmpty();
        String score = scoring.get(0);
        for (String intruder : List.of("street1", "finance1")) {
            assertThat(scenario.as(intruder).delete("/engine-rest/task/" + score)
                    .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(Tasklist.as(http, intruder).delete("/task/" + score).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        for (String reader : List.of("provider2", "expert7", "committee3")) {
            assertThat(scenario.as(reader).get("/engine-rest/task/" + score + "/variables").getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(scenario.as(reader).get("/engine-rest/variable-instance?variableName=bidPrice").getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(Tasklist.as(http, reader).get("/task/" + score + "/form-variables").getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(Tasklist.as(http, reader).get("/variable-instance?variableName=bidPrice").getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(ProjectScenario.stream(scenario.procurement(code).path("openTasks"))
                .filter(t -> Tasks.SCORE_BID.equals(t.path("key").asText())).map(t -> t.path("id").asText()).toList())
                .containsAll(scoring);
    }

    record Awarded(String code, long bid1, long bid2, long bid3) {}

    /**
     * A small purchase with three bids (provider2 cheapest), a committee of three experts and the
     * award to provider1 on Thursday 2026-06-04.
     */
    private Awarded awardedSmallPurchase(String amount, String category) {
        BigDecimal budget = new BigDecimal(amount);
        String code = scenario.create(requirement(amount, category)).path("code").asText();
        scenario.publish(code, "2026-06-04T17:00:00+08:00");
        long bid1 = scenario.bids("provider1", code, budget.multiply(new BigDecimal("0.90")).setScale(2).toPlainString());
        long bid2 = scenario.bids("provider2", code, budget.multiply(new BigDecimal("0.80")).setScale(2).toPlainString());
        long bid3 = scenario.bids("provider3", code, budget.multiply(new BigDecimal("0.96")).setScale(2).toPlainString());
        scenario.moveClock("2026-06-04T17:00:01+08:00");
        scenario.awaitStatus(code, "AWAITING_COMMITTEE");
        ResponseEntity<JsonNode> appointed = scenario.appoint(code, committee(List.of("expert1", "expert2", "expert3"), List.of()));
        assertThat(appointed.getStatusCode()).as(String.valueOf(appointed.getBody())).isEqualTo(HttpStatus.CREATED);
        score(code, Map.of(bid1, 90, bid2, 60, bid3, 80));
        scenario.awaitStatus(code, "CHALLENGE_PERIOD");
        return new Awarded(code, bid1, bid2, bid3);
    }

    private void score(String code, Map<Long, Integer> technical) {
        for (String expert : List.of("expert1", "expert2", "expert3")) {
            technical.forEach((bid, score) -> {
                ResponseEntity<JsonNode> scored = scenario.score(expert, code, bid, score);
                assertThat(scored.getStatusCode()).as(expert + ": " + scored.getBody()).isEqualTo(HttpStatus.CREATED);
            });
        }
    }
}

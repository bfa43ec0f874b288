package cn.shequ.procurement;

import static cn.shequ.support.PurchaseScenario.JUNE_1;
import static cn.shequ.support.PurchaseScenario.PURCHASER;
import static cn.shequ.support.PurchaseScenario.requirement;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.procurement.PurchaseProcess.Vars;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.PurchaseScenario;
import cn.shequ.support.ShequIT;
import cn.shequ.support.Tasklist;
import cn.shequ.support.TestProviders;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * An open tender from requirement to the last payment with every user task completed as Tasklist
 * completes it: {@code POST /camunda/api/engine/engine/default/task/{id}/submit-form} with the fields of the task's form
 * in forms/, as form-js produces them and Tasklist sends them ({@code {"value": …}} without a type,
 * so the engine stores a String, Integer, Double, Boolean or null; an empty text field is "", an
 * empty number or date null; a datetime with {@code timeSerializingFormat: utc_offset} is
 * "2026-06-22T09:00+08:00", a date "2026-07-02"). Candidate-group tasks are claimed first, as
 * Tasklist requires. The requirement, bids and the challenge are not user tasks: JSON API.
 * ¥2,100,000 of community health (HEALTH): no other test buys HEALTH above ¥50,000 (PurchasePathsIT's
 * competitive negotiation, which finance refuses), so every test's method stays as it is.
 */
@ShequIT
class PurchaseTasklistIT {

    /** Three providers certified (2025-01-01, three years) for HEALTH only. */
    static final List<String> BIDDERS = List.of("provider10", "provider11", "provider12");
    static final List<String> EXPERTS = List.of("expert1", "expert2", "expert3", "expert4", "expert5");

    @Autowired
    TestRestTemplate http;

    @Autowired
    TestProviders providers;

    PurchaseScenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new PurchaseScenario(http);
        scenario.moveClock(JUNE_1);
        providers.certifiedBidders("HEALTH",
                new TestProviders.Bidder("provider10", "汕头市龙湖区社区健康服务中心", "52440507MJL00110"),
                new TestProviders.Bidder("provider11", "汕头市金霞卫生服务社", "52440507MJL00111"),
                new TestProviders.Bidder("provider12", "汕头市龙湖区康养服务中心", "52440507MJL00112"));
    }

    @AfterEach
    void realTime() {
        scenario.resetClock();
    }

    @Test
    void anOpenTenderRunsToTheLastPaymentWithEveryTaskSubmittedThroughItsTasklistForm() {
        BigDecimal availableBefore = scenario.available();

        // requirement (JSON API): ¥2,100,000 is an open tender, reserved first
        JsonNode created = scenario.create(requirement("2100000.00", "HEALTH"));
        String code = created.path("code").asText();
        assertThat(created.path("method").asText()).isEqualTo("OPEN_TENDER");
        assertThat(created.path("status").asText()).isEqualTo("AWAITING_NOTICE");
        assertThat(scenario.ledger(code)).extracting(e -> e.path("type").asText()).containsExactly("RESERVE");

        // publish-notice: 20 days at least (采购法 art. 35): 2026-06-20 is refused, the task stays open
        String notice = scenario.taskId(PURCHASER, code, Tasks.PUBLISH_NOTICE);
        String instance = Tasklist.as(http, PURCHASER).get("/task/" + notice).getBody().path("processInstanceId").asText();
        ResponseEntity<JsonNode> tooShort = submit(PURCHASER, notice, form("bidDeadline", "2026-06-20T09:00+08:00", "bidDeposit", null));
        assertThat(tooShort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooShort.getBody().path("fields").path("bidDeadline").asText()).contains("采购法第三十五条", "2026-06-21");
        assertStillOpen(code, notice, Tasks.PUBLISH_NOTICE, "AWAITING_NOTICE");
        // a deposit above 2% of the budget (条例 art. 33), typed with cents: a Double
        ResponseEntity<JsonNode> deposit = submit(PURCHASER, notice, form("bidDeadline", "2026-06-22T09:00+08:00", "bidDeposit", 42000.01));
        assertThat(deposit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(deposit.getBody().path("fields").path("bidDeposit").asText()).contains("条例第三十三条");
        assertStillOpen(code, notice, Tasks.PUBLISH_NOTICE, "AWAITING_NOTICE");
        submitted(PURCHASER, notice, form("bidDeadline", "2026-06-22T09:00+08:00", "bidDeposit", 42000));
        assertThat(scenario.status(code)).isEqualTo("BIDDING");
        JsonNode published = scenario.publicProcurement(code).getBody();
        assertThat(published.path("bidDeposit").asText()).isEqualTo("42000.00");
        assertThat(published.path("bidDeadline").asText()).startsWith("2026-06-22T09:00");

        // bids (JSON API)
        long bid10 = scenario.bids("provider10", code, "2000000.00");
        long bid11 = scenario.bids("provider11", code, "1800000.00");
        long bid12 = scenario.bids("provider12", code, "2050000.00");
        scenario.moveClock("2026-06-22T09:00:01+08:00");
        scenario.awaitStatus(code, "AWAITING_COMMITTEE");

        // form-committee: four members are too few for an open tender (87号令 art. 47); five are right
        String committee = scenario.taskId(PURCHASER, code, Tasks.FORM_COMMITTEE);
        ResponseEntity<JsonNode> four = submit(PURCHASER, committee,
                form("members", "expert1,expert2,expert3,expert4", "experts", "expert1,expert2,expert3,expert4"));
        assertThat(four.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(four.getBody().path("fields").path("members").asText()).contains("87号令第四十七条", "4");
        assertStillOpen(code, committee, Tasks.FORM_COMMITTEE, "AWAITING_COMMITTEE");
        submitted(PURCHASER, committee, form("members", "expert1, expert2, expert3, expert4, expert5",
                "experts", "expert1,expert2,expert3,expert4,expert5"));
        assertThat(scenario.status(code)).isEqualTo("EVALUATING");
        assertThat(scenario.openTaskKeys(code)).hasSize(15).containsOnly(Tasks.SCORE_BID);
        assertThat(variableNames("provider10", instance)).doesNotContain("members", "experts");
        // nor can a bidder find the members through their tasks or the variables of the tasks' executions
        // (条例 art. 40: the committee's names stay confidential until the result is known)
        assertThat(scenario.as("provider10").get("/engine-rest/task?processInstanceId=" + instance).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Tasklist.as(http, "provider10").get("/task?processInstanceId=" + instance).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(listed("provider10", instance)).isEmpty();
        assertThat(variableNames("provider10", instance)).doesNotContain(Vars.MEMBER, Vars.BID_ID);
        // and a member sees their own tasks only, not who else sits on the committee
        assertThat(listed("expert1", instance)).extracting(t -> t.path("assignee").asText()).hasSize(3).containsOnly("expert1");
        // nor another member's bids and prices: the tasks of others are closed to them
        String ofExpert2 = taskIds("expert2", code, Tasks.SCORE_BID).get(0);
        assertThat(Tasklist.as(http, "expert1").get("/task/" + ofExpert2 + "/form-variables").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Tasklist.as(http, "provider10").get("/task/" + ofExpert2 + "/variables").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // score-bid: each expert's three tasks; which bid a task scores is its form variable bidId
        Map<Long, Object> technical = Map.of(bid10, 90.5, bid11, 70, bid12, 80);
        for (String expert : EXPERTS) {
            List<String> tasks = taskIds(expert, code, Tasks.SCORE_BID);
            assertThat(tasks).as(expert).hasSize(3);
            for (String task : tasks) {
                JsonNode variables = Tasklist.as(http, expert).get("/task/" + task + "/form-variables").getBody();
                long bidId = variables.path("bidId").path("value").asLong();
                // the form shows which bid this task scores
                JsonNode bid = ProjectScenario.stream(scenario.procurement(code).path("bids"))
                        .filter(b -> b.path("id").asLong() == bidId).findFirst().orElseThrow();
                assertThat(variables.path("bidder").path("value").asText()).isEqualTo(bid.path("provider").asText());
                assertThat(variables.path("bidPrice").path("value").asText()).isEqualTo(bid.path("price").asText());
                // Tasklist fills the form from these: another member's score must not be among them
                assertThat(variables.path("technicalScore").path("value").isMissingNode()
                        || variables.path("technicalScore").path("value").isNull()).as(expert + ": " + variables).isTrue();
                submitted(expert, task, form("technicalScore", technical.get(bidId)));
            }
        }
        JsonNode awarded = scenario.awaitStatus(code, "CHALLENGE_PERIOD");
        // what the forms submitted stayed with the tasks: a bidder reading the instance through the engine sees
        // neither the committee (confidential until the award, 条例 art. 40) nor a member's score
        assertThat(variableNames("provider10", instance)).doesNotContain("members", "experts", "technicalScore");
        // price scores: 1,800,000 / price × 100 → 90.00, 100.00, 87.80
        // totals: 90×0.3 + 90.5×0.7 = 90.35; 87.80×0.3 + 80×0.7 = 82.34; 100×0.3 + 70×0.7 = 79.00
        assertThat(awarded.path("ranking")).extracting(r -> r.path("bidId").asLong()).containsExactly(bid10, bid12, bid11);
        assertThat(awarded.path("ranking")).extracting(r -> r.path("total").asText()).containsExactly("90.35", "82.34", "79.00");
        assertThat(awarded.path("ranking").get(0).path("technicalScore").asText()).isEqualTo("90.50");
        assertThat(awarded.path("award").path("bidId").asLong()).isEqualTo(bid10);
        // award Monday 06-22, result notice period Tuesday 06-23, then 7 working days (条例 art. 53(三))
        assertThat(awarded.path("challengeDeadline").asText()).startsWith("2026-07-02T23:59:59");

        // answer-challenge: provider11 challenges (JSON API), the purchaser dismisses it in the form
        scenario.moveClock("2026-06-23T10:00:00+08:00");
        ResponseEntity<JsonNode> challenge = scenario.as("provider11").post("/api/procurements/" + code + "/challenges",
                Map.of("reason", "我方报价最低，价格分计算有误"));
        assertThat(challenge.getStatusCode()).as(String.valueOf(challenge.getBody())).isEqualTo(HttpStatus.CREATED);
        submitted(PURCHASER, scenario.taskId(PURCHASER, code, Tasks.ANSWER_CHALLENGE),
                form("decision", "DISMISS", "answer", "价格分按最低报价除以投标报价乘以100计算，无误（87号令第五十五条）"));
        JsonNode dismissed = scenario.procurement(code);
        assertThat(dismissed.path("status").asText()).isEqualTo("CHALLENGE_PERIOD");
        assertThat(dismissed.path("award").path("bidId").asLong()).isEqualTo(bid10);
        assertThat(dismissed.path("challenges").get(0).path("upheld").asBoolean()).isFalse();

        // sign-contract: bond at most 10% (条例 art. 48); its own payment term and rate, default milestones
        scenario.moveClock("2026-07-03T09:00:00+08:00");
        scenario.awaitStatus(code, "AWAITING_CONTRACT");
        String sign = scenario.taskId(PURCHASER, code, Tasks.SIGN_CONTRACT);
        ResponseEntity<JsonNode> bondTooHigh = submit(PURCHASER, sign, form("signedOn", "2026-07-02", "performanceBond", 200000.01,
                "milestones", "", "paymentTermDays", null, "lateInterestDailyRate", null));
        assertThat(bondTooHigh.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bondTooHigh.getBody().path("fields").path("performanceBond").asText()).contains("条例第四十八条");
        assertStillOpen(code, sign, Tasks.SIGN_CONTRACT, "AWAITING_CONTRACT");
        submitted(PURCHASER, sign, form("signedOn", "2026-07-02", "performanceBond", 200000,
                "milestones", "", "paymentTermDays", 45, "lateInterestDailyRate", 0.0003));
        JsonNode signed = scenario.procurement(code);
        assertThat(signed.path("status").asText()).isEqualTo("AWAITING_CONTRACT_PUBLICATION");
        JsonNode contract = signed.path("contract");
        assertThat(contract.path("amount").asText()).isEqualTo("2000000.00");
        assertThat(contract.path("performanceBond").asText()).isEqualTo("200000.00");
        assertThat(contract.path("signedOn").asText()).isEqualTo("2026-07-02");
        assertThat(contract.path("signedLate").asBoolean()).isFalse();
        assertThat(contract.path("paymentTermDays").asInt()).isEqualTo(45);
        assertThat(new BigDecimal(contract.path("lateInterestDailyRate").asText())).isEqualByComparingTo("0.0003");
        assertThat(contract.path("milestones")).extracting(m -> m.path("amount").asText())
                .containsExactly("600000.00", "800000.00", "600000.00");
        assertThat(contract.path("publishDue").asText()).isEqualTo("2026-07-06");

        // publish-contract: the one checkbox
        submitted(PURCHASER, scenario.taskId(PURCHASER, code, Tasks.PUBLISH_CONTRACT), form("confirmed", true));
        assertThat(scenario.procurement(code).path("contract").path("publishedLate").asBoolean()).isFalse();
        assertThat(scenario.publicProcurement(code).getBody().path("contract").path("code").asText()).matches("CT-2026-\\d{4}");

        // milestones: provider10 reports, the purchaser accepts with the people served, finance claims and pays
        for (int seq = 1; seq <= 3; seq++) {
            submitted("provider10", scenario.taskId("provider10", code, Tasks.REPORT_MILESTONE),
                    form("summary", "第" + seq + "期社区健康服务完成", "evidence", "服务记录与签到表"));
            submitted(PURCHASER, scenario.taskId(PURCHASER, code, Tasks.ACCEPT_MILESTONE),
                    form("decision", "APPROVE", "servedParticipants", 30, "comment", ""));
            String payment = scenario.taskId("finance1", code, Tasks.APPROVE_PAYMENT);
            claim("finance1", payment);
            submitted("finance1", payment, form("decision", "APPROVE", "comment", ""));
            int paid = seq;
            scenario.await(code, "milestone " + seq + " paid",
                    p -> "PAID".equals(p.path("contract").path("milestones").get(paid - 1).path("status").asText()));
        }

        // final-evaluation: 9.5 + 46 + 27 + 9 = 91.5 is excellent (财预〔2020〕10号)
        submitted(PURCHASER, scenario.taskId(PURCHASER, code, Tasks.FINAL_EVALUATION), form("respondents", 40, "satisfied", 36,
                "budgetExecution", 9.5, "outputs", 46, "outcomes", 27, "satisfaction", 9));
        JsonNode done = scenario.awaitStatus(code, "COMPLETED");
        assertThat(done.path("grade").asText()).isEqualTo("EXCELLENT");
        assertThat(done.path("disbursed").asText()).isEqualTo("2000000.00");
        assertThat(done.path("contract").path("milestones")).allSatisfy(m -> {
            assertThat(m.path("servedParticipants").asInt()).isEqualTo(30);
            assertThat(m.path("latePayment").asBoolean()).isFalse();
        });
        assertThat(done.path("openTasks")).isEmpty();
        JsonNode record = scenario.as("street1").get("/api/providers/" + done.path("award").path("providerId").asLong()).getBody();
        assertThat(record.path("performance")).anySatisfy(line -> {
            assertThat(line.path("subjectCode").asText()).isEqualTo(code);
            assertThat(line.path("grade").asText()).isEqualTo("EXCELLENT");
        });

        // the money: reserved 2,100,000, paid 2,000,000 in three, 100,000 back to the fund
        List<JsonNode> ledger = scenario.ledger(code);
        assertThat(ledger).extracting(e -> e.path("type").asText()).containsExactly("RESERVE", "DISBURSE", "DISBURSE", "DISBURSE", "RELEASE");
        assertThat(ledger).extracting(e -> e.path("amount").asText())
                .containsExactly("2100000.00", "600000.00", "800000.00", "600000.00", "100000.00");
        assertThat(scenario.available()).isEqualByComparingTo(availableBefore.subtract(new BigDecimal("2000000.00")));
    }

    /** The fields a form-js form submits, in its order; null for an empty number or date field. */
    private static Map<String, Object> form(Object... keysAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return data;
    }

    /** As Tasklist sends a Camunda Form: every field as {"value": …}, no type (the engine infers it). */
    private ResponseEntity<JsonNode> submit(String user, String taskId, Map<String, Object> data) {
        Map<String, Object> variables = new LinkedHashMap<>();
        data.forEach((key, value) -> {
            Map<String, Object> variable = new HashMap<>();
            variable.put("value", value);
            variables.put(key, variable);
        });
        return Tasklist.as(http, user).post("/task/" + taskId + "/submit-form", Map.of("variables", variables));
    }

    private void submitted(String user, String taskId, Map<String, Object> data) {
        ResponseEntity<JsonNode> done = submit(user, taskId, data);
        assertThat(done.getStatusCode().is2xxSuccessful()).as(user + " " + data + ": " + done.getBody()).isTrue();
    }

    /** Tasklist lets a candidate edit a group task's form once they have claimed it. */
    private void claim(String user, String taskId) {
        ResponseEntity<JsonNode> claimed = Tasklist.as(http, user).post("/task/" + taskId + "/claim", Map.of("userId", user));
        assertThat(claimed.getStatusCode().is2xxSuccessful()).as(String.valueOf(claimed.getBody())).isTrue();
    }

    /**
     * The variables of the process instance that {@code user} can read through the engine's doors: neither
     * /engine-rest nor Tasklist's engine API lists an instance's variables to them; what remains are the
     * variables of the tasks of that instance their Tasklist lists.
     */
    private List<String> variableNames(String user, String instance) {
        assertThat(scenario.as(user).get("/engine-rest/variable-instance?processInstanceIdIn=" + instance).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Tasklist.as(http, user).get("/variable-instance?processInstanceIdIn=" + instance).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        List<String> names = new java.util.ArrayList<>();
        for (JsonNode task : listed(user, instance)) {
            Tasklist.as(http, user).get("/task/" + task.path("id").asText() + "/variables").getBody().fieldNames()
                    .forEachRemaining(names::add);
        }
        return names;
    }

    /** The tasks of {@code instance} that {@code user}'s Tasklist lists. */
    private List<JsonNode> listed(String user, String instance) {
        List<JsonNode> tasks = new java.util.ArrayList<>();
        for (String id : Tasklist.as(http, user).listedTaskIds()) {
            JsonNode task = Tasklist.as(http, user).get("/task/" + id).getBody();
            if (instance.equals(task.path("processInstanceId").asText())) {
                tasks.add(task);
            }
        }
        return tasks;
    }

    private List<String> taskIds(String user, String code, String key) {
        return ProjectScenario.stream(scenario.as(user).get("/api/tasks").getBody())
                .filter(t -> code.equals(t.path("procurementCode").asText()) && key.equals(t.path("key").asText()))
                .map(t -> t.path("id").asText()).toList();
    }

    /** A refused submission changed nothing: the same task is open and the status unchanged. */
    private void assertStillOpen(String code, String taskId, String key, String status) {
        JsonNode procurement = scenario.procurement(code);
        assertThat(procurement.path("status").asText()).isEqualTo(status);
        assertThat(ProjectScenario.stream(procurement.path("openTasks")).map(t -> t.path("id").asText() + " " + t.path("key").asText()))
                .containsExactly(taskId + " " + key);
    }
}

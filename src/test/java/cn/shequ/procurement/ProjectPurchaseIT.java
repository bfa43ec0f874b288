package cn.shequ.procurement;

import static cn.shequ.support.PurchaseScenario.committee;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.engine.EngineIdentity;
import cn.shequ.identity.Affiliation;
import cn.shequ.identity.OrganisationMapper;
import cn.shequ.project.ServiceProjectProcess;
import cn.shequ.project.ServiceProjectProcess.Vars;
import cn.shequ.support.Api;
import cn.shequ.support.OcdsSchema;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.PurchaseScenario;
import cn.shequ.support.ShequIT;
import cn.shequ.support.Tasklist;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
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
 * A service project with delivery mode PURCHASE buys its service (call activity purchase-of-service):
 * the street office states the requirement — a residents' committee cannot purchase (102号令 arts.
 * 5–6) — the money finance reserved for the project is the purchase's budget and is not reserved
 * again, and once the contract is published the project reports, accepts and pays the contract's
 * milestones from its own reservation, the contracted provider reporting and the purchaser accepting
 * with the residents served. A method finance refuses starts a new purchase. The project's grade goes
 * onto the provider's record. CONVENIENCE is bought by no other test, so the method is decided by
 * this purchase alone whatever the order of the tests.
 */
@ShequIT
class ProjectPurchaseIT {

    static final String FUND = "F2026-CITY";

    @Autowired
    TestRestTemplate http;

    ProjectScenario projects;
    PurchaseScenario purchases;

    @BeforeEach
    void scenario() {
        projects = new ProjectScenario(http);
        purchases = new PurchaseScenario(http);
        purchases.moveClock(PurchaseScenario.JUNE_1);
    }

    @AfterEach
    void realTime() {
        purchases.resetClock();
    }

    /** Proposed, voted, reviewed and approved by finance: the purchase is called. */
    private String approvedPurchaseProject(String amount) {
        String code = projects.submitted(ProjectScenario.proposal(amount, "CONVENIENCE", FUND, "PURCHASE"));
        assertThat(projects.meet(code, ProjectScenario.meeting(100, 51, 26, "2026-05-28")).path("outcome").asText())
                .isEqualTo("PASSED");
        projects.approve(code);
        return code;
    }

    private static Map<String, Object> requirement(String projectCode) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("projectCode", projectCode);
        r.put("title", "东湖社区便民维修服务");
        r.put("termMonths", 6);
        r.put("priceWeight", 20);
        return r;
    }

    private List<JsonNode> ledger(String code) {
        return ProjectScenario.entries(Api.as(http, "finance1").get("/api/funds/" + FUND + "/ledger").getBody(), code);
    }

    @Test
    void aProjectThatBuysItsServicePaysTheContractsMilestonesFromItsOwnReservation() {
        BigDecimal availableBefore = projects.available(FUND);
        String project = approvedPurchaseProject("48000.00");
        assertThat(projects.status(project)).isEqualTo("IN_PROCUREMENT");
        assertThat(ledger(project)).extracting(e -> e.path("type").asText()).containsExactly("RESERVE");
        assertThat(projects.available(FUND)).isEqualByComparingTo(availableBefore.subtract(new BigDecimal("48000.00")));

        // the street office finds the requirement in its task list
        JsonNode define = ProjectScenario.stream(projects.tasks("street1"))
                .filter(t -> PurchaseProcess.Tasks.DEFINE_REQUIREMENT.equals(t.path("key").asText())).findFirst().orElseThrow();
        String code = define.path("procurementCode").asText();
        assertThat(code).matches("PS-2026-\\d{4}");
        assertThat(projects.project(project).path("procurementCode").asText()).as("the committee follows its purchase").isEqualTo(code);

        // a committee cannot purchase; a requirement against the law is refused and nothing is recorded
        ResponseEntity<JsonNode> byCommittee = Api.as(http, "committee1").post("/api/procurements", requirement(project));
        assertThat(byCommittee.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byCommittee.getBody().path("error").asText()).isEqualTo("NOT_A_PURCHASER");
        Map<String, Object> tooLong = requirement(project);
        tooLong.put("termMonths", 37);
        ResponseEntity<JsonNode> refused = purchases.as("street1").post("/api/procurements", tooLong);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("fields").path("termMonths").asText()).contains("102号令第二十四条");
        JsonNode pending = purchases.procurement(code);
        assertThat(pending.path("status").asText()).isEqualTo("AWAITING_REQUIREMENT");
        assertThat(pending.path("projectCode").asText()).isEqualTo(project);
        assertThat(pending.path("openTasks")).extracting(t -> t.path("key").asText()).containsExactly(PurchaseProcess.Tasks.DEFINE_REQUIREMENT);
        assertThat(purchases.as("street1").get("/api/procurements/PS-2026-9999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> unknown = purchases.as("street1").post("/api/procurements", requirement("SP-2026-9999"));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().path("fields").path("projectCode").asText()).contains("SP-2026-9999");

        // the requirement: the project's category, budget and fund; not reserved a second time
        ResponseEntity<JsonNode> created = purchases.as("street1").post("/api/procurements", requirement(project));
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().path("code").asText()).isEqualTo(code);
        assertThat(created.getBody().path("method").asText()).isEqualTo("SMALL_PURCHASE");
        JsonNode procurement = purchases.procurement(code);
        assertThat(procurement.path("projectCode").asText()).isEqualTo(project);
        assertThat(procurement.path("amount").asText()).isEqualTo("48000.00");
        assertThat(procurement.path("category").asText()).isEqualTo("CONVENIENCE");
        assertThat(procurement.path("status").asText()).isEqualTo("AWAITING_NOTICE");
        assertThat(procurement.path("reserved").asText()).as("the project's reservation").isEqualTo("48000.00");
        assertThat(ledger(code)).isEmpty();
        assertThat(projects.available(FUND)).isEqualByComparingTo(availableBefore.subtract(new BigDecimal("48000.00")));
        ResponseEntity<JsonNode> again = purchases.as("street1").post("/api/procurements", requirement(project));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        // small purchase: 3 working days of bids (Monday 1 June → Thursday 4 June), three quotes compared
        purchases.publish(code, "2026-06-04T17:00:00+08:00");
        long bid1 = purchases.bids("provider1", code, "45000.00");
        long bid2 = purchases.bids("provider2", code, "42000.00");
        long bid3 = purchases.bids("provider3", code, "47000.00");
        assertThat(purchases.bid("provider1", code, "48000.01").getStatusCode()).isIn(HttpStatus.BAD_REQUEST, HttpStatus.CONFLICT);
        purchases.moveClock("2026-06-04T17:00:01+08:00");
        purchases.awaitStatus(code, "AWAITING_COMMITTEE");
        ResponseEntity<JsonNode> appointed = purchases.appoint(code, committee(List.of("expert1", "expert2", "expert3"), List.of()));
        assertThat(appointed.getStatusCode()).as(String.valueOf(appointed.getBody())).isEqualTo(HttpStatus.CREATED);
        Map<Long, Integer> technical = Map.of(bid1, 90, bid2, 70, bid3, 80);
        for (String expert : List.of("expert1", "expert2", "expert3")) {
            technical.forEach((bid, score) -> assertThat(purchases.score(expert, code, bid, score).getStatusCode())
                    .isEqualTo(HttpStatus.CREATED));
        }
        // price weight 20%: 42,000 / 45,000 × 100 = 93.33 → 93.33 × 0.2 + 90 × 0.8 = 90.67
        JsonNode awarded = purchases.awaitStatus(code, "CHALLENGE_PERIOD");
        assertThat(awarded.path("award").path("bidId").asLong()).isEqualTo(bid1);
        assertThat(awarded.path("ranking").get(0).path("total").asText()).isEqualTo("90.67");

        purchases.moveClock("2026-06-25T09:00:00+08:00");
        purchases.awaitStatus(code, "AWAITING_CONTRACT");
        // the contract gives 45 days to pay after acceptance (保障中小企业款项支付条例: up to 60 by agreement)
        ResponseEntity<JsonNode> signed = purchases.as("street1").post("/api/procurements/" + code + "/contract",
                Map.of("performanceBond", "4500.00", "paymentTermDays", 45));
        assertThat(signed.getStatusCode()).as(String.valueOf(signed.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(projects.status(project)).isEqualTo("IN_PROCUREMENT");
        ResponseEntity<JsonNode> published = purchases.as("street1").post("/api/procurements/" + code + "/contract/publish", null);
        assertThat(published.getStatusCode()).as(String.valueOf(published.getBody())).isEqualTo(HttpStatus.OK);

        // the contract is handed to the project: its milestones (of the price, 30/40/30) are now the project's
        assertThat(purchases.status(code)).isEqualTo("IN_DELIVERY");
        assertThat(purchases.openTaskKeys(code)).isEmpty();
        JsonNode delivering = projects.project(project);
        assertThat(delivering.path("status").asText()).isEqualTo("IN_DELIVERY");
        assertThat(delivering.path("milestones")).extracting(m -> m.path("amount").asText())
                .containsExactly("13500.00", "18000.00", "13500.00");
        assertThat(delivering.path("milestones")).extracting(m -> m.path("percent").asInt()).containsExactly(30, 40, 30);

        // the contracted provider reports — not the committee, not another provider
        assertThat(projects.task("committee1", project, ServiceProjectProcess.Tasks.REPORT_MILESTONE)).isEmpty();
        assertThat(projects.task("provider2", project, ServiceProjectProcess.Tasks.REPORT_MILESTONE)).isEmpty();
        String report = projects.taskId("provider1", project, ServiceProjectProcess.Tasks.REPORT_MILESTONE);
        // Tasklist's engine API completes a task assigned to someone else: refused at its door (not theirs to see)
        ResponseEntity<JsonNode> byCommitteeThroughEngine = Tasklist.as(http, "committee1").post("/task/" + report + "/complete",
                Map.of("variables", Map.of("summary", Map.of("value", "代报"), "evidence", Map.of("value", "无"))));
        assertThat(byCommitteeThroughEngine.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byCommitteeThroughEngine.getBody().path("error").asText()).isEqualTo("NOT_YOUR_TASK");
        // another provider neither sees the task in Tasklist nor completes it there; the supplier sees it
        assertThat(engineTaskIds("provider2", ServiceProjectProcess.Tasks.REPORT_MILESTONE)).doesNotContain(report);
        ResponseEntity<JsonNode> byOtherProvider = Tasklist.as(http, "provider2").post("/task/" + report + "/complete",
                Map.of("variables", Map.of("summary", Map.of("value", "代报"), "evidence", Map.of("value", "无"))));
        assertThat(byOtherProvider.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engineTaskIds("provider1", ServiceProjectProcess.Tasks.REPORT_MILESTONE)).contains(report);
        ResponseEntity<JsonNode> byCommitteeReport = projects.completeById("committee1", report,
                Map.of("summary", "代报", "evidence", "无"));
        assertThat(byCommitteeReport.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byCommitteeReport.getBody().path("error").asText()).isEqualTo("NOT_YOUR_TASK");
        for (int seq = 1; seq <= 3; seq++) {
            projects.complete("provider1", project, ServiceProjectProcess.Tasks.REPORT_MILESTONE, Map.of("summary", "第" + seq + "期维修服务完成", "evidence", "服务工单"));
            if (seq == 1) {
                // the purchaser organises the acceptance, the residents served taking part (条例 art. 45)
                assertThat(projects.task("committee2", project, ServiceProjectProcess.Tasks.ACCEPT_MILESTONE)).isEmpty();
                ResponseEntity<JsonNode> byCommitteeAcceptance = projects.completeById("committee2",
                        projects.taskId("street1", project, ServiceProjectProcess.Tasks.ACCEPT_MILESTONE),
                        Map.of("decision", "APPROVE", "comment", "验收合格", "servedParticipants", 15));
                assertThat(byCommitteeAcceptance.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
                ResponseEntity<JsonNode> acceptedThroughEngine = Tasklist.as(http, "committee2").post("/task/"
                        + projects.taskId("street1", project, ServiceProjectProcess.Tasks.ACCEPT_MILESTONE) + "/complete", Map.of("variables",
                        Map.of(Vars.DECISION, Map.of("value", "APPROVE"), "servedParticipants", Map.of("value", 15))));
                assertThat(acceptedThroughEngine.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(acceptedThroughEngine.getBody().path("error").asText()).isEqualTo("NOT_YOUR_TASK");
            }
            projects.complete("street1", project, ServiceProjectProcess.Tasks.ACCEPT_MILESTONE,
                    Map.of("decision", "APPROVE", "comment", "验收合格，居民代表参与", "servedParticipants", 15));
            if (seq == 3) {
                // paid 40 days after acceptance: late on the regulation's 30 days, on time on this contract's 45
                purchases.moveClock("2026-08-04T09:00:00+08:00");
            }
            projects.complete("finance2", project, ServiceProjectProcess.Tasks.APPROVE_PAYMENT, Map.of("decision", "APPROVE"));
            projects.awaitPaid(project, seq);
        }
        JsonNode third = projects.project(project).path("milestones").get(2);
        assertThat(third.has("lateDays")).as(third.toString()).isTrue();
        assertThat(third.path("lateDays").asInt()).isZero();
        assertThat(third.path("lateInterest").asText()).isEqualTo("0.00");
        assertThat(purchases.procurement(code).path("contract").path("milestones")).extracting(m -> m.path("status").asText())
                .containsOnly("PAID");

        projects.complete("committee1", project, ServiceProjectProcess.Tasks.FINAL_ACCEPTANCE, Map.of("respondents", 40, "satisfied", 36,
                "scores", Map.of("budgetExecution", 9, "outputs", 45, "outcomes", 27, "satisfaction", 9)));
        assertThat(projects.status(project)).isEqualTo("IN_AUDIT");

        // the money: reserved once for the project, the price paid in three, the rest back to the fund
        List<JsonNode> lines = ledger(project);
        assertThat(lines).extracting(e -> e.path("type").asText())
                .containsExactly("RESERVE", "DISBURSE", "DISBURSE", "DISBURSE", "RELEASE");
        assertThat(lines).extracting(e -> e.path("amount").asText())
                .containsExactly("48000.00", "13500.00", "18000.00", "13500.00", "3000.00");
        assertThat(ledger(code)).isEmpty();
        assertThat(projects.available(FUND)).isEqualByComparingTo(availableBefore.subtract(new BigDecimal("45000.00")));

        // the grade is the contract's: on the purchase and on the provider's record
        JsonNode completed = purchases.procurement(code);
        assertThat(completed.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.path("disbursed").asText()).isEqualTo("45000.00");
        assertThat(completed.path("reserved").asText()).isEqualTo("45000.00");
        assertThat(completed.path("grade").asText()).isEqualTo("EXCELLENT");
        JsonNode record = purchases.as("street1").get("/api/providers/" + completed.path("award").path("providerId").asLong()).getBody();
        assertThat(record.path("performance")).anySatisfy(line -> {
            assertThat(line.path("subjectCode").asText()).isEqualTo(code);
            assertThat(line.path("grade").asText()).isEqualTo("EXCELLENT");
        });

        // OCDS: the contract's milestones met and its payments (made by the project) as transactions
        JsonNode ocds = purchases.as("street1").get("/public/ocds/" + code).getBody();
        assertThat(OcdsSchema.validate(ocds)).isEmpty();
        JsonNode releases = ocds.path("releases");
        JsonNode last = releases.get(releases.size() - 1);
        assertThat(last.path("tag").get(0).asText()).isEqualTo("implementation");
        JsonNode contract = last.path("contracts").get(0);
        assertThat(ProjectScenario.stream(contract.path("milestones")).map(m -> m.path("status").asText()).toList())
                .containsOnly("met");
        assertThat(ProjectScenario.stream(contract.path("implementation").path("transactions"))
                .map(t -> t.path("value").path("amount").decimalValue().setScale(2).toPlainString()).toList())
                .containsExactly("13500.00", "18000.00", "13500.00");
    }

    @Test
    void aProjectWhosePurchaseIsCancelledEndsAndItsMoneyReturnsToTheFund() {
        BigDecimal availableBefore = projects.available(FUND);
        String project = approvedPurchaseProject("30000.00");
        ResponseEntity<JsonNode> created = purchases.as("street1").post("/api/procurements", requirement(project));
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        String code = created.getBody().path("code").asText();

        // two quotes only at the deadline: the purchase fails (采购法 art. 36) and the purchaser cancels it
        purchases.publish(code, "2026-06-04T17:00:00+08:00");
        purchases.bids("provider1", code, "29000.00");
        purchases.bids("provider2", code, "28000.00");
        purchases.moveClock("2026-06-04T17:00:01+08:00");
        purchases.awaitStatus(code, "FAILED");
        purchases.complete("street1", code, PurchaseProcess.Tasks.DECIDE_AFTER_FAILURE, Map.of("decision", "CANCEL", "comment", "报价不足，取消采购"));

        assertThat(purchases.status(code)).isEqualTo("CANCELLED");
        assertThat(projects.status(project)).isEqualTo("PURCHASE_FAILED");
        assertThat(projects.openTaskKeys(project)).isEmpty();
        assertThat(ledger(project)).extracting(e -> e.path("type").asText()).containsExactly("RESERVE", "RELEASE");
        assertThat(ledger(code)).isEmpty();
        assertThat(projects.available(FUND)).isEqualByComparingTo(availableBefore);
    }

    @Test
    void aMethodFinanceRefusesStartsANewPurchaseForTheProjectAndKeepsItsMoney() {
        String project = approvedPurchaseProject("20000.00");
        Map<String, Object> singleSource = requirement(project);
        singleSource.put("method", "SINGLE_SOURCE");
        singleSource.put("methodReason", "仅一家承接主体具备该社区的维修资质");
        ResponseEntity<JsonNode> created = purchases.as("street1").post("/api/procurements", singleSource);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        String first = created.getBody().path("code").asText();
        assertThat(purchases.openTaskKeys(first)).containsExactly(PurchaseProcess.Tasks.APPROVE_METHOD);
        purchases.complete("finance1", first, PurchaseProcess.Tasks.APPROVE_METHOD, Map.of("decision", "REJECT", "comment", "理由不充分，应竞争采购"));

        assertThat(purchases.status(first)).isEqualTo("REJECTED");
        assertThat(projects.status(project)).isEqualTo("IN_PROCUREMENT");
        assertThat(ledger(project)).extracting(e -> e.path("type").asText()).containsExactly("RESERVE");
        // a new purchase for the same project, its requirement to be stated again
        ResponseEntity<JsonNode> again = purchases.as("street1").post("/api/procurements", requirement(project));
        assertThat(again.getStatusCode()).as(String.valueOf(again.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getBody().path("code").asText()).isNotEqualTo(first).matches("PS-2026-\\d{4}");
        assertThat(again.getBody().path("method").asText()).isEqualTo("SMALL_PURCHASE");
        assertThat(ledger(again.getBody().path("code").asText())).isEmpty();
    }

    @Autowired
    EngineIdentity identity;

    @Autowired
    OrganisationMapper organisations;

    @Test
    void onlyAPurchaserOfTheProjectsStreetStatesItsRequirementWithinTheLaw() {
        if (organisations.countStreet("S09") == 0) {
            organisations.insertStreet("S09", "测试街道办事处", "D01");
        }
        identity.createDemoUserIfAbsent("street9", "测试", "street9", "demo");
        identity.ensureMembership("street9", "street-office");
        if (organisations.findAffiliation("street9").isEmpty()) {
            organisations.insertAffiliation(new Affiliation("street9", "测试街道办", null, "S09", "D01", null));
        }
        String project = approvedPurchaseProject("10000.00");

        // 102号令 arts. 5–6: the street office of the project's community buys for it, not another
        ResponseEntity<JsonNode> otherStreet = Api.as(http, "street9").post("/api/procurements", requirement(project));
        assertThat(otherStreet.getStatusCode()).as(String.valueOf(otherStreet.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(otherStreet.getBody().path("error").asText()).isEqualTo("OTHER_JURISDICTION");
        // a term beyond any whole number of months is out of range, not wrapped round to one
        Map<String, Object> huge = requirement(project);
        huge.put("termMonths", 4294967297L);
        ResponseEntity<JsonNode> overflow = purchases.as("street1").post("/api/procurements", huge);
        assertThat(overflow.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(overflow.getBody().path("fields").has("termMonths")).as(String.valueOf(overflow.getBody())).isTrue();
        String code = projects.project(project).path("procurementCode").asText();
        String define = purchases.taskId("street1", code, PurchaseProcess.Tasks.DEFINE_REQUIREMENT);
        ResponseEntity<JsonNode> wrapped = Tasklist.as(http, "street1").post("/task/" + define + "/submit-form",
                Map.of("variables", Map.of("termMonths", Map.of("value", 4294967297L), "priceWeight", Map.of("value", 20))));
        assertThat(wrapped.getStatusCode()).as(String.valueOf(wrapped.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrapped.getBody().path("fields").path("termMonths").asText()).contains("102号令第二十四条");

        assertThat(purchases.procurement(code).path("status").asText()).isEqualTo("AWAITING_REQUIREMENT");
        assertThat(ledger(project)).extracting(e -> e.path("type").asText()).containsExactly("RESERVE");
    }

    /** The ids of the open tasks that {@code user}'s Tasklist lists ({@code key}: what the caller looks for). */
    private List<String> engineTaskIds(String user, String key) {
        return List.copyOf(Tasklist.as(http, user).listedTaskIds());
    }
}

package cn.shequ.transparency;

import static cn.shequ.support.ProjectScenario.stream;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.procurement.PurchaseProcess;
import cn.shequ.project.ServiceProjectProcess;
import cn.shequ.support.Api;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.PurchaseScenario;
import cn.shequ.support.ShequIT;
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
 * A community's accounts (社区服务收支) after a full lifecycle — a project with two milestones paid
 * and audited to CLOSED, and a project whose purchase was cancelled and its reservation released —
 * reconcile with the fund ledger to the cent, line by line and in total; money raised from residents
 * (筹资筹劳) is refused without a passed meeting and above the amount decided, accepted with it,
 * ring-fenced to the community, and shown in the accounts. Other tests share the funds and C001, so
 * totals are compared as differences before and after.
 */
@ShequIT
class CommunityAccountsIT {

    static final String CITY = "F2026-CITY";
    static final String Q2 = "?year=2026&quarter=2";

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

    private JsonNode accounts(String community, String query) {
        ResponseEntity<JsonNode> answer = Api.as(http, "auditor2").get("/api/communities/" + community + "/accounts" + query);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        JsonNode open = http.getForObject("/public/communities/" + community + "/accounts" + query, JsonNode.class);
        assertThat(open).as("the public read is the same accounts").isEqualTo(answer.getBody());
        return answer.getBody();
    }

    private static BigDecimal money(JsonNode node) {
        assertThat(node.isTextual()).as("money is a string: " + node).isTrue();
        assertThat(node.asText()).matches("-?\\d+\\.\\d{2}");
        return new BigDecimal(node.asText());
    }

    private List<JsonNode> ledgerLines(String fund, String code) {
        return projects.ledger(fund, code);
    }

    @Test
    void theAccountsOfALifecycleWithTwoMilestonesAndAReleaseReconcileWithTheLedgerToTheCent() {
        JsonNode before = accounts("C001", Q2);

        // a project delivered by the committee: reserved, two milestones paid, accepted, audited, closed
        String delivered = projects.submitted(ProjectScenario.proposal("12345.67", "ELDERLY_CARE", CITY, "SELF"));
        assertThat(projects.meet(delivered, ProjectScenario.meeting(100, 51, 26, "2026-05-28")).path("outcome").asText())
                .isEqualTo("PASSED");
        projects.approve(delivered);
        projects.payMilestone(delivered, 1);
        projects.payMilestone(delivered, 2);
        projects.complete("committee1", delivered, ServiceProjectProcess.Tasks.FINAL_ACCEPTANCE, Map.of("respondents", 40, "satisfied", 36,
                "scores", Map.of("budgetExecution", 9, "outputs", 45, "outcomes", 27, "satisfaction", 9)));
        projects.complete("auditor1", delivered, ServiceProjectProcess.Tasks.AUDIT_REVIEW, Map.of("decision", "CLEAN"));
        assertThat(projects.status(delivered)).isEqualTo("CLOSED");

        // a project whose purchase failed and was cancelled: its reservation goes back to the fund
        String cancelled = projects.submitted(ProjectScenario.proposal("2000.00", "VOLUNTEER", CITY, "PURCHASE"));
        projects.meet(cancelled, ProjectScenario.meeting(100, 51, 26, "2026-05-28"));
        projects.approve(cancelled);
        Map<String, Object> requirement = new LinkedHashMap<>();
        requirement.put("projectCode", cancelled);
        requirement.put("title", "东湖社区文体活动服务");
        requirement.put("termMonths", 6);
        requirement.put("priceWeight", 20);
        String purchase = purchases.create(requirement).path("code").asText();
        purchases.publish(purchase, "2026-06-04T17:00:00+08:00");
        purchases.bids("provider1", purchase, "1900.00");
        purchases.moveClock("2026-06-04T17:00:01+08:00");
        purchases.awaitStatus(purchase, "FAILED");
        purchases.complete("street1", purchase, PurchaseProcess.Tasks.DECIDE_AFTER_FAILURE, Map.of("decision", "CANCEL", "comment", "报价不足，取消采购"));
        assertThat(ledgerLines(CITY, cancelled)).extracting(e -> e.path("type").asText()).containsExactly("RESERVE", "RELEASE");

        JsonNode after = accounts("C001", Q2);

        // received, spent and released moved by exactly this lifecycle's ledger lines
        assertThat(money(after.path("received").path("reservedForProjects"))
                .subtract(money(before.path("received").path("reservedForProjects")))).isEqualByComparingTo("14345.67");
        assertThat(money(after.path("spent").path("disbursed")).subtract(money(before.path("spent").path("disbursed"))))
                .isEqualByComparingTo("12345.67");
        assertThat(money(after.path("released")).subtract(money(before.path("released")))).isEqualByComparingTo("2000.00");
        assertThat(money(after.path("reservedNotPaid")).subtract(money(before.path("reservedNotPaid")))).isEqualByComparingTo("0.00");

        // spent by project and milestone: 40% and 60% of 12,345.67, the second taking the remainder
        List<JsonNode> payments = stream(after.path("spent").path("payments"))
                .filter(p -> delivered.equals(p.path("projectCode").asText())).toList();
        assertThat(payments).extracting(p -> p.path("milestoneSeq").asInt()).containsExactly(1, 2);
        assertThat(payments).extracting(p -> p.path("milestone").asText()).containsExactly("服务启动", "服务完成");
        assertThat(payments).extracting(p -> p.path("amount").asText()).containsExactly("4938.27", "7407.40");

        // the accounts' lines of each project are the fund ledger's lines of that project, to the cent
        for (String code : List.of(delivered, cancelled)) {
            List<String> ledger = ledgerLines(CITY, code).stream()
                    .map(e -> e.path("seq").asLong() + " " + e.path("type").asText() + " " + e.path("amount").asText()).toList();
            List<String> inAccounts = stream(after.path("lines")).filter(l -> code.equals(l.path("projectCode").asText()))
                    .map(l -> l.path("seq").asLong() + " " + l.path("type").asText() + " " + l.path("amount").asText()).toList();
            assertThat(inAccounts).as(code).isEqualTo(ledger).isNotEmpty();
        }
        JsonNode closed = stream(after.path("projects")).filter(p -> delivered.equals(p.path("code").asText())).findFirst().orElseThrow();
        assertThat(closed.path("reserved").asText()).isEqualTo("12345.67");
        assertThat(closed.path("disbursed").asText()).isEqualTo("12345.67");
        assertThat(closed.path("reservedNotPaid").asText()).isEqualTo("0.00");
        JsonNode released = stream(after.path("projects")).filter(p -> cancelled.equals(p.path("code").asText())).findFirst().orElseThrow();
        assertThat(released.path("released").asText()).isEqualTo("2000.00");
        assertThat(released.path("reservedNotPaid").asText()).isEqualTo("0.00");

        // the auditor's check: both sides shown, every check of these projects and of the period agrees
        List<JsonNode> checks = stream(after.path("reconciliation").path("checks")).toList();
        assertThat(checks).filteredOn(c -> !c.path("item").asText().startsWith("project."))
                .extracting(c -> c.path("item").asText())
                .containsExactly("received.reservedForProjects", "received.raisedFromResidents", "spent.payments", "released");
        for (JsonNode check : checks) {
            String item = check.path("item").asText();
            if (!item.startsWith("project.") || item.contains(delivered) || item.contains(cancelled)) {
                assertThat(check.path("agrees").asBoolean()).as(check.toString()).isTrue();
                assertThat(check.path("difference").asText()).isEqualTo("0.00");
                assertThat(check.path("accounts").asText()).isEqualTo(check.path("ledger").asText());
            }
        }
        assertThat(checks).filteredOn(c -> c.path("item").asText().equals("project." + delivered + ".payments"))
                .singleElement().satisfies(c -> assertThat(c.path("ledger").asText()).isEqualTo("12345.67"));

        // charts' tables: the quarter holds the period's money, the categories add up to it
        JsonNode q2 = after.path("byQuarter");
        assertThat(q2).hasSize(1);
        assertThat(q2.get(0).path("label").asText()).isEqualTo("2026年第2季度");
        assertThat(q2.get(0).path("disbursed").asText()).isEqualTo(after.path("spent").path("disbursed").asText());
        BigDecimal byCategory = stream(after.path("byCategory")).map(c -> money(c.path("disbursed"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(byCategory).isEqualByComparingTo(money(after.path("spent").path("disbursed")));

        // the year holds the quarter; another community's accounts do not hold these projects
        JsonNode year = accounts("C001", "?year=2026");
        assertThat(year.path("byQuarter")).hasSize(4);
        assertThat(stream(year.path("lines")).filter(l -> delivered.equals(l.path("projectCode").asText()))).hasSize(3);
        assertThat(stream(accounts("C002", "?year=2026").path("lines"))
                .filter(l -> delivered.equals(l.path("projectCode").asText()))).isEmpty();
    }

    @Test
    void badPeriodsAndUnknownCommunitiesAreRefusedNamingTheField() {
        ResponseEntity<JsonNode> quarter = http.getForEntity("/public/communities/C001/accounts?year=2026&quarter=5", JsonNode.class);
        assertThat(quarter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(quarter.getBody().path("fields").has("quarter")).isTrue();
        ResponseEntity<JsonNode> backwards = http.getForEntity("/public/communities/C001/accounts?from=2026-06-30&to=2026-01-01", JsonNode.class);
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(backwards.getBody().path("fields").has("to")).isTrue();
        ResponseEntity<JsonNode> notADate = http.getForEntity("/public/communities/C001/accounts?from=2026-02-30&to=2026-03-01", JsonNode.class);
        assertThat(notADate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notADate.getBody().path("fields").has("from")).isTrue();
        ResponseEntity<JsonNode> unknown = http.getForEntity("/public/communities/C999/accounts", JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(Api.as(http, "committee1").get("/api/communities/C001/accounts").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/api/communities/C001/accounts", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    static Map<String, Object> decision(String amount, int eligible, int present, int yes) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("purpose", "东湖社区楼道照明改造");
        d.put("category", "ENVIRONMENT");
        d.put("amount", amount);
        d.putAll(ProjectScenario.meeting(eligible, present, yes, "2026-05-20"));
        d.put("minutes", "居民会议讨论楼道照明改造的筹资方案并表决。");
        return d;
    }

    @Test
    void moneyRaisedFromResidentsNeedsItsPassedMeetingAndStaysWithinWhatItDecided() {
        Api committee1 = Api.as(http, "committee1");
        JsonNode before = accounts("C001", Q2);

        // without a meeting: refused naming the rule, no fund
        ResponseEntity<JsonNode> without = committee1.post("/api/resident-funds", Map.of("amount", "5000.00"));
        assertThat(without.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(without.getBody().path("fields").path("decisionId").asText()).contains("居委会法第十条、第十六条");

        // a meeting without quorum decided nothing: refused naming the rule
        ResponseEntity<JsonNode> noQuorum = committee1.post("/api/communities/C001/fundraising-decisions", decision("8000.00", 100, 50, 50));
        assertThat(noQuorum.getStatusCode()).as(String.valueOf(noQuorum.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(noQuorum.getBody().path("outcome").asText()).isEqualTo("NO_QUORUM");
        long failed = noQuorum.getBody().path("id").asLong();
        ResponseEntity<JsonNode> fromFailed = committee1.post("/api/resident-funds", Map.of("decisionId", failed, "amount", "5000.00"));
        assertThat(fromFailed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(fromFailed.getBody().path("error").asText()).isEqualTo("RESIDENT_FUND_NOT_DECIDED");
        assertThat(fromFailed.getBody().path("message").asText()).contains("居委会法第十条、第十六条");
        assertThat(stream(Api.as(http, "finance1").get("/api/funds").getBody()).map(f -> f.path("code").asText()))
                .doesNotContain("F2026-C001-R" + failed);

        // a passed meeting: another community's committee may not use it; above its amount refused; within accepted
        ResponseEntity<JsonNode> passed = committee1.post("/api/communities/C001/fundraising-decisions", decision("8000.00", 100, 51, 26));
        assertThat(passed.getBody().path("outcome").asText()).isEqualTo("PASSED");
        long id = passed.getBody().path("id").asLong();
        assertThat(Api.as(http, "committee3").post("/api/resident-funds", Map.of("decisionId", id, "amount", "5000.00"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Api.as(http, "committee3").post("/api/communities/C001/fundraising-decisions", decision("1.00", 100, 51, 26))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> above = committee1.post("/api/resident-funds", Map.of("decisionId", id, "amount", "8000.01"));
        assertThat(above.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(above.getBody().path("error").asText()).isEqualTo("RESIDENT_FUND_ABOVE_DECISION");
        assertThat(above.getBody().path("message").asText()).contains("8000.00").contains("居委会法第十条、第十六条");
        ResponseEntity<JsonNode> opened = committee1.post("/api/resident-funds", Map.of("decisionId", id, "amount", "7500.00"));
        assertThat(opened.getStatusCode()).as(String.valueOf(opened.getBody())).isEqualTo(HttpStatus.CREATED);
        String fund = opened.getBody().path("code").asText();
        assertThat(fund).isEqualTo("F2026-C001-R" + id);
        assertThat(committee1.post("/api/resident-funds", Map.of("decisionId", id, "amount", "500.00")).getBody()
                .path("error").asText()).isEqualTo("RESIDENT_FUND_ALREADY_OPENED");
        JsonNode ledger = Api.as(http, "finance1").get("/api/funds/" + fund + "/ledger").getBody();
        assertThat(ledger).extracting(e -> e.path("type").asText() + " " + e.path("amount").asText()).containsExactly("ALLOCATE 7500.00");
        JsonNode fundView = Api.as(http, "finance1").get("/api/funds/" + fund).getBody();
        assertThat(fundView.path("categories")).extracting(JsonNode::asText).containsExactly("ENVIRONMENT");

        // ring-fenced: a project of another community cannot reserve it
        Map<String, Object> elsewhere = ProjectScenario.proposal("1000.00", "ENVIRONMENT", fund, "SELF");
        elsewhere.put("communityCode", "C002");
        ResponseEntity<JsonNode> drafted = Api.as(http, "committee3").post("/api/projects", elsewhere);
        if (drafted.getStatusCode() == HttpStatus.CREATED) {
            String other = drafted.getBody().path("code").asText();
            Api.as(http, "committee3").post("/api/projects/" + other + "/submit", null);
            Api.as(http, "committee3").post("/api/projects/" + other + "/meetings", ProjectScenario.meeting(100, 51, 26, "2026-05-28"));
            projects.complete("street1", other, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, Map.of("decision", "APPROVE", "comment", "同意"));
            ResponseEntity<JsonNode> refused = projects.attempt("finance1", other, ServiceProjectProcess.Tasks.FINANCE_REVIEW, Map.of("decision", "APPROVE"));
            assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refused.getBody().path("error").asText()).isEqualTo("FUND_OF_ANOTHER_COMMUNITY");
        } else {
            assertThat(drafted.getStatusCode()).as(String.valueOf(drafted.getBody())).isIn(HttpStatus.BAD_REQUEST, HttpStatus.CONFLICT);
        }
        // its own community's project for the decided purpose reserves it
        String own = projects.submitted(ProjectScenario.proposal("3000.00", "ENVIRONMENT", fund, "SELF"));
        projects.meet(own, ProjectScenario.meeting(100, 51, 26, "2026-05-28"));
        projects.approve(own);
        assertThat(projects.status(own)).isEqualTo("IN_DELIVERY");

        // disclosed with the community's accounts
        JsonNode after = accounts("C001", Q2);
        assertThat(money(after.path("received").path("raisedFromResidents"))
                .subtract(money(before.path("received").path("raisedFromResidents")))).isEqualByComparingTo("7500.00");
        JsonNode raised = stream(after.path("raisedFunds")).filter(f -> fund.equals(f.path("fundCode").asText())).findFirst().orElseThrow();
        assertThat(raised.path("decided").asText()).isEqualTo("8000.00");
        assertThat(raised.path("raised").asText()).isEqualTo("7500.00");
        assertThat(raised.path("reserved").asText()).isEqualTo("3000.00");
        assertThat(raised.path("available").asText()).isEqualTo("4500.00");
        assertThat(raised.path("purpose").asText()).isEqualTo("东湖社区楼道照明改造");
        assertThat(stream(after.path("reconciliation").path("checks")).filter(c -> c.path("item").asText().startsWith("received.")))
                .allSatisfy(c -> assertThat(c.path("agrees").asBoolean()).as(c.toString()).isTrue());
        JsonNode decisions = http.getForObject("/public/communities/C001/fundraising-decisions", JsonNode.class);
        assertThat(stream(decisions).filter(d -> d.path("id").asLong() == id).findFirst().orElseThrow().path("fundCode").asText())
                .isEqualTo(fund);
    }
}

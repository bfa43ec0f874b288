package cn.shequ.project;

import static cn.shequ.support.ProjectScenario.AUTHOR;
import static cn.shequ.support.ProjectScenario.COMMITTEE;
import static cn.shequ.support.ProjectScenario.meeting;
import static cn.shequ.support.ProjectScenario.proposal;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.engine.EngineIdentity;
import cn.shequ.identity.Affiliation;
import cn.shequ.identity.OrganisationMapper;
import cn.shequ.procurement.PurchaseProcess;
import cn.shequ.project.ServiceProjectProcess.Vars;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.PurchaseScenario;
import cn.shequ.support.ShequIT;
import cn.shequ.support.TestProviders;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
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
 * Service projects at the legal edges of DOMAIN-RULES "Residents' meeting" and "Segregation of
 * duties": a representatives' meeting with exactly two thirds present, the vote on a revised
 * proposal, a meeting reconvened after one without quorum; users in two roles, whom an
 * administrator can create in Camunda Admin although no demo user is one (a committee member of
 * C001 who is also in finance, an auditor who is also in finance). The demo clock is pinned to
 * 2026 dates.
 */
@ShequIT
class ProjectLegalEdgesIT {

    static final String CITY = "F2026-CITY";
    /** committee of C001 and finance */
    static final String COMMITTEE_AND_FINANCE = "comfin1";
    /** auditor and finance (district D01) */
    static final String AUDITOR_AND_FINANCE = "audfin1";
    /** finance (district D01), moved to the auditors by a test once they have paid a milestone (one per run) */
    static final String FINANCE_THEN_AUDITOR = "finaud1";
    /** finance (district D01), moved to the auditors once they have approved a purchase method (one per run) */
    static final String METHOD_APPROVER_THEN_AUDITOR = "finaud2";

    @Autowired
    TestRestTemplate http;

    @Autowired
    EngineIdentity identity;

    @Autowired
    OrganisationMapper organisations;

    @Autowired
    TestProviders providers;

    ProjectScenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new ProjectScenario(http);
        // Monday 2 November 2026
        scenario.moveClock("2026-11-02T09:00:00+08:00");
        user(COMMITTEE_AND_FINANCE, List.of("committee", "finance"), new Affiliation(COMMITTEE_AND_FINANCE, "郑委", "C001", "S01", "D01", null));
        user(AUDITOR_AND_FINANCE, List.of("auditor", "finance"), new Affiliation(AUDITOR_AND_FINANCE, "钱审", null, null, "D01", null));
    }

    private void user(String id, List<String> groups, Affiliation affiliation) {
        identity.createDemoUserIfAbsent(id, "测试", id, "demo");
        groups.forEach(group -> identity.ensureMembership(id, group));
        if (organisations.findAffiliation(id).isEmpty()) {
            organisations.insertAffiliation(affiliation);
        }
    }

    @AfterEach
    void realTime() {
        scenario.resetClock();
    }

    @Test
    void aRepresentativesMeetingHasItsQuorumWithExactlyTwoThirdsPresentAndNotOneFewer() {
        String code = scenario.submitted(proposal("3000.00", "ELDERLY_CARE", CITY, "SELF"));

        // 19 of 30 representatives: less than two thirds
        JsonNode short1 = scenario.meet(code, representatives(30, 19, 19, "2026-11-02"));
        assertThat(short1.path("outcome").asText()).isEqualTo("NO_QUORUM");
        assertThat(scenario.status(code)).isEqualTo("AWAITING_MEETING");

        // 20 of 30: exactly two thirds, and 11 of the 20 in favour
        JsonNode vote = scenario.meet(code, representatives(30, 20, 11, "2026-11-02"));
        assertThat(vote.path("quorum").asBoolean()).isTrue();
        assertThat(vote.path("outcome").asText()).isEqualTo("PASSED");
        assertThat(scenario.status(code)).isEqualTo("IN_REVIEW");
    }

    @Test
    void aRevisedProposalIsVotedOnAtAMeetingHeldNoEarlierThanTheDayItWasResubmitted() {
        String code = scenario.submitted(proposal("3000.00", "ELDERLY_CARE", CITY, "SELF"));
        assertThat(scenario.meet(code, meeting(100, 51, 26, "2026-11-02")).path("outcome").asText()).isEqualTo("PASSED");

        // Thursday 5 November: the street office returns it, the author revises and resubmits it
        scenario.moveClock("2026-11-05T10:00:00+08:00");
        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, Map.of("decision", "RETURN", "comment", "预算偏高，请压缩"));
        Map<String, Object> revised = proposal("2500.00", "ELDERLY_CARE", CITY, "SELF");
        ResponseEntity<JsonNode> edited = scenario.as(AUTHOR).put("/api/projects/" + code, revised);
        assertThat(edited.getStatusCode()).as(String.valueOf(edited.getBody())).isEqualTo(HttpStatus.OK);
        scenario.submit(code);
        String taskId = scenario.taskId(COMMITTEE, code, ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING);

        // the residents voted on 2 November on the earlier proposal; a meeting of 4 November cannot have voted on this one
        for (String before : new String[] {"2026-11-02", "2026-11-04"}) {
            ResponseEntity<JsonNode> refused = scenario.as(COMMITTEE).post("/api/projects/" + code + "/meetings",
                    meeting(100, 51, 26, before));
            assertThat(refused.getStatusCode()).as(before + ": " + refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().path("fields").path("heldOn").asText()).contains("2026-11-05");
            assertThat(scenario.status(code)).isEqualTo("AWAITING_MEETING");
            assertThat(scenario.taskId(COMMITTEE, code, ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING)).isEqualTo(taskId);
        }

        // held on the day it was resubmitted: the residents voted on the revised proposal
        JsonNode vote = scenario.meet(code, meeting(100, 51, 26, "2026-11-05"));
        assertThat(vote.path("outcome").asText()).isEqualTo("PASSED");
        assertThat(scenario.status(code)).isEqualTo("IN_REVIEW");
        JsonNode timeline = scenario.as("auditor1").get("/api/audit/projects/" + code + "/timeline").getBody();
        assertThat(ProjectScenario.stream(timeline)
                .filter(e -> "TASK_COMPLETED".equals(e.path("action").asText())
                        && ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING.equals(e.path("taskKey").asText()))
                .map(e -> e.path("details").path("heldOn").asText()).toList())
                .containsExactly("2026-11-02", "2026-11-05");
    }

    @Test
    void aMeetingReconvenedAfterOneWithoutQuorumIsNotDatedBeforeIt() {
        scenario.moveClock("2026-11-10T09:00:00+08:00");
        String code = scenario.submitted(proposal("3000.00", "ELDERLY_CARE", CITY, "SELF"));
        assertThat(scenario.meet(code, meeting(100, 50, 40, "2026-11-09")).path("outcome").asText()).isEqualTo("NO_QUORUM");

        ResponseEntity<JsonNode> earlier = scenario.as(COMMITTEE).post("/api/projects/" + code + "/meetings",
                meeting(100, 51, 26, "2026-11-08"));
        assertThat(earlier.getStatusCode()).as(String.valueOf(earlier.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(earlier.getBody().path("fields").path("heldOn").asText()).contains("2026-11-09");
        assertThat(scenario.status(code)).isEqualTo("AWAITING_MEETING");

        // reconvened the same day
        assertThat(scenario.meet(code, meeting(100, 51, 26, "2026-11-09")).path("outcome").asText()).isEqualTo("PASSED");
    }

    // ---- segregation of duties: one person, two roles ----

    @Test
    void aUserInTwoRolesApprovesNoFundsForTheirOwnProposalPaysNoMilestoneTheyAcceptedAndAuditsNoProjectTheyPaid() {
        // finaud1 works in finance until the test moves them to the auditors (a fresh user each run: once moved, they stay)
        String financeThenAuditor = FINANCE_THEN_AUDITOR + System.nanoTime() % 1_000_000;
        user(financeThenAuditor, List.of("finance"), new Affiliation(financeThenAuditor, "孔财", null, null, "D01", null));
        // the proposer does not approve the funds of their own project
        String own = scenario.as(COMMITTEE_AND_FINANCE).post("/api/projects", proposal("1200.00", "ELDERLY_CARE", CITY, "SELF"))
                .getBody().path("code").asText();
        assertThat(scenario.as(COMMITTEE_AND_FINANCE).post("/api/projects/" + own + "/submit", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        scenario.meet(own, meeting(100, 51, 26, "2026-11-02"));
        scenario.complete("street1", own, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, Map.of("decision", "APPROVE"));
        ResponseEntity<JsonNode> ownFunds = scenario.attempt(COMMITTEE_AND_FINANCE, own, ServiceProjectProcess.Tasks.FINANCE_REVIEW, Map.of("decision", "APPROVE"));
        assertThat(ownFunds.getStatusCode()).as(String.valueOf(ownFunds.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ownFunds.getBody().path("error").asText()).isEqualTo("SOD_PROPOSER");
        assertThat(scenario.status(own)).isEqualTo("AWAITING_FINANCE");

        // who accepted a milestone does not approve its payment; who paid one does not audit the project
        String code = scenario.inReview(proposal("1000.00", "ELDERLY_CARE", CITY, "SELF"));
        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, Map.of("decision", "APPROVE"));
        scenario.complete("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW, Map.of("decision", "APPROVE"));
        scenario.complete(AUTHOR, code, ServiceProjectProcess.Tasks.REPORT_MILESTONE, Map.of("summary", "第1期服务已完成", "evidence", "签到表"));
        scenario.complete(COMMITTEE_AND_FINANCE, code, ServiceProjectProcess.Tasks.ACCEPT_MILESTONE,
                Map.of("decision", "APPROVE", "comment", "验收合格", "servedParticipants", 12));
        ResponseEntity<JsonNode> ownAcceptance = scenario.attempt(COMMITTEE_AND_FINANCE, code, ServiceProjectProcess.Tasks.APPROVE_PAYMENT, Map.of("decision", "APPROVE"));
        assertThat(ownAcceptance.getStatusCode()).as(String.valueOf(ownAcceptance.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ownAcceptance.getBody().path("error").asText()).isEqualTo("SOD_PAYMENT");
        assertThat(scenario.openTaskKeys(code)).containsExactly(ServiceProjectProcess.Tasks.APPROVE_PAYMENT);
        // an auditor who is also in finance approves no payment: auditors change nothing but their audit tasks
        ResponseEntity<JsonNode> byAuditor = scenario.attempt(AUDITOR_AND_FINANCE, code, ServiceProjectProcess.Tasks.APPROVE_PAYMENT, Map.of("decision", "APPROVE"));
        assertThat(byAuditor.getStatusCode()).as(String.valueOf(byAuditor.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byAuditor.getBody().path("error").asText()).isEqualTo("SOD_AUDITOR_ONLY");
        assertThat(byAuditor.getBody().path("message").asText()).contains("职责分离", "审计人员除审计任务外不办理任何业务");
        assertThat(scenario.openTaskKeys(code)).containsExactly(ServiceProjectProcess.Tasks.APPROVE_PAYMENT);
        assertThat(scenario.project(code).path("milestones").get(0).path("status").asText()).isNotEqualTo("PAID");
        // the attempt is on record, and the auditors' anomaly list shows it
        JsonNode timeline = scenario.as("auditor1").get("/api/audit/projects/" + code + "/timeline").getBody();
        assertThat(ProjectScenario.stream(timeline).filter(e -> "RULE_REFUSED".equals(e.path("action").asText())
                && ServiceProjectProcess.Tasks.APPROVE_PAYMENT.equals(e.path("taskKey").asText())).map(e -> e.path("actor").asText() + ":"
                + e.path("decision").asText()).toList()).contains(AUDITOR_AND_FINANCE + ":SOD_AUDITOR_ONLY");
        // the same through Tasklist's engine API (/engine-rest is for administrators only)
        ResponseEntity<JsonNode> throughEngine = cn.shequ.support.Tasklist.as(http, AUDITOR_AND_FINANCE).post("/task/"
                + scenario.taskId(AUDITOR_AND_FINANCE, code, ServiceProjectProcess.Tasks.APPROVE_PAYMENT) + "/complete",
                Map.of("variables", Map.of(Vars.DECISION, Map.of("value", "APPROVE"))));
        assertThat(throughEngine.getStatusCode()).as(String.valueOf(throughEngine.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(throughEngine.getBody().path("error").asText()).isEqualTo("SOD_AUDITOR_ONLY");
        assertThat(scenario.openTaskKeys(code)).containsExactly(ServiceProjectProcess.Tasks.APPROVE_PAYMENT);

        scenario.complete(financeThenAuditor, code, ServiceProjectProcess.Tasks.APPROVE_PAYMENT, Map.of("decision", "APPROVE"));
        scenario.awaitPaid(code, 1);
        scenario.payMilestone(code, 2);
        scenario.complete(COMMITTEE, code, ServiceProjectProcess.Tasks.FINAL_ACCEPTANCE, Map.of("respondents", 40, "satisfied", 36,
                "scores", Map.of("budgetExecution", 9, "outputs", 45, "outcomes", 27, "satisfaction", 9)));
        // who paid a milestone, since moved to the auditors, does not audit the project
        identity.ensureMembership(financeThenAuditor, "auditor");
        ResponseEntity<JsonNode> ownPayment = scenario.attempt(financeThenAuditor, code, ServiceProjectProcess.Tasks.AUDIT_REVIEW, Map.of("decision", "CLEAN"));
        assertThat(ownPayment.getStatusCode()).as(String.valueOf(ownPayment.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ownPayment.getBody().path("error").asText()).isEqualTo("SOD_AUDITOR");
        scenario.complete("auditor1", code, ServiceProjectProcess.Tasks.AUDIT_REVIEW, Map.of("decision", "CLEAN"));
        assertThat(scenario.status(code)).isEqualTo("CLOSED");
    }

    @Test
    void anAuditorWhoApprovedTheMethodOfTheProjectsPurchaseDoesNotAuditTheProject() {
        PurchaseScenario purchases = new PurchaseScenario(http);
        purchases.moveClock(PurchaseScenario.JUNE_1);
        LocalDate certifiedOn = LocalDate.of(2025, 1, 1);
        String categories = "SAFETY,INFORMATIZATION,FAMILY_PLANNING";
        providers.provider("provider20", "汕头市龙湖区平安社区服务中心", "52440507MJL00120", certifiedOn, categories);
        providers.provider("provider21", "汕头市金霞智慧社区服务社", "52440507MJL00121", certifiedOn, categories);
        providers.provider("provider22", "汕头市龙湖区家庭服务中心", "52440507MJL00122", certifiedOn, categories);

        String project = scenario.submitted(proposal("20000.00", "SAFETY", CITY, "PURCHASE"));
        scenario.meet(project, meeting(100, 51, 26, "2026-06-01"));
        scenario.complete("street1", project, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, Map.of("decision", "APPROVE"));
        scenario.complete("finance1", project, ServiceProjectProcess.Tasks.FINANCE_REVIEW, Map.of("decision", "APPROVE"));
        Map<String, Object> requirement = new LinkedHashMap<>();
        requirement.put("projectCode", project);
        requirement.put("termMonths", 6);
        requirement.put("priceWeight", 20);
        requirement.put("method", "COMPETITIVE_NEGOTIATION");
        requirement.put("methodReason", "技术复杂，不能确定详细规格（采购法第三十条第二项）");
        ResponseEntity<JsonNode> created = purchases.as("street1").post("/api/procurements", requirement);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        String code = created.getBody().path("code").asText();

        // an auditor also in finance may not approve it; a finance officer does, and is later moved to the auditors
        ResponseEntity<JsonNode> byAuditor = purchases.attempt(AUDITOR_AND_FINANCE, code, PurchaseProcess.Tasks.APPROVE_METHOD, Map.of("decision", "APPROVE"));
        assertThat(byAuditor.getStatusCode()).as(String.valueOf(byAuditor.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byAuditor.getBody().path("error").asText()).isEqualTo("SOD_AUDITOR_ONLY");
        assertThat(purchases.openTaskKeys(code)).containsExactly(PurchaseProcess.Tasks.APPROVE_METHOD);
        String methodApprover = METHOD_APPROVER_THEN_AUDITOR + System.nanoTime() % 1_000_000;
        user(methodApprover, List.of("finance"), new Affiliation(methodApprover, "韩财", null, null, "D01", null));
        purchases.complete(methodApprover, code, PurchaseProcess.Tasks.APPROVE_METHOD, Map.of("decision", "APPROVE"));
        purchases.publish(code, "2026-06-04T17:00:00+08:00");
        long first = purchases.bids("provider20", code, "18000.00");
        purchases.bids("provider21", code, "16000.00");
        purchases.bids("provider22", code, "19200.00");
        purchases.moveClock("2026-06-04T17:00:01+08:00");
        purchases.awaitStatus(code, "AWAITING_COMMITTEE");
        assertThat(purchases.appoint(code, PurchaseScenario.committee(List.of("expert1", "expert2", "expert3"), List.of()))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        for (String expert : List.of("expert1", "expert2", "expert3")) {
            for (JsonNode bid : purchases.procurement(code).path("bids")) {
                long id = bid.path("id").asLong();
                assertThat(purchases.score(expert, code, id, id == first ? 95 : 60).getStatusCode()).isEqualTo(HttpStatus.CREATED);
            }
        }
        purchases.awaitStatus(code, "CHALLENGE_PERIOD");
        purchases.moveClock("2026-06-17T09:00:00+08:00");
        purchases.awaitStatus(code, "AWAITING_CONTRACT");
        ResponseEntity<JsonNode> signed = purchases.as("street1").post("/api/procurements/" + code + "/contract",
                Map.of("milestones", List.of(Map.of("name", "服务完成", "percent", 100))));
        assertThat(signed.getStatusCode()).as(String.valueOf(signed.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(purchases.as("street1").post("/api/procurements/" + code + "/contract/publish", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(scenario.status(project)).isEqualTo("IN_DELIVERY");
        scenario.complete("provider20", project, ServiceProjectProcess.Tasks.REPORT_MILESTONE, Map.of("summary", "安全巡查服务完成", "evidence", "巡查记录"));
        scenario.complete("street1", project, ServiceProjectProcess.Tasks.ACCEPT_MILESTONE,
                Map.of("decision", "APPROVE", "comment", "验收合格", "servedParticipants", 20));
        scenario.complete("finance2", project, ServiceProjectProcess.Tasks.APPROVE_PAYMENT, Map.of("decision", "APPROVE"));
        scenario.awaitPaid(project, 1);
        scenario.complete(COMMITTEE, project, ServiceProjectProcess.Tasks.FINAL_ACCEPTANCE, Map.of("respondents", 40, "satisfied", 36,
                "scores", Map.of("budgetExecution", 9, "outputs", 45, "outcomes", 27, "satisfaction", 9)));
        assertThat(scenario.status(project)).isEqualTo("IN_AUDIT");

        identity.ensureMembership(methodApprover, "auditor");
        ResponseEntity<JsonNode> audit = scenario.attempt(methodApprover, project, ServiceProjectProcess.Tasks.AUDIT_REVIEW, Map.of("decision", "CLEAN"));
        assertThat(audit.getStatusCode()).as(String.valueOf(audit.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(audit.getBody().path("error").asText()).isEqualTo("SOD_AUDITOR");
        assertThat(scenario.status(project)).isEqualTo("IN_AUDIT");
        scenario.complete("auditor2", project, ServiceProjectProcess.Tasks.AUDIT_REVIEW, Map.of("decision", "CLEAN"));
        assertThat(scenario.status(project)).isEqualTo("CLOSED");
    }

    private static Map<String, Object> representatives(int eligible, int present, int yes, String heldOn) {
        Map<String, Object> meeting = meeting(eligible, present, yes, heldOn);
        meeting.put("kind", "REPRESENTATIVES_MEETING");
        meeting.put("mode", "GROUP_REPS");
        return meeting;
    }
}

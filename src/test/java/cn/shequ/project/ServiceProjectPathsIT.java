package cn.shequ.project;

import static cn.shequ.support.ProjectScenario.AUTHOR;
import static cn.shequ.support.ProjectScenario.COMMITTEE;
import static cn.shequ.support.ProjectScenario.meeting;
import static cn.shequ.support.ProjectScenario.proposal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Every path of service-project through the JSON API as the demo users: the residents' vote
 * (tie, quorum, reconvening), the approval authority at its threshold, return and revision,
 * rejection at each review, the fund checks at finance approval, segregation of duties, other
 * communities, withdrawal, escalation of an overdue review and a race for one payment. Each test
 * asserts the path taken and the path not taken (tasks that must not exist, ledger lines that
 * must not be written). Funds are shared by the whole context: only the project's own ledger
 * lines and balance deltas are asserted.
 */
@ShequIT
class ServiceProjectPathsIT {

    static final String CITY = "F2026-CITY";
    static final String ELDER = "F2026-ELDER";
    static final String DISAB = "F2026-DISAB";
    static final Map<String, Object> APPROVE = Map.of("decision", "APPROVE", "comment", "同意");

    @Autowired
    TestRestTemplate http;

    ProjectScenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new ProjectScenario(http);
    }

    @AfterEach
    void realTime() {
        scenario.resetClock();
    }

    // ---- residents' meeting (居委会法 art. 9) ----

    @Test
    void aTieAmongThosePresentRejectsTheProjectAndNothingMoreHappens() {
        String code = scenario.submitted(proposal("3000.00", "ELDERLY_CARE", CITY, "SELF"));

        // 60 of 100 present is a quorum; 30 yes is exactly half of those present: a tie fails
        JsonNode vote = scenario.meet(code, meeting(100, 60, 30));

        assertThat(vote.path("quorum").asBoolean()).isTrue();
        assertThat(vote.path("passed").asBoolean()).isFalse();
        assertThat(vote.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(scenario.status(code)).isEqualTo("REJECTED_BY_RESIDENTS");
        assertThat(scenario.openTaskKeys(code)).isEmpty();
        assertThat(scenario.tasksOf("street1", code)).isEmpty();
        assertThat(scenario.tasksOf(COMMITTEE, code)).isEmpty();
        assertThat(scenario.ledger(CITY, code)).isEmpty();
        assertThat(scenario.project(code).path("reserved").asText()).isEqualTo("0.00");
    }

    @Test
    void exactlyHalfPresentIsNoQuorumAndASecondMeetingThatPassesSendsTheProjectToReview() {
        String code = scenario.submitted(proposal("3000.00", "ELDERLY_CARE", CITY, "SELF"));

        JsonNode first = scenario.meet(code, meeting(100, 50, 50));

        assertThat(first.path("quorum").asBoolean()).isFalse();
        assertThat(first.path("passed").asBoolean()).isFalse();
        assertThat(first.path("outcome").asText()).isEqualTo("NO_QUORUM");
        assertThat(scenario.status(code)).isEqualTo("AWAITING_MEETING");
        assertThat(scenario.openTaskKeys(code)).containsExactly(ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING);
        assertThat(scenario.tasksOf("street1", code)).isEmpty();

        JsonNode second = scenario.meet(code, meeting(100, 51, 26));

        assertThat(second.path("outcome").asText()).isEqualTo("PASSED");
        assertThat(scenario.status(code)).isEqualTo("IN_REVIEW");
        assertThat(scenario.openTaskKeys(code)).containsExactly(ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW);
        assertThat(scenario.task("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW)).isPresent();
    }

    @Test
    void threeMeetingsWithoutQuorumWithdrawTheProject() {
        String code = scenario.submitted(proposal("3000.00", "ELDERLY_CARE", CITY, "SELF"));

        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThat(scenario.meet(code, meeting(100, 50, 50)).path("outcome").asText()).isEqualTo("NO_QUORUM");
            assertThat(scenario.status(code)).as("after meeting " + attempt).isEqualTo("AWAITING_MEETING");
            assertThat(scenario.openTaskKeys(code)).as("after meeting " + attempt).containsExactly(ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING);
        }
        // shequ.meeting.max-attempts, default 3
        assertThat(scenario.meet(code, meeting(100, 50, 50)).path("outcome").asText()).isEqualTo("NO_QUORUM");

        assertThat(scenario.status(code)).isEqualTo("WITHDRAWN");
        assertThat(scenario.openTaskKeys(code)).isEmpty();
        assertThat(scenario.tasksOf(COMMITTEE, code)).isEmpty();
        assertThat(scenario.tasksOf("street1", code)).isEmpty();
        assertThat(scenario.ledger(CITY, code)).isEmpty();
    }

    // ---- approval authority (DMN approval-authority, threshold 50,000.00) ----

    @Test
    void aboveFiftyThousandTheStreetOfficeThenCivilAffairsThenFinanceReview() {
        String code = scenario.inReview(proposal("50000.01", "ELDERLY_CARE", CITY, "SELF"));
        assertThat(scenario.openTaskKeys(code)).containsExactly(ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW);
        assertThat(scenario.tasksOf("civil1", code)).isEmpty();
        assertThat(scenario.tasksOf("finance1", code)).isEmpty();

        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, APPROVE);
        assertThat(scenario.status(code)).isEqualTo("IN_REVIEW");
        assertThat(scenario.openTaskKeys(code)).containsExactly(ServiceProjectProcess.Tasks.CIVIL_AFFAIRS_REVIEW);
        assertThat(scenario.tasksOf("finance1", code)).isEmpty();

        scenario.complete("civil1", code, ServiceProjectProcess.Tasks.CIVIL_AFFAIRS_REVIEW, APPROVE);
        assertThat(scenario.status(code)).isEqualTo("AWAITING_FINANCE");
        assertThat(scenario.openTaskKeys(code)).containsExactly(ServiceProjectProcess.Tasks.FINANCE_REVIEW);
        assertThat(scenario.ledger(CITY, code)).isEmpty();

        scenario.complete("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW, Map.of("decision", "APPROVE"));
        assertThat(scenario.status(code)).isEqualTo("IN_DELIVERY");
        List<JsonNode> ledger = scenario.ledger(CITY, code);
        assertThat(ledger).extracting(e -> e.path("type").asText()).containsExactly("RESERVE");
        assertThat(ledger).extracting(e -> e.path("amount").asText()).containsExactly("50000.01");
    }

    @Test
    void exactlyFiftyThousandNeedsNoCivilAffairsReview() {
        String code = scenario.inReview(proposal("50000.00", "ELDERLY_CARE", CITY, "SELF"));

        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, APPROVE);

        assertThat(scenario.status(code)).isEqualTo("AWAITING_FINANCE");
        assertThat(scenario.openTaskKeys(code)).containsExactly(ServiceProjectProcess.Tasks.FINANCE_REVIEW);
        assertThat(scenario.tasksOf("civil1", code)).isEmpty();
        assertThat(scenario.task("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW)).isPresent();
        // ends here without reserving: this test is about the route, not the money
        scenario.complete("finance2", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW, Map.of("decision", "REJECT", "comment", "本测试不预留资金"));
        assertThat(scenario.ledger(CITY, code)).isEmpty();
    }

    // ---- return and revision ----

    @Test
    void aReturnedProposalIsRevisedByItsAuthorAndGoesBackToTheResidents() {
        String code = scenario.inReview(proposal("50000.01", "ELDERLY_CARE", CITY, "SELF"));
        // not editable while in review
        ResponseEntity<JsonNode> early = scenario.as(AUTHOR).put("/api/projects/" + code, proposal("4000.00", "ELDERLY_CARE", CITY, "SELF"));
        assertThat(early.getStatusCode()).as(String.valueOf(early.getBody())).isEqualTo(HttpStatus.CONFLICT);
        assertThat(early.getBody().path("error").asText()).isEqualTo("WRONG_STATE");

        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, Map.of("decision", "RETURN", "comment", "预算偏高，请压缩"));

        assertThat(scenario.status(code)).isEqualTo("RETURNED");
        assertThat(scenario.openTaskKeys(code)).containsExactly(ServiceProjectProcess.Tasks.PREPARE_PROPOSAL);
        assertThat(scenario.tasksOf("civil1", code)).isEmpty();
        assertThat(scenario.task(AUTHOR, code, ServiceProjectProcess.Tasks.PREPARE_PROPOSAL)).isPresent();

        // only the author edits
        ResponseEntity<JsonNode> byOther = scenario.as(COMMITTEE).put("/api/projects/" + code, proposal("4000.00", "ELDERLY_CARE", CITY, "SELF"));
        assertThat(byOther.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byOther.getBody().path("error").asText()).isEqualTo("NOT_AUTHOR");

        Map<String, Object> revised = proposal("4000.00", "ELDERLY_CARE", CITY, "SELF");
        revised.put("title", "东湖社区长者助餐服务（修订）");
        ResponseEntity<JsonNode> edited = scenario.as(AUTHOR).put("/api/projects/" + code, revised);
        assertThat(edited.getStatusCode()).as(String.valueOf(edited.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(edited.getBody().path("status").asText()).isEqualTo("RETURNED");
        assertThat(edited.getBody().path("amount").asText()).isEqualTo("4000.00");
        assertThat(edited.getBody().path("title").asText()).isEqualTo("东湖社区长者助餐服务（修订）");
        assertThat(edited.getBody().path("milestones")).extracting(m -> m.path("amount").asText()).containsExactly("1600.00", "2400.00");
        assertThat(edited.getBody().path("budgetLines")).extracting(l -> l.path("amount").asText()).containsExactly("2400.00", "1600.00");

        // the residents voted on a different proposal: the revised one goes back to them
        scenario.submit(code);
        assertThat(scenario.openTaskKeys(code)).containsExactly(ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING);
        assertThat(scenario.tasksOf("street1", code)).isEmpty();
        // at a meeting held no earlier than the day the revised proposal was resubmitted
        String resubmittedOn = scenario.clockToday().toString();
        assertThat(scenario.meet(code, meeting(100, 51, 26, resubmittedOn)).path("outcome").asText()).isEqualTo("PASSED");
        assertThat(scenario.status(code)).isEqualTo("IN_REVIEW");

        // 4,000 is now within the street office's authority: the same reviewer approves, no civil affairs
        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, APPROVE);
        assertThat(scenario.openTaskKeys(code)).containsExactly(ServiceProjectProcess.Tasks.FINANCE_REVIEW);
        assertThat(scenario.tasksOf("civil1", code)).isEmpty();
        scenario.complete("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW, Map.of("decision", "APPROVE"));
        assertThat(scenario.status(code)).isEqualTo("IN_DELIVERY");
        assertThat(scenario.ledger(CITY, code)).extracting(e -> e.path("type").asText() + " " + e.path("amount").asText())
                .containsExactly("RESERVE 4000.00");
    }

    // ---- rejection at each review ----

    @Test
    void theStreetOfficeRejects() {
        String code = scenario.inReview(proposal("50000.01", "ELDERLY_CARE", CITY, "SELF"));

        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, Map.of("decision", "REJECT", "comment", "不符合社区需求"));

        assertRejected(code, CITY);
        assertThat(scenario.tasksOf("civil1", code)).isEmpty();
    }

    @Test
    void civilAffairsRejects() {
        String code = scenario.inReview(proposal("50000.01", "ELDERLY_CARE", CITY, "SELF"));
        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, APPROVE);

        scenario.complete("civil1", code, ServiceProjectProcess.Tasks.CIVIL_AFFAIRS_REVIEW, Map.of("decision", "REJECT", "comment", "与区级项目重复"));

        assertRejected(code, CITY);
        assertThat(scenario.tasksOf("finance1", code)).isEmpty();
    }

    @Test
    void financeRejects() {
        String code = scenario.inReview(proposal("3000.00", "ELDERLY_CARE", CITY, "SELF"));
        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, APPROVE);
        BigDecimal availableBefore = scenario.available(CITY);

        scenario.complete("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW, Map.of("decision", "REJECT", "comment", "预算已安排其他项目"));

        assertRejected(code, CITY);
        assertThat(scenario.available(CITY)).isEqualByComparingTo(availableBefore);
    }

    private void assertRejected(String code, String fund) {
        assertThat(scenario.status(code)).isEqualTo("REJECTED");
        assertThat(scenario.openTaskKeys(code)).isEmpty();
        assertThat(scenario.tasksOf("finance1", code)).isEmpty();
        assertThat(scenario.tasksOf(AUTHOR, code)).isEmpty();
        assertThat(scenario.ledger(fund, code)).isEmpty();
        assertThat(scenario.project(code).path("reserved").asText()).isEqualTo("0.00");
    }

    // ---- budget first and ring-fencing at finance approval ----

    @Test
    void financeCannotApproveMoreThanTheFundHasAvailable() {
        BigDecimal amount = scenario.available(ELDER).add(new BigDecimal("0.01"));
        assumeThat(amount).as("a project above 100,000,000.00 cannot be proposed").isLessThanOrEqualTo(new BigDecimal("100000000.00"));
        String code = scenario.inReview(proposal(amount.toPlainString(), "ELDERLY_CARE", ELDER, "SELF"));
        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, APPROVE);
        if (amount.compareTo(new BigDecimal("50000.00")) > 0) {
            scenario.complete("civil1", code, ServiceProjectProcess.Tasks.CIVIL_AFFAIRS_REVIEW, APPROVE);
        }
        String taskId = scenario.taskId("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW);
        BigDecimal availableBefore = scenario.available(ELDER);

        ResponseEntity<JsonNode> approval = scenario.completeById("finance1", taskId, Map.of("decision", "APPROVE"));

        assertThat(approval.getStatusCode()).as(String.valueOf(approval.getBody())).isEqualTo(HttpStatus.CONFLICT);
        assertThat(approval.getBody().path("error").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(scenario.status(code)).isEqualTo("AWAITING_FINANCE");
        assertThat(scenario.openTaskKeys(code)).containsExactly(ServiceProjectProcess.Tasks.FINANCE_REVIEW);
        assertThat(scenario.taskId("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW)).isEqualTo(taskId);
        assertThat(scenario.ledger(ELDER, code)).isEmpty();
        assertThat(scenario.available(ELDER)).isEqualByComparingTo(availableBefore);
        assertThat(scenario.project(code).path("reserved").asText()).isEqualTo("0.00");
    }

    @Test
    void aRingFencedFundCannotPayForAnotherCategory() {
        String code = scenario.inReview(proposal("1000.00", "CULTURE_EDU_SPORTS", DISAB, "SELF"));
        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, APPROVE);
        String taskId = scenario.taskId("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW);
        BigDecimal availableBefore = scenario.available(DISAB);

        ResponseEntity<JsonNode> approval = scenario.completeById("finance1", taskId, Map.of("decision", "APPROVE"));

        assertThat(approval.getStatusCode()).as(String.valueOf(approval.getBody())).isEqualTo(HttpStatus.CONFLICT);
        assertThat(approval.getBody().path("error").asText()).isEqualTo("FUND_CATEGORY_NOT_ALLOWED");
        assertThat(scenario.status(code)).isEqualTo("AWAITING_FINANCE");
        assertThat(scenario.openTaskKeys(code)).containsExactly(ServiceProjectProcess.Tasks.FINANCE_REVIEW);
        assertThat(scenario.taskId("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW)).isEqualTo(taskId);
        assertThat(scenario.ledger(DISAB, code)).isEmpty();
        assertThat(scenario.available(DISAB)).isEqualByComparingTo(availableBefore);
    }

    // ---- segregation of duties ----
    // Reachable with the demo users: the reviewers rule (dual1 is street office and finance).
    // Not reachable, so not tested here: the proposer rule (authors are committee members, and no
    // demo committee member is in a reviewing, finance or auditor group), the payment rule
    // (reporters and acceptors are committee members or providers, approvers are finance users)
    // and the auditor rule (auditor1/auditor2 are in no other group). Those are left to tests
    // of DutySegregation without the demo identities.

    @Test
    void oneUserCannotCompleteTwoReviewsOfTheSameProject() {
        String code = scenario.inReview(proposal("800.00", "ELDERLY_CARE", CITY, "SELF"));
        scenario.complete("dual1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, APPROVE);
        String taskId = scenario.taskId("dual1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW);

        ResponseEntity<JsonNode> second = scenario.completeById("dual1", taskId, Map.of("decision", "APPROVE"));

        assertThat(second.getStatusCode()).as(String.valueOf(second.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(second.getBody().path("error").asText()).isEqualTo("SOD_REVIEWER");
        assertThat(second.getBody().path("message").asText()).contains("职责分离");
        assertThat(scenario.status(code)).isEqualTo("AWAITING_FINANCE");
        assertThat(scenario.openTaskKeys(code)).containsExactly(ServiceProjectProcess.Tasks.FINANCE_REVIEW);
        assertThat(scenario.ledger(CITY, code)).isEmpty();
        // the refused attempt did not keep the task for dual1: finance1 still finds it and approves
        scenario.complete("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW, Map.of("decision", "APPROVE"));
        assertThat(scenario.status(code)).isEqualTo("IN_DELIVERY");
        assertThat(scenario.ledger(CITY, code)).extracting(e -> e.path("type").asText() + " " + e.path("actor").asText())
                .containsExactly("RESERVE finance1");
    }

    @Test
    void aCommitteeMemberCannotCompleteAReview() {
        String code = scenario.inReview(proposal("800.00", "ELDERLY_CARE", CITY, "SELF"));
        assertThat(scenario.tasksOf(AUTHOR, code)).isEmpty();
        String taskId = scenario.openTaskId(code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW);

        ResponseEntity<JsonNode> attempt = scenario.completeById(AUTHOR, taskId, APPROVE);

        // refused by the task list before the step's own group check (WRONG_GROUP, reached from Tasklist)
        assertThat(attempt.getStatusCode()).as(String.valueOf(attempt.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(attempt.getBody().path("error").asText()).isEqualTo("NOT_YOUR_TASK");
        assertThat(scenario.status(code)).isEqualTo("IN_REVIEW");
        assertThat(scenario.openTaskKeys(code)).containsExactly(ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW);
        assertThat(scenario.task("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW)).isPresent();
    }

    // ---- other communities ----

    @Test
    void aCommitteeMemberOfAnotherCommunityCannotReadActOnOrSeeTheProject() {
        String code = scenario.submitted(proposal("3000.00", "ELDERLY_CARE", CITY, "SELF"));
        String meetingTask = scenario.taskId(COMMITTEE, code, ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING);

        ResponseEntity<JsonNode> read = scenario.as("committee3").get("/api/projects/" + code);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(read.getBody().path("error").asText()).isEqualTo("OTHER_COMMUNITY");

        ResponseEntity<JsonNode> meeting = scenario.as("committee3").post("/api/projects/" + code + "/meetings", meeting(100, 51, 26));
        assertThat(meeting.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(meeting.getBody().path("error").asText()).isEqualTo("OTHER_COMMUNITY");

        ResponseEntity<JsonNode> list = scenario.as("committee3").get("/api/projects?communityCode=C001");
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ProjectScenario.stream(scenario.as("committee3").get("/api/projects").getBody())
                .map(p -> p.path("code").asText())).doesNotContain(code);

        ResponseEntity<JsonNode> withdraw = scenario.as("committee3").post("/api/projects/" + code + "/withdraw", null);
        assertThat(withdraw.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(withdraw.getBody().path("error").asText()).isEqualTo("OTHER_COMMUNITY");

        assertThat(scenario.tasksOf("committee3", code)).isEmpty();
        assertThat(ProjectScenario.stream(scenario.tasks("committee3")).map(t -> t.path("id").asText())).doesNotContain(meetingTask);
        ResponseEntity<JsonNode> byId = scenario.completeById("committee3", meetingTask, meeting(100, 51, 26));
        assertThat(byId.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        // nothing happened: still waiting for the meeting of C001, whose committee still sees it
        assertThat(scenario.status(code)).isEqualTo("AWAITING_MEETING");
        assertThat(scenario.taskId(COMMITTEE, code, ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING)).isEqualTo(meetingTask);
    }

    // ---- a task is completed once ----

    @Test
    void aSecondCompletionOfTheSameTaskIsAConflict() {
        String code = scenario.inReview(proposal("3000.00", "ELDERLY_CARE", CITY, "SELF"));
        String taskId = scenario.taskId("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW);
        assertThat(scenario.completeById("street1", taskId, APPROVE).getStatusCode()).isEqualTo(HttpStatus.OK);

        for (String user : List.of("street1", "street2")) {
            ResponseEntity<JsonNode> again = scenario.completeById(user, taskId, Map.of("decision", "REJECT", "comment", "再次办理"));
            assertThat(again.getStatusCode()).as(user + ": " + again.getBody()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(again.getBody().path("error").asText()).isEqualTo("TASK_ALREADY_COMPLETED");
        }
        assertThat(scenario.status(code)).isEqualTo("AWAITING_FINANCE");
        assertThat(scenario.openTaskKeys(code)).containsExactly(ServiceProjectProcess.Tasks.FINANCE_REVIEW);
    }

    // ---- withdrawal ----

    @Test
    void theCommitteeWithdrawsAProjectWaitingForItsMeeting() {
        String code = scenario.submitted(proposal("3000.00", "ELDERLY_CARE", CITY, "SELF"));

        ResponseEntity<JsonNode> withdrawn = scenario.as(COMMITTEE).post("/api/projects/" + code + "/withdraw", null);

        assertThat(withdrawn.getStatusCode()).as(String.valueOf(withdrawn.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(withdrawn.getBody().path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(scenario.status(code)).isEqualTo("WITHDRAWN");
        assertThat(scenario.openTaskKeys(code)).isEmpty();
        assertThat(scenario.tasksOf(COMMITTEE, code)).isEmpty();
        ResponseEntity<JsonNode> lateMeeting = scenario.as(COMMITTEE).post("/api/projects/" + code + "/meetings", meeting(100, 51, 26));
        assertThat(lateMeeting.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(scenario.status(code)).isEqualTo("WITHDRAWN");
    }

    @Test
    void aProjectCannotBeWithdrawnOnceFinanceApproved() {
        String code = scenario.inReview(proposal("500.00", "ELDERLY_CARE", CITY, "SELF"));
        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, APPROVE);
        scenario.complete("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW, Map.of("decision", "APPROVE"));

        ResponseEntity<JsonNode> withdrawn = scenario.as(AUTHOR).post("/api/projects/" + code + "/withdraw", null);

        assertThat(withdrawn.getStatusCode()).as(String.valueOf(withdrawn.getBody())).isEqualTo(HttpStatus.CONFLICT);
        assertThat(withdrawn.getBody().path("error").asText()).isEqualTo("WRONG_STATE");
        assertThat(scenario.status(code)).isEqualTo("IN_DELIVERY");
        assertThat(scenario.openTaskKeys(code)).containsExactly(ServiceProjectProcess.Tasks.REPORT_MILESTONE);
        assertThat(scenario.ledger(CITY, code)).extracting(e -> e.path("type").asText()).containsExactly("RESERVE");
    }

    // ---- an overdue review is escalated, not dropped ----

    @Test
    void anOverdueReviewIsFlaggedAndEscalatedAndStaysOpen() {
        // the working-day calendar holds 2026 only: keep the review's start and the moved clock in 2026
        LocalDate today = scenario.clockToday();
        LocalDate later = today.plusDays(15);
        if (later.getYear() != 2026 || today.getYear() != 2026) {
            scenario.moveClock("2026-11-02T09:00:00+08:00");
            today = LocalDate.of(2026, 11, 2);
            later = LocalDate.of(2026, 11, 25);
        }
        String code = scenario.submitted(proposal("3000.00", "ELDERLY_CARE", CITY, "SELF"));
        assertThat(scenario.meet(code, meeting(100, 51, 26, today.toString())).path("outcome").asText()).isEqualTo("PASSED");
        JsonNode fresh = scenario.task("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW).orElseThrow();
        assertThat(fresh.path("overdue").asBoolean()).isFalse();
        assertThat(fresh.path("escalated").asBoolean()).isFalse();
        OffsetDateTime due = OffsetDateTime.parse(fresh.path("due").asText());
        OffsetDateTime moved = LocalDateTime.of(later, java.time.LocalTime.of(10, 0)).atOffset(ZoneOffset.ofHours(8));
        assertThat(due).isAfter(scenario.clockNow()).isBefore(moved);

        scenario.moveClock(moved.toString());

        JsonNode escalated = awaitTask("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW,
                t -> t.path("overdue").asBoolean() && t.path("escalated").asBoolean());
        assertThat(escalated.path("id").asText()).isEqualTo(fresh.path("id").asText());
        // non-interrupting: the review is still open and nothing else moved
        assertThat(scenario.status(code)).isEqualTo("IN_REVIEW");
        assertThat(scenario.openTaskKeys(code)).containsExactly(ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW);
        assertThat(scenario.project(code).path("openTasks").get(0).path("escalated").asBoolean()).isTrue();
        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, APPROVE);
        assertThat(scenario.openTaskKeys(code)).containsExactly(ServiceProjectProcess.Tasks.FINANCE_REVIEW);
    }

    private JsonNode awaitTask(String user, String code, String key, java.util.function.Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Optional<JsonNode> task = Optional.empty();
        while (Instant.now().isBefore(deadline)) {
            task = scenario.task(user, code, key);
            if (task.isPresent() && condition.test(task.get())) {
                return task.get();
            }
            ProjectScenario.pause();
        }
        throw new AssertionError(key + " of " + code + " did not become overdue and escalated within 30 s: " + task);
    }

    // ---- one payment per milestone, whatever the number of requests ----

    @Test
    void twoFinanceUsersApprovingTheSamePaymentAtOnceDisburseItOnce() throws Exception {
        String code = scenario.inReview(proposal("1000.00", "ELDERLY_CARE", CITY, "SELF"));
        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, APPROVE);
        scenario.complete("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW, Map.of("decision", "APPROVE"));
        scenario.reportAndAccept(code, 1);
        String taskId = scenario.taskId("finance2", code, ServiceProjectProcess.Tasks.APPROVE_PAYMENT);
        assertThat(scenario.taskId("finance1", code, ServiceProjectProcess.Tasks.APPROVE_PAYMENT)).isEqualTo(taskId);

        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
        try {
            List<Future<ResponseEntity<JsonNode>>> racers = new ArrayList<>();
            for (String user : List.of("finance1", "finance2")) {
                Callable<ResponseEntity<JsonNode>> approve = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return scenario.completeById(user, taskId, Map.of("decision", "APPROVE"));
                };
                racers.add(pool.submit(approve));
            }
            for (Future<ResponseEntity<JsonNode>> racer : racers) {
                answers.add(racer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).extracting(a -> a.getStatusCode().value()).as(answers.toString())
                .containsExactlyInAnyOrder(200, 409);
        ResponseEntity<JsonNode> loser = answers.stream().filter(a -> a.getStatusCode().value() == 409).findFirst().orElseThrow();
        assertThat(loser.getBody().path("error").asText()).isEqualTo("TASK_ALREADY_COMPLETED");
        scenario.awaitPaid(code, 1);
        // the next milestone's report task means the first milestone's iteration is over
        assertThat(scenario.task(AUTHOR, code, ServiceProjectProcess.Tasks.REPORT_MILESTONE)).isPresent();
        List<JsonNode> disbursed = scenario.ledger(CITY, code).stream()
                .filter(e -> "DISBURSE".equals(e.path("type").asText())).toList();
        assertThat(disbursed).hasSize(1);
        assertThat(disbursed.get(0).path("milestoneSeq").asInt()).isEqualTo(1);
        assertThat(disbursed.get(0).path("amount").asText()).isEqualTo("400.00");
        assertThat(scenario.project(code).path("disbursed").asText()).isEqualTo("400.00");
        assertThat(scenario.openTaskKeys(code)).containsExactly(ServiceProjectProcess.Tasks.REPORT_MILESTONE);
    }
}

package cn.shequ.project;

import static cn.shequ.support.ProjectScenario.AUTHOR;
import static cn.shequ.support.ProjectScenario.COMMITTEE;
import static cn.shequ.support.ProjectScenario.meeting;
import static cn.shequ.support.ProjectScenario.proposal;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Bad input through the JSON API: 400 naming the field (or 403 when the caller may not act at
 * all), and nothing left behind: no project, no process instance, the meeting or review task
 * still open and the project where it was.
 */
@ShequIT
class ProjectInputIT {

    static final String CITY = "F2026-CITY";

    @Autowired
    TestRestTemplate http;

    ProjectScenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new ProjectScenario(http);
    }

    static Map<String, Object> valid() {
        return proposal("3000.00", "ELDERLY_CARE", CITY, "SELF");
    }

    // ---- the project report (粤府〔2007〕6号 三(二)1; DOMAIN-RULES "Money") ----

    static Stream<Arguments> badProposals() {
        return Stream.of(
                bad("a negative amount", "amount", p -> p.put("amount", "-3000.00")),
                bad("a zero amount", "amount", p -> p.put("amount", "0.00")),
                bad("an amount with three decimals", "amount", p -> p.put("amount", "3000.005")),
                bad("an amount with three decimals as a JSON number", "amount", p -> p.put("amount", new BigDecimal("3000.005"))),
                bad("an amount above 100,000,000.00", "amount", p -> {
                    p.put("amount", "100000000.01");
                    p.put("budgetLines", List.of(Map.of("item", "服务费用", "amount", "100000000.01")));
                }),
                bad("an amount that is not a number", "amount", p -> p.put("amount", "三千元")),
                bad("budget lines not summing to the amount", "budgetLines",
                        p -> p.put("budgetLines", List.of(Map.of("item", "餐费补贴", "amount", "1800.00"),
                                Map.of("item", "配送与探访", "amount", "1199.99")))),
                bad("no budget lines", "budgetLines", p -> p.put("budgetLines", List.of())),
                bad("milestone percentages summing to 99", "milestones",
                        p -> p.put("milestones", List.of(Map.of("name", "服务启动", "percent", 40), Map.of("name", "服务完成", "percent", 59)))),
                bad("an unknown category", "category", p -> p.put("category", "SPACE_TRAVEL")),
                bad("an unknown fund", "fundCode", p -> p.put("fundCode", "F2099-NONE")),
                bad("an unknown delivery mode", "deliveryMode", p -> p.put("deliveryMode", "OUTSOURCE")),
                bad("plannedEnd before plannedStart", "plannedEnd", p -> p.put("plannedEnd", "2026-11-30")),
                bad("a plannedStart that is not a date", "plannedStart", p -> p.put("plannedStart", "下周一")),
                bad("a title of 101 characters", "title", p -> p.put("title", "长".repeat(101))),
                bad("a blank title", "title", p -> p.put("title", "   ")),
                bad("a missing title", "title", p -> p.remove("title")));
    }

    static Arguments bad(String name, String field, Consumer<Map<String, Object>> breakIt) {
        return Arguments.of(name, field, breakIt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badProposals")
    void aBadProposalIsRefusedNamingTheFieldAndLeavesNothingBehind(String name, String field,
                                                                    Consumer<Map<String, Object>> breakIt) {
        Map<String, Object> proposal = valid();
        breakIt.accept(proposal);
        Traces before = traces();

        ResponseEntity<JsonNode> created = scenario.as(AUTHOR).post("/api/projects", proposal);

        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(created.getBody().path("fields").has(field)).as(String.valueOf(created.getBody())).isTrue();
        assertThat(created.getBody().path("message").asText()).isNotBlank();
        assertThat(traces()).isEqualTo(before);
    }

    @Test
    void theLargestAmountAndTheLongestTitleAreAccepted() {
        Map<String, Object> proposal = proposal("100000000.00", "ELDERLY_CARE", CITY, "SELF");
        proposal.put("title", "长".repeat(100));

        String code = scenario.draft(proposal);

        JsonNode project = scenario.project(code);
        assertThat(project.path("amount").asText()).isEqualTo("100000000.00");
        assertThat(project.path("title").asText()).hasSize(100);
        ResponseEntity<JsonNode> withdrawn = scenario.as(AUTHOR).post("/api/projects/" + code + "/withdraw", null);
        assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aMalformedBodyIsInvalidJsonAndCreatesNothing() {
        Traces before = traces();

        ResponseEntity<JsonNode> created = scenario.as(AUTHOR).post("/api/projects", "{\"title\": \"东湖社区\", \"amount\": ");

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(created.getBody().path("error").asText()).isEqualTo("INVALID_JSON");
        assertThat(traces()).isEqualTo(before);
    }

    @Test
    void aCommitteeMemberCannotCreateForAnUnknownCommunity() {
        Map<String, Object> proposal = valid();
        proposal.put("communityCode", "C999");
        Traces before = traces();

        ResponseEntity<JsonNode> created = scenario.as(AUTHOR).post("/api/projects", proposal);

        // the community check comes before validation: C999 is not committee1's community
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(created.getBody().path("error").asText()).isEqualTo("OTHER_COMMUNITY");
        assertThat(traces()).isEqualTo(before);
    }

    @Test
    void aCommitteeMemberCannotCreateForAnotherCommunity() {
        Traces before = traces();

        ResponseEntity<JsonNode> created = scenario.as("committee3").post("/api/projects", valid());

        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(created.getBody().path("error").asText()).isEqualTo("OTHER_COMMUNITY");
        assertThat(traces()).isEqualTo(before);
    }

    @Test
    void aStreetOfficeUserCannotCreateAProject() {
        Traces before = traces();

        ResponseEntity<JsonNode> created = scenario.as("street1").post("/api/projects", valid());

        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(created.getBody().path("error").asText()).isEqualTo("FORBIDDEN");
        assertThat(traces()).isEqualTo(before);
    }

    @Test
    void aBadEditIsRefusedAndTheProjectIsUnchanged() {
        String code = scenario.draft(valid());
        Map<String, Object> edit = valid();
        edit.put("amount", "2000.00");
        edit.put("milestones", List.of(Map.of("name", "服务启动", "percent", 40), Map.of("name", "服务完成", "percent", 59)));

        ResponseEntity<JsonNode> edited = scenario.as(AUTHOR).put("/api/projects/" + code, edit);

        assertThat(edited.getStatusCode()).as(String.valueOf(edited.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(edited.getBody().path("fields").has("milestones")).isTrue();
        assertThat(edited.getBody().path("fields").has("budgetLines")).isTrue();
        JsonNode project = scenario.project(code);
        assertThat(project.path("amount").asText()).isEqualTo("3000.00");
        assertThat(project.path("milestones")).extracting(m -> m.path("percent").asInt()).containsExactly(40, 60);
        assertThat(project.path("milestones")).extracting(m -> m.path("amount").asText()).containsExactly("1200.00", "1800.00");
        assertThat(project.path("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void anUnknownStatusFilterIsRefused() {
        ResponseEntity<JsonNode> list = scenario.as(AUTHOR).get("/api/projects?status=FINISHED");

        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(list.getBody().path("fields").has("status")).isTrue();
        assertThat(scenario.as(AUTHOR).get("/api/projects?status=DRAFT").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    // ---- the residents' meeting: 0 ≤ yes + no + abstain ≤ present ≤ eligible, eligible ≥ 1 ----

    static Stream<Arguments> badMeetings() {
        return Stream.of(
                badMeeting("more present than eligible", "present", m -> m.put("present", 101)),
                badMeeting("more votes than present", "yes", m -> m.put("abstain", 1)),
                badMeeting("nobody eligible", "eligible", m -> {
                    m.put("eligible", 0);
                    m.put("present", 0);
                    m.put("yes", 0);
                    m.put("no", 0);
                }),
                badMeeting("a negative count", "no", m -> m.put("no", -1)),
                badMeeting("no minutes", "minutes", m -> m.remove("minutes")),
                badMeeting("an unknown mode", "mode", m -> m.put("mode", "EVERYONE")),
                badMeeting("a date that is not a date", "heldOn", m -> m.put("heldOn", "上周五")));
    }

    static Arguments badMeeting(String name, String field, Consumer<Map<String, Object>> breakIt) {
        return Arguments.of(name, field, breakIt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMeetings")
    void aMeetingWhoseNumbersDoNotAddUpIsRefusedAndTheTaskStaysOpen(String name, String field,
                                                                     Consumer<Map<String, Object>> breakIt) {
        String code = scenario.submitted(valid());
        String taskId = scenario.taskId(COMMITTEE, code, ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING);
        // 60 of 100 present, 40 in favour, 20 against: a valid meeting that passes
        Map<String, Object> meeting = meeting(100, 60, 40);
        breakIt.accept(meeting);

        ResponseEntity<JsonNode> recorded = scenario.as(COMMITTEE).post("/api/projects/" + code + "/meetings", meeting);

        assertThat(recorded.getStatusCode()).as(String.valueOf(recorded.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(recorded.getBody().path("fields").has(field)).as(String.valueOf(recorded.getBody())).isTrue();
        assertMeetingStillAwaited(code, taskId);
    }

    @Test
    void aMeetingDatedInTheFutureIsRefused() {
        String code = scenario.submitted(valid());
        String taskId = scenario.taskId(COMMITTEE, code, ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING);
        String tomorrow = scenario.clockToday().plusDays(1).toString();

        ResponseEntity<JsonNode> recorded = scenario.as(COMMITTEE)
                .post("/api/projects/" + code + "/meetings", meeting(100, 60, 40, tomorrow));

        assertThat(recorded.getStatusCode()).as(String.valueOf(recorded.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(recorded.getBody().path("fields").has("heldOn")).isTrue();
        assertMeetingStillAwaited(code, taskId);
        // today is fine
        JsonNode today = scenario.meet(code, meeting(100, 60, 40, scenario.clockToday().toString()));
        assertThat(today.path("outcome").asText()).isEqualTo("PASSED");
    }

    @Test
    void aMalformedMeetingIsInvalidJsonAndTheTaskStaysOpen() {
        String code = scenario.submitted(valid());
        String taskId = scenario.taskId(COMMITTEE, code, ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING);

        ResponseEntity<JsonNode> recorded = scenario.as(COMMITTEE).post("/api/projects/" + code + "/meetings", "{\"eligible\": 100,");

        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(recorded.getBody().path("error").asText()).isEqualTo("INVALID_JSON");
        assertMeetingStillAwaited(code, taskId);
    }

    private void assertMeetingStillAwaited(String code, String taskId) {
        assertThat(scenario.status(code)).isEqualTo("AWAITING_MEETING");
        assertThat(scenario.openTaskKeys(code)).containsExactly(ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING);
        assertThat(scenario.taskId(COMMITTEE, code, ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING)).isEqualTo(taskId);
        assertThat(scenario.tasksOf("street1", code)).isEmpty();
    }

    // ---- a review's decision ----

    static Stream<Arguments> badReviews() {
        return Stream.of(
                Arguments.of("an unknown decision", "decision", Map.of("decision", "MAYBE", "comment", "再看看")),
                Arguments.of("no decision", "decision", Map.of("comment", "同意")),
                Arguments.of("a return without a comment", "comment", Map.of("decision", "RETURN")),
                Arguments.of("a rejection with a blank comment", "comment", Map.of("decision", "REJECT", "comment", "  ")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReviews")
    void aReviewWithoutAValidDecisionIsRefusedAndTheTaskStaysOpen(String name, String field, Map<String, Object> fields) {
        String code = scenario.inReview(valid());
        String taskId = scenario.taskId("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW);

        ResponseEntity<JsonNode> reviewed = scenario.completeById("street1", taskId, fields);

        assertThat(reviewed.getStatusCode()).as(String.valueOf(reviewed.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reviewed.getBody().path("fields").has(field)).as(String.valueOf(reviewed.getBody())).isTrue();
        assertThat(scenario.status(code)).isEqualTo("IN_REVIEW");
        assertThat(scenario.openTaskKeys(code)).containsExactly(ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW);
        assertThat(scenario.taskId("street2", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW)).isEqualTo(taskId);
    }

    // ---- nothing left behind ----

    /** What a refused creation must not change: C001's projects as its committee lists them, and the engine's instances. */
    record Traces(List<String> projects, long processes) {}

    Traces traces() {
        ResponseEntity<JsonNode> list = scenario.as(AUTHOR).get("/api/projects?communityCode=C001");
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        return new Traces(ProjectScenario.stream(list.getBody()).map(p -> p.path("code").asText()).toList(),
                scenario.processesStarted());
    }
}

package cn.shequ.project;

import static cn.shequ.support.ProjectScenario.AUTHOR;
import static cn.shequ.support.ProjectScenario.COMMITTEE;
import static cn.shequ.support.ProjectScenario.meeting;
import static cn.shequ.support.ProjectScenario.proposal;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Service projects at the legal edges of DOMAIN-RULES "Residents' meeting": a representatives'
 * meeting with exactly two thirds present, the vote on a revised proposal, a meeting reconvened
 * after one without quorum. The demo clock is pinned to November 2026.
 */
@ShequIT
class ProjectLegalEdgesIT {

    static final String CITY = "F2026-CITY";

    @Autowired
    TestRestTemplate http;

    ProjectScenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new ProjectScenario(http);
        // Monday 2 November 2026
        scenario.moveClock("2026-11-02T09:00:00+08:00");
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
        scenario.complete("street1", code, "street-office-review", Map.of("decision", "RETURN", "comment", "预算偏高，请压缩"));
        Map<String, Object> revised = proposal("2500.00", "ELDERLY_CARE", CITY, "SELF");
        ResponseEntity<JsonNode> edited = scenario.as(AUTHOR).put("/api/projects/" + code, revised);
        assertThat(edited.getStatusCode()).as(String.valueOf(edited.getBody())).isEqualTo(HttpStatus.OK);
        scenario.submit(code);
        String taskId = scenario.taskId(COMMITTEE, code, "record-resident-meeting");

        // the residents voted on 2 November on the earlier proposal; a meeting of 4 November cannot have voted on this one
        for (String before : new String[] {"2026-11-02", "2026-11-04"}) {
            ResponseEntity<JsonNode> refused = scenario.as(COMMITTEE).post("/api/projects/" + code + "/meetings",
                    meeting(100, 51, 26, before));
            assertThat(refused.getStatusCode()).as(before + ": " + refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().path("fields").path("heldOn").asText()).contains("2026-11-05");
            assertThat(scenario.status(code)).isEqualTo("AWAITING_MEETING");
            assertThat(scenario.taskId(COMMITTEE, code, "record-resident-meeting")).isEqualTo(taskId);
        }

        // held on the day it was resubmitted: the residents voted on the revised proposal
        JsonNode vote = scenario.meet(code, meeting(100, 51, 26, "2026-11-05"));
        assertThat(vote.path("outcome").asText()).isEqualTo("PASSED");
        assertThat(scenario.status(code)).isEqualTo("IN_REVIEW");
        JsonNode timeline = scenario.as("auditor1").get("/api/audit/projects/" + code + "/timeline").getBody();
        assertThat(ProjectScenario.stream(timeline)
                .filter(e -> "TASK_COMPLETED".equals(e.path("action").asText())
                        && "record-resident-meeting".equals(e.path("taskKey").asText()))
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

    private static Map<String, Object> representatives(int eligible, int present, int yes, String heldOn) {
        Map<String, Object> meeting = meeting(eligible, present, yes, heldOn);
        meeting.put("kind", "REPRESENTATIVES_MEETING");
        meeting.put("mode", "GROUP_REPS");
        return meeting;
    }
}

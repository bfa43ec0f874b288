package cn.shequ.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.project.ServiceProjectProcess;
import cn.shequ.support.Api;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * A project's steps reach the audit log in the same transaction: creation, each completion with
 * the fields submitted, and a refused attempt, which is kept although the completion rolled back.
 */
@ShequIT
class ProjectAuditTrailIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void theTimelineShowsEachStepAndTheRefusedAttempt() {
        Api committee1 = Api.as(http, "committee1");
        String code = committee1.post("/api/projects", ProjectScenario.proposal("6000.00", "HEALTH", "F2026-CITY", "SELF"))
                .getBody().path("code").asText();
        committee1.post("/api/projects/" + code + "/submit", null);
        assertThat(committee1.post("/api/projects/" + code + "/meetings", ProjectScenario.meeting(10, 11, 5)).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(committee1.post("/api/projects/" + code + "/meetings", ProjectScenario.meeting(10, 6, 4)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        JsonNode timeline = Api.as(http, "auditor1").get("/api/audit/projects/" + code + "/timeline").getBody();
        List<String> actions = new ArrayList<>();
        timeline.forEach(e -> actions.add(e.path("action").asText() + ":" + e.path("taskKey").asText("")));
        assertThat(actions).containsSubsequence("PROJECT_CREATED:", "TASK_COMPLETED:" + ServiceProjectProcess.Tasks.PREPARE_PROPOSAL,
                "RULE_REFUSED:" + ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING,
                "TASK_COMPLETED:" + ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING);
        JsonNode refused = find(timeline, "RULE_REFUSED");
        assertThat(refused.path("decision").asText()).isEqualTo("INVALID_INPUT");
        JsonNode meeting = find(timeline, "TASK_COMPLETED", ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING);
        assertThat(meeting.path("decision").asText()).isEqualTo("PASSED");
        assertThat(meeting.path("details").toString()).contains("\"present\"").contains("\"eligible\"");
        assertThat(Api.as(http, "auditor1").get("/api/audit/verify").getBody().path("ok").asBoolean()).isTrue();
    }

    private static JsonNode find(JsonNode timeline, String action, String... taskKey) {
        for (JsonNode e : timeline) {
            if (e.path("action").asText().equals(action)
                    && (taskKey.length == 0 || e.path("taskKey").asText().equals(taskKey[0]))) {
                return e;
            }
        }
        throw new AssertionError(action + " not in " + timeline);
    }
}

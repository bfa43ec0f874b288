package cn.shequ.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.support.Api;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The rules of a step hold when the task is completed through Camunda's own REST API (as Tasklist
 * does) too, and a refusal there is the rule's 4xx with the API.md error body, not a 500.
 */
@ShequIT
class EngineRestCompletionIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void aMeetingSubmittedThroughEngineRestFollowsTheSameRules() {
        Api committee1 = Api.as(http, "committee1");
        String code = committee1.post("/api/projects", ProjectScenario.proposal("8000.00", "VOLUNTEER", "F2026-CITY", "SELF"))
                .getBody().path("code").asText();
        committee1.post("/api/projects/" + code + "/submit", null);
        String taskId = committee1.get("/api/projects/" + code).getBody().path("openTasks").get(0).path("id").asText();

        ResponseEntity<JsonNode> otherCommunity = Api.as(http, "committee3")
                .post("/engine-rest/task/" + taskId + "/submit-form", form(10, 6, 5));
        assertThat(otherCommunity.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(otherCommunity.getBody().path("error").asText()).isEqualTo("OTHER_COMMUNITY");

        ResponseEntity<JsonNode> inconsistent = Api.as(http, "committee2")
                .post("/engine-rest/task/" + taskId + "/submit-form", form(10, 20, 5));
        assertThat(inconsistent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(inconsistent.getBody().path("fields").has("present")).isTrue();
        assertThat(committee1.get("/api/projects/" + code).getBody().path("status").asText()).isEqualTo("AWAITING_MEETING");

        ResponseEntity<JsonNode> valid = Api.as(http, "committee2").post("/engine-rest/task/" + taskId + "/submit-form", form(10, 6, 4));
        assertThat(valid.getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(committee1.get("/api/projects/" + code).getBody().path("status").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void aDecisionSubmittedThroughAFormForOneStepIsNotReadAsTheNextStepsDecision() {
        Api committee1 = Api.as(http, "committee1");
        String code = committee1.post("/api/projects", ProjectScenario.proposal("7000.00", "VOLUNTEER", "F2026-CITY", "SELF"))
                .getBody().path("code").asText();
        committee1.post("/api/projects/" + code + "/submit", null);
        committee1.post("/api/projects/" + code + "/meetings", ProjectScenario.meeting(10, 6, 4));
        String review = committee1.get("/api/projects/" + code).getBody().path("openTasks").get(0).path("id").asText();
        ResponseEntity<JsonNode> approved = Api.as(http, "street1").post("/engine-rest/task/" + review + "/submit-form",
                Map.of("variables", Map.of("decision", Map.of("value", "APPROVE"), "comment", Map.of("value", "同意"))));
        assertThat(approved.getStatusCode().is2xxSuccessful()).as(String.valueOf(approved.getBody())).isTrue();

        String finance = committee1.get("/api/projects/" + code).getBody().path("openTasks").get(0).path("id").asText();
        ResponseEntity<JsonNode> silent = Api.as(http, "finance1").post("/api/tasks/" + finance + "/complete", Map.of());
        assertThat(silent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(silent.getBody().path("fields").has("decision")).isTrue();
        assertThat(committee1.get("/api/projects/" + code).getBody().path("status").asText()).isEqualTo("AWAITING_FINANCE");
    }

    private static Map<String, Object> form(int eligible, int present, int yes) {
        return Map.of("variables", Map.of(
                "kind", Map.of("value", "RESIDENTS_MEETING"), "mode", Map.of("value", "ALL_ADULTS"),
                "eligible", Map.of("value", eligible), "present", Map.of("value", present), "yes", Map.of("value", yes),
                "no", Map.of("value", present - yes), "abstain", Map.of("value", 0),
                "heldOn", Map.of("value", "2026-11-20"), "minutes", Map.of("value", "表决记录")));
    }
}

package cn.shequ.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.project.ServiceProjectProcess.Vars;
import cn.shequ.support.Api;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import cn.shequ.support.Tasklist;
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

        // another community's member: refused at Tasklist's door (the task is not theirs to see), and at /engine-rest
        ResponseEntity<JsonNode> otherCommunity = Tasklist.as(http, "committee3")
                .post("/task/" + taskId + "/submit-form", form(10, 6, 5));
        assertThat(otherCommunity.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(otherCommunity.getBody().path("error").asText()).isEqualTo("NOT_YOUR_TASK");
        assertThat(Api.as(http, "committee3").post("/engine-rest/task/" + taskId + "/submit-form", form(10, 6, 5)).getBody()
                .path("error").asText()).isEqualTo("ENGINE_REST_CLOSED");

        ResponseEntity<JsonNode> inconsistent = Tasklist.as(http, "committee2")
                .post("/task/" + taskId + "/submit-form", form(10, 20, 5));
        assertThat(inconsistent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(inconsistent.getBody().path("fields").has("present")).isTrue();
        assertThat(committee1.get("/api/projects/" + code).getBody().path("status").asText()).isEqualTo("AWAITING_MEETING");

        ResponseEntity<JsonNode> valid = Tasklist.as(http, "committee2").post("/task/" + taskId + "/submit-form", form(10, 6, 4));
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
        ResponseEntity<JsonNode> approved = Tasklist.as(http, "street1").post("/task/" + review + "/submit-form",
                Map.of("variables", Map.of(Vars.DECISION, Map.of("value", "APPROVE"), Vars.COMMENT, Map.of("value", "同意"))));
        assertThat(approved.getStatusCode().is2xxSuccessful()).as(String.valueOf(approved.getBody())).isTrue();

        String finance = committee1.get("/api/projects/" + code).getBody().path("openTasks").get(0).path("id").asText();
        ResponseEntity<JsonNode> silent = Api.as(http, "finance1").post("/api/tasks/" + finance + "/complete", Map.of());
        assertThat(silent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(silent.getBody().path("fields").has("decision")).isTrue();
        assertThat(committee1.get("/api/projects/" + code).getBody().path("status").asText()).isEqualTo("AWAITING_FINANCE");
    }

    @Test
    void theProcesssOwnVariablesCannotBeSentWithACompletionNorChangedWhileATaskIsOpen() {
        ProjectScenario scenario = new ProjectScenario(http);
        String code = scenario.inReview(ProjectScenario.proposal("6000.00", "VOLUNTEER", "F2026-CITY", "SELF"));
        scenario.approve(code);
        scenario.reportAndAccept(code, 1);
        String approval = scenario.taskId("finance2", code, ServiceProjectProcess.Tasks.APPROVE_PAYMENT);

        // milestone 2 is neither reported nor accepted: finance may not pay it by naming it in the completion
        ResponseEntity<JsonNode> throughEngine = Tasklist.as(http, "finance2").post("/task/" + approval + "/complete",
                Map.of("variables", Map.of(Vars.DECISION, Map.of("value", "APPROVE"), Vars.MILESTONE_SEQ, Map.of("value", 2))));
        assertThat(throughEngine.getStatusCode()).as(String.valueOf(throughEngine.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(throughEngine.getBody().path("fields").path("milestoneSeq").asText()).contains("由流程设置");
        ResponseEntity<JsonNode> throughApi = Api.as(http, "finance2").post("/api/tasks/" + approval + "/complete",
                Map.of("decision", "APPROVE", "milestoneSeq", 2));
        assertThat(throughApi.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(throughApi.getBody().path("fields").has("milestoneSeq")).isTrue();
        // nor by writing the variable first: nobody writes a task's variables through /engine-rest
        ResponseEntity<JsonNode> written = Tasklist.as(http, "finance2").put("/task/" + approval + "/variables/milestoneSeq",
                Map.of("value", 2, "type", "Integer"));
        assertThat(written.getStatusCode()).as(String.valueOf(written.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(scenario.openTaskKeys(code)).containsExactly(ServiceProjectProcess.Tasks.APPROVE_PAYMENT);
        assertThat(scenario.project(code).path("milestones")).extracting(m -> m.path("status").asText())
                .containsExactly("ACCEPTED", "PENDING");
    }

    @Test
    void theProposalEditedInTasklistsFormIsSavedUnderTheSameRulesAndTheRouteFollowsIt() {
        Api committee1 = Api.as(http, "committee1");
        String code = drafted(committee1);
        String prepare = new ProjectScenario(http).openTaskId(code, ServiceProjectProcess.Tasks.PREPARE_PROPOSAL);

        ResponseEntity<JsonNode> wrongAmount = Tasklist.as(http, "committee1").post("/task/" + prepare + "/submit-form",
                Map.of("variables", Map.of("amount", Map.of("value", 6000))));
        assertThat(wrongAmount.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(committee1.get("/api/projects/" + code).getBody().path("status").asText()).isEqualTo("DRAFT");

        ResponseEntity<JsonNode> edited = Tasklist.as(http, "committee1").post("/task/" + prepare + "/submit-form",
                Map.of("variables", Map.of("title", Map.of("value", "东湖社区志愿服务队建设"), Vars.DELIVERY_MODE, Map.of("value", "SOCIAL_ORG"),
                        "amount", Map.of("value", 5000))));
        assertThat(edited.getStatusCode().is2xxSuccessful()).as(String.valueOf(edited.getBody())).isTrue();
        JsonNode project = committee1.get("/api/projects/" + code).getBody();
        assertThat(project.path("status").asText()).isEqualTo("AWAITING_MEETING");
        assertThat(project.path("title").asText()).isEqualTo("东湖社区志愿服务队建设");
        assertThat(project.path("deliveryMode").asText()).isEqualTo("SOCIAL_ORG");
    }

    @Test
    void aStrayDecisionSentThroughTheEnginesApiWithAStepThatDecidesItselfIsOverwrittenNotAnError() {
        // prepare-proposal's form has no decision; its step routes on SUBMIT. A decision sent with it through the engine's
        // API (Tasklist's door, as /engine-rest's) lands in the process: the step's own replaces it (ADR 0061), no 500
        Api committee1 = Api.as(http, "committee1");
        String code = drafted(committee1);
        String prepare = new ProjectScenario(http).openTaskId(code, ServiceProjectProcess.Tasks.PREPARE_PROPOSAL);

        ResponseEntity<JsonNode> done = Tasklist.as(http, "committee1").post("/task/" + prepare + "/complete",
                Map.of("variables", Map.of(Vars.DECISION, Map.of("value", "REJECT"))));

        assertThat(done.getStatusCode()).as(String.valueOf(done.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(committee1.get("/api/projects/" + code).getBody().path("status").asText()).isEqualTo("AWAITING_MEETING");
    }

    @Test
    void nobodyStartsOrMovesAnInstanceThroughEngineRestOnlyShequsServicesDo() {
        Api committee1 = Api.as(http, "committee1");
        ResponseEntity<JsonNode> started = committee1.post("/engine-rest/process-definition/key/service-project/start",
                Map.of("businessKey", "SP-2026-9998"));
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        // a purchase started there would have no requirement and no reservation
        ResponseEntity<JsonNode> purchase = Api.as(http, "street1").post("/engine-rest/process-definition/key/purchase-of-service/start",
                Map.of("businessKey", "PS-2026-9998"));
        assertThat(purchase.getStatusCode()).as(String.valueOf(purchase.getBody())).isEqualTo(HttpStatus.FORBIDDEN);

        // the committee's own project, in the residents' meeting: it cannot jump to the finance review
        String code = committee1.post("/api/projects", ProjectScenario.proposal("3000.00", "VOLUNTEER", "F2026-CITY", "SELF"))
                .getBody().path("code").asText();
        committee1.post("/api/projects/" + code + "/submit", null);
        String instance = Api.as(http, "admin").get("/engine-rest/process-instance?businessKey=" + code).getBody()
                .get(0).path("id").asText();
        ResponseEntity<JsonNode> moved = committee1.post("/engine-rest/process-instance/" + instance + "/modification",
                Map.of("instructions", java.util.List.of(Map.of("type", "startBeforeActivity", "activityId", ServiceProjectProcess.Tasks.FINANCE_REVIEW))));
        assertThat(moved.getStatusCode()).as(String.valueOf(moved.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> written = committee1.put("/engine-rest/process-instance/" + instance + "/variables/deliveryMode",
                Map.of("value", "PURCHASE", "type", "String"));
        assertThat(written.getStatusCode()).as(String.valueOf(written.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        // nor through Tasklist's engine API
        assertThat(Tasklist.as(http, "committee1").post("/process-instance/" + instance + "/modification",
                Map.of("instructions", java.util.List.of(Map.of("type", "startBeforeActivity", "activityId", ServiceProjectProcess.Tasks.FINANCE_REVIEW))))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Tasklist.as(http, "committee1").post("/process-definition/key/service-project/start",
                Map.of("businessKey", "SP-2026-9998")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(committee1.get("/api/projects/" + code).getBody().path("openTasks")).extracting(t -> t.path("key").asText())
                .containsExactly(ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING);
        // while the services still start, edit and withdraw it on the committee's behalf
        assertThat(committee1.post("/api/projects/" + code + "/withdraw", null).getBody().path("status").asText())
                .isEqualTo("WITHDRAWN");
    }

    @Test
    void aCorrectCompletionThroughEngineRestCompleteCountsAndNobodyElseCanAlterOrTakeTheTask() {
        ProjectScenario scenario = new ProjectScenario(http);
        String code = scenario.inReview(ProjectScenario.proposal("4000.00", "VOLUNTEER", "F2026-CITY", "SELF"));
        String review = scenario.taskId("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW);

        // a provider can neither write a variable of the task nor give the task to itself
        ResponseEntity<JsonNode> written = Tasklist.as(http, "provider1").put("/task/" + review + "/variables/author",
                Map.of("value", "provider1", "type", "String"));
        assertThat(written.getStatusCode()).as(String.valueOf(written.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> taken = Tasklist.as(http, "provider1").post("/task/" + review + "/assignee",
                Map.of("userId", "provider1"));
        assertThat(taken.getStatusCode()).as(String.valueOf(taken.getBody())).isEqualTo(HttpStatus.FORBIDDEN);

        // /engine-rest's complete sends its variables to the process: they count for this task, and stay with it
        ResponseEntity<JsonNode> approved = Tasklist.as(http, "street1").post("/task/" + review + "/complete",
                Map.of("variables", Map.of(Vars.DECISION, Map.of("value", "APPROVE"), Vars.COMMENT, Map.of("value", "同意实施"))));
        assertThat(approved.getStatusCode().is2xxSuccessful()).as(String.valueOf(approved.getBody())).isTrue();
        assertThat(scenario.status(code)).isEqualTo("AWAITING_FINANCE");
        String instance = Api.as(http, "admin").get("/engine-rest/process-instance?businessKey=" + code).getBody()
                .get(0).path("id").asText();
        JsonNode variables = Api.as(http, "admin").get("/engine-rest/process-instance/" + instance + "/variables").getBody();
        assertThat(variables.has("comment")).as(variables.toString()).isFalse();

        // a second click on the completed task (or a colleague's, a moment later) is told so, as /api tells it
        for (String call : new String[] {"/complete", "/submit-form"}) {
            ResponseEntity<JsonNode> again = Tasklist.as(http, "street1").post("/task/" + review + call,
                    Map.of("variables", Map.of(Vars.DECISION, Map.of("value", "REJECT"), Vars.COMMENT, Map.of("value", "不同意"))));
            assertThat(again.getStatusCode()).as(call + " " + again.getBody()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(again.getBody().path("error").asText()).isEqualTo("TASK_ALREADY_COMPLETED");
        }
        assertThat(scenario.status(code)).isEqualTo("AWAITING_FINANCE");

        // a task id that names no task: 404, not the engine's 500
        ResponseEntity<JsonNode> unknown = Tasklist.as(http, "street1").post("/task/no-such-task/complete",
                Map.of("variables", Map.of()));
        assertThat(unknown.getStatusCode()).as(String.valueOf(unknown.getBody())).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().path("error").asText()).isEqualTo("NOT_FOUND");
    }

    private static Map<String, Object> form(int eligible, int present, int yes) {
        return Map.of("variables", Map.of(
                "kind", Map.of("value", "RESIDENTS_MEETING"), "mode", Map.of("value", "ALL_ADULTS"),
                "eligible", Map.of("value", eligible), "present", Map.of("value", present), "yes", Map.of("value", yes),
                "no", Map.of("value", present - yes), "abstain", Map.of("value", 0),
                "heldOn", Map.of("value", "2026-11-20"), "minutes", Map.of("value", "表决记录")));
    }

    /** A SELF project of 5,000.00 drafted by {@code author}, at prepare-proposal; its code. */
    private static String drafted(Api author) {
        return author.post("/api/projects", ProjectScenario.proposal("5000.00", "VOLUNTEER", "F2026-CITY", "SELF"))
                .getBody().path("code").asText();
    }
}

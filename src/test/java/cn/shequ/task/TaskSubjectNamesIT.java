package cn.shequ.task;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.project.ServiceProjectProcess;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import cn.shequ.support.Tasklist;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A task names its subject wherever it is listed (GET /api/tasks, Tasklist through the engine's
 * API), its form shows the project's dossier, and prepare-proposal opens with the proposal as it
 * stands.
 */
@ShequIT
class TaskSubjectNamesIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    org.camunda.bpm.engine.HistoryService history;

    @Test
    void aPaymentTaskNamesTheProjectTheMilestoneAndItsAmountAndItsFormShowsWhatTheDecisionPays() {
        ProjectScenario scenario = new ProjectScenario(http);
        String code = scenario.inReview(ProjectScenario.proposal("20000.00", "VOLUNTEER", "F2026-CITY", "SELF"));

        JsonNode review = scenario.task("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW).orElseThrow();
        assertThat(review.path("name").asText()).isEqualTo("街道办事处审核 · " + code + " 东湖社区长者助餐服务 · ¥20,000.00");
        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, Map.of("decision", "APPROVE", "comment", "同意"));
        String financeReview = scenario.taskId("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW);
        String reviewDossier = dossier("finance1", financeReview);
        assertThat(reviewDossier).contains(code, "¥20,000.00", "预留 ¥20,000.00", "F2026-CITY", "餐费补贴 ¥12,000.00",
                "配送与探访 ¥8,000.00", "**通过**", "应到 100 人，实到 51 人；赞成 26");
        scenario.complete("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW, Map.of("decision", "APPROVE"));
        scenario.reportAndAccept(code, 1);

        String expected = "财政审批拨付 · " + code + " 东湖社区长者助餐服务 · 第1期 ¥8,000.00";
        JsonNode listed = scenario.task("finance1", code, ServiceProjectProcess.Tasks.APPROVE_PAYMENT).orElseThrow();
        assertThat(listed.path("name").asText()).isEqualTo(expected);
        // Tasklist lists the engine's task: the same name, the step's key unchanged
        JsonNode engineTask = Tasklist.as(http, "finance1").get("/task/" + listed.path("id").asText()).getBody();
        assertThat(engineTask.path("name").asText()).isEqualTo(expected);
        assertThat(engineTask.path("taskDefinitionKey").asText()).isEqualTo(ServiceProjectProcess.Tasks.APPROVE_PAYMENT);
        assertThat(dossier("finance1", listed.path("id").asText()))
                .contains("本期里程碑", "第1期 服务启动", "**¥8,000.00**", "拨付 ¥8,000.00", "验收后已过 **0 日**（付款期限 30 日");
        // computed when the form is read (ADR 0058): no engine variable, no history row, and only when asked for
        assertThat(history.createHistoricVariableInstanceQuery().taskIdIn(listed.path("id").asText())
                .variableName(TaskLifecycle.DOSSIER).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().taskIdIn(financeReview)
                .variableName(TaskLifecycle.DOSSIER).count()).isZero();
        ResponseEntity<JsonNode> named = Tasklist.as(http, "finance1")
                .get("/task/" + listed.path("id").asText() + "/form-variables?variableNames=decision");
        assertThat(named.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(named.getBody().has(TaskLifecycle.DOSSIER)).isFalse();
        // the project's one open task in finance1's list, named once
        assertThat(scenario.tasksOf("finance1", code)).extracting(t -> t.path("name").asText()).containsExactly(expected);
    }

    @Test
    void prepareProposalOpensWithTheProposalAsItStandsAndKeepsWhatTheAuthorLeaves() {
        ProjectScenario scenario = new ProjectScenario(http);
        String code = scenario.draft(ProjectScenario.proposal("3000.00", "VOLUNTEER", "F2026-CITY", "SELF"));
        String task = scenario.taskId("committee1", code, ServiceProjectProcess.Tasks.PREPARE_PROPOSAL);
        JsonNode opens = formVariables("committee1", task);
        assertThat(opens.path("title").path("value").asText()).isEqualTo("东湖社区长者助餐服务");
        assertThat(opens.path("category").path("value").asText()).isEqualTo("VOLUNTEER");
        assertThat(opens.path("fundCode").path("value").asText()).isEqualTo("F2026-CITY");
        assertThat(opens.path("plannedStart").path("value").asText()).isEqualTo("2026-12-01");
        assertThat(opens.path("dossier").path("value").asText()).contains("服务启动 40% ¥1,200.00", "交居民会议表决");

        // Tasklist submits the whole form as it opened, with the title changed: only the title changes
        Map<String, Object> form = new HashMap<>();
        for (String field : new FormFields().of(ServiceProjectProcess.Tasks.PREPARE_PROPOSAL)) {
            if (opens.has(field)) {
                form.put(field, Map.of("value", opens.path(field).path("value").asText()));
            }
        }
        form.put("title", Map.of("value", "东湖社区长者助餐服务（修订）"));
        ResponseEntity<JsonNode> submitted = Tasklist.as(http, "committee1")
                .post("/task/" + task + "/submit-form", Map.of("variables", form));
        assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode project = scenario.project(code);
        assertThat(project.path("title").asText()).isEqualTo("东湖社区长者助餐服务（修订）");
        assertThat(project.path("amount").asText()).isEqualTo("3000.00");
        assertThat(project.path("status").asText()).isEqualTo("AWAITING_MEETING");
        assertThat(scenario.task("committee2", code, ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING).orElseThrow().path("name").asText())
                .isEqualTo("记录居民会议表决 · " + code + " 东湖社区长者助餐服务（修订） · ¥3,000.00");
    }

    @Test
    void theFormOpensWithTheProposalAsTheAuthorLastEditedItNotAsItWasWhenTheTaskBegan() {
        ProjectScenario scenario = new ProjectScenario(http);
        String code = scenario.draft(ProjectScenario.proposal("3000.00", "VOLUNTEER", "F2026-CITY", "SELF"));
        String task = scenario.taskId("committee1", code, ServiceProjectProcess.Tasks.PREPARE_PROPOSAL);
        Map<String, Object> edit = new HashMap<>(ProjectScenario.proposal("3000.00", "VOLUNTEER", "F2026-CITY", "SELF"));
        edit.put("title", "东湖社区长者助餐服务（第二稿）");
        ResponseEntity<JsonNode> edited = scenario.as("committee1").put("/api/projects/" + code, edit);
        assertThat(edited.getStatusCode()).as(String.valueOf(edited.getBody())).isEqualTo(HttpStatus.OK);

        // computed when the form is read (ADR 0061): stored on the task when it began, it showed the first draft,
        // and a Tasklist submission of the form as it opened would have put the first draft's title back
        JsonNode opens = formVariables("committee1", task);
        assertThat(opens.path("title").path("value").asText()).isEqualTo("东湖社区长者助餐服务（第二稿）");
        // and the proposal is no engine variable of the task
        JsonNode variables = Tasklist.as(http, "committee1").get("/task/" + task + "/variables").getBody();
        assertThat(variables.has("title")).as(String.valueOf(variables)).isFalse();
    }

    @Test
    void aCompletionThroughTheEngineApiReplacesTheValueTheFormOpenedWith() {
        ProjectScenario scenario = new ProjectScenario(http);
        String code = scenario.draft(ProjectScenario.proposal("3000.00", "VOLUNTEER", "F2026-CITY", "SELF"));
        String task = scenario.taskId("committee1", code, ServiceProjectProcess.Tasks.PREPARE_PROPOSAL);
        ResponseEntity<JsonNode> done = Tasklist.as(http, "committee1").post("/task/" + task + "/complete",
                Map.of("variables", Map.of("title", Map.of("value", "东湖社区长者助餐及探访服务"))));
        assertThat(done.getStatusCode()).as(String.valueOf(done.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode project = scenario.project(code);
        assertThat(project.path("title").asText()).isEqualTo("东湖社区长者助餐及探访服务");
        assertThat(project.path("category").asText()).isEqualTo("VOLUNTEER");
    }

    private String dossier(String user, String taskId) {
        return formVariables(user, taskId).path(TaskLifecycle.DOSSIER).path("value").asText();
    }

    private JsonNode formVariables(String user, String taskId) {
        ResponseEntity<JsonNode> read = Tasklist.as(http, user).get("/task/" + taskId + "/form-variables");
        assertThat(read.getStatusCode()).as(String.valueOf(read.getBody())).isEqualTo(HttpStatus.OK);
        return read.getBody();
    }
}

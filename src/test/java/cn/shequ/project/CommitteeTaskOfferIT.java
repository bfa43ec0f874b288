package cn.shequ.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.identity.Groups;
import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.support.Api;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import cn.shequ.support.Tasklist;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * A committee's task is offered by the engine to its own community's committee from the moment it is created
 * (ADR 0065): the task's history (what an auditor reads in Cockpit or /engine-rest's history) names that one group
 * offered — not every committee, then taken back — and a committee member of another community neither sees nor
 * claims nor completes it at any door, while the community's own members find it in Tasklist and in /api's task list
 * and complete it in Tasklist. A task of an earlier version of the model, which offered it to every committee, is
 * still offered to its community's committee only.
 */
@ShequIT
class CommitteeTaskOfferIT {

    private static final String FUND = "F2026-CITY";
    private static final String C001_COMMITTEE = Groups.communityCommittee("C001");
    private static final String COMMITTEE_OF_THE_PROJECT = "${" + ServiceProjectProcess.Beans.COMMITTEE_GROUP + ".of(execution)}";

    @Autowired
    TestRestTemplate http;

    @Autowired
    HistoryService history;

    @Autowired
    TaskService tasks;

    @Autowired
    RepositoryService repository;

    @Test
    void aCommitteesTaskIsOfferedOnlyToItsCommunitysCommitteeAndItsHistorySaysSo() {
        ProjectScenario scenario = new ProjectScenario(http);
        String code = scenario.submitted(ProjectScenario.proposal("6000.00", "VOLUNTEER", FUND, "SELF"));
        String meeting = scenario.openTaskId(code, Tasks.RECORD_RESIDENT_MEETING);

        // offered once, to C001's committee: the history shows no other group added or removed
        assertThat(candidateHistory(meeting)).containsExactly("add " + C001_COMMITTEE);
        assertThat(tasks.getIdentityLinksForTask(meeting)).extracting(IdentityLink::getGroupId).containsExactly(C001_COMMITTEE);

        // committee3 (C002): not in their lists, refused at every door, nothing changed
        assertThat(Tasklist.as(http, "committee3").listedTaskIds()).doesNotContain(meeting);
        assertThat(scenario.tasksOf("committee3", code)).isEmpty();
        refused(Tasklist.as(http, "committee3").get("/task/" + meeting), "NOT_YOUR_TASK");
        refused(Tasklist.as(http, "committee3").post("/task/" + meeting + "/claim", Map.of("userId", "committee3")), "NOT_YOUR_TASK");
        refused(Tasklist.as(http, "committee3").post("/task/" + meeting + "/submit-form", meetingForm()), "NOT_YOUR_TASK");
        refused(Tasklist.as(http, "committee3").post("/task/" + meeting + "/complete", meetingForm()), "NOT_YOUR_TASK");
        refused(scenario.completeById("committee3", meeting, ProjectScenario.meeting(10, 6, 4)), "NOT_YOUR_TASK");
        refused(Api.as(http, "committee3").post("/engine-rest/task/" + meeting + "/claim", Map.of("userId", "committee3")),
                "ENGINE_REST_CLOSED");
        assertThat(scenario.status(code)).isEqualTo("AWAITING_MEETING");
        assertThat(tasks.createTaskQuery().taskId(meeting).singleResult().getAssignee()).isNull();

        // C001's members: in /api's task list (its index keeps the committee and the community) and in Tasklist's,
        // where committee2 completes it
        assertThat(scenario.task("committee1", code, Tasks.RECORD_RESIDENT_MEETING)).isPresent();
        assertThat(Tasklist.as(http, "committee1").listedTaskIds()).contains(meeting);
        assertThat(Tasklist.as(http, "committee2").listedTaskIds()).contains(meeting);
        ResponseEntity<JsonNode> recorded = Tasklist.as(http, "committee2").post("/task/" + meeting + "/submit-form", meetingForm());
        assertThat(recorded.getStatusCode().is2xxSuccessful()).as(String.valueOf(recorded.getBody())).isTrue();
        assertThat(scenario.status(code)).isEqualTo("IN_REVIEW");
        assertThat(candidateHistory(meeting)).containsExactly("add " + C001_COMMITTEE);

        // a committee task the engine creates inside the milestones' subprocess is offered alike
        scenario.approve(code);
        String report = scenario.openTaskId(code, Tasks.REPORT_MILESTONE);
        assertThat(candidateHistory(report)).containsExactly("add " + C001_COMMITTEE);
        assertThat(scenario.task("committee1", code, Tasks.REPORT_MILESTONE)).isPresent();
        assertThat(scenario.tasksOf("committee3", code)).isEmpty();
        assertThat(Tasklist.as(http, "committee3").listedTaskIds()).doesNotContain(report);
        refused(Tasklist.as(http, "committee3").post("/task/" + report + "/claim", Map.of("userId", "committee3")), "NOT_YOUR_TASK");
    }

    /**
     * An instance of an earlier version of the model, whose committee tasks name every committee: the create
     * listener still offers each to its community's committee instead (the engine's history then shows the swap),
     * and the doors answer as for a task of the current model. The earlier model is deployed as the latest version
     * for this test and the current one again after it.
     */
    @Test
    void aTaskOfAnEarlierModelOfferedToEveryCommitteeIsStillOfferedOnlyToItsCommunitysCommittee() throws IOException {
        ProcessDefinition current = repository.createProcessDefinitionQuery().processDefinitionKey(ServiceProjectProcess.PROCESS_ID)
                .latestVersion().singleResult();
        String earlier = deployCopyOf(current, xml -> {
            assertThat(xml).contains(COMMITTEE_OF_THE_PROJECT);
            return xml.replace(COMMITTEE_OF_THE_PROJECT, Groups.COMMITTEE);
        });
        try {
            ProjectScenario scenario = new ProjectScenario(http);
            String code = scenario.submitted(ProjectScenario.proposal("6000.00", "VOLUNTEER", FUND, "SELF"));
            String meeting = scenario.openTaskId(code, Tasks.RECORD_RESIDENT_MEETING);
            assertThat(tasks.createTaskQuery().taskId(meeting).singleResult().getProcessDefinitionId()).isEqualTo(earlier);

            assertThat(candidateHistory(meeting))
                    .containsExactlyInAnyOrder("add " + Groups.COMMITTEE, "add " + C001_COMMITTEE, "delete " + Groups.COMMITTEE);
            assertThat(tasks.getIdentityLinksForTask(meeting)).extracting(IdentityLink::getGroupId).containsExactly(C001_COMMITTEE);
            assertThat(Tasklist.as(http, "committee3").listedTaskIds()).doesNotContain(meeting);
            assertThat(scenario.tasksOf("committee3", code)).isEmpty();
            refused(Tasklist.as(http, "committee3").post("/task/" + meeting + "/claim", Map.of("userId", "committee3")),
                    "NOT_YOUR_TASK");
            assertThat(scenario.task("committee1", code, Tasks.RECORD_RESIDENT_MEETING)).isPresent();
            assertThat(Tasklist.as(http, "committee1").listedTaskIds()).contains(meeting);
            ResponseEntity<JsonNode> recorded = Tasklist.as(http, "committee2").post("/task/" + meeting + "/submit-form", meetingForm());
            assertThat(recorded.getStatusCode().is2xxSuccessful()).as(String.valueOf(recorded.getBody())).isTrue();
            assertThat(scenario.status(code)).isEqualTo("IN_REVIEW");
        } finally {
            deployCopyOf(current, xml -> xml);
        }
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(ServiceProjectProcess.PROCESS_ID)
                .latestVersion().singleResult().getVersion()).isGreaterThan(current.getVersion() + 1);
    }

    /**
     * Deploys {@code definition}'s model as changed by {@code change}, with the forms of its deployment (the tasks
     * bind their forms to the deployment), as the latest version; returns the id of the new process definition.
     */
    private String deployCopyOf(ProcessDefinition definition, UnaryOperator<String> change) throws IOException {
        String deployment = definition.getDeploymentId();
        DeploymentBuilder copy = repository.createDeployment().name(getClass().getSimpleName()).enableDuplicateFiltering(false);
        for (String resource : repository.getDeploymentResourceNames(deployment)) {
            try (InputStream in = repository.getResourceAsStream(deployment, resource)) {
                if (resource.equals(definition.getResourceName())) {
                    String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    copy.addString(resource, change.apply(xml));
                } else if (resource.endsWith(".form")) {
                    copy.addInputStream(resource, in);
                }
            }
        }
        return copy.deployWithResult().getDeployedProcessDefinitions().stream()
                .filter(d -> d.getKey().equals(definition.getKey())).findFirst().orElseThrow().getId();
    }

    /** The candidate groups of the task's identity-link history, oldest first: "add committee-C001", … */
    private List<String> candidateHistory(String taskId) {
        return history.createHistoricIdentityLinkLogQuery().taskId(taskId).type(IdentityLinkType.CANDIDATE)
                .orderByTime().asc().list().stream()
                .map(log -> log.getOperationType() + " " + log.getGroupId()).toList();
    }

    /** A residents' meeting as Tasklist's form submits it: 10 eligible, 6 present, 4 in favour (passed). */
    private static Map<String, Object> meetingForm() {
        return Map.of("variables", Map.of(
                "kind", Map.of("value", "RESIDENTS_MEETING"), "mode", Map.of("value", "ALL_ADULTS"),
                "eligible", Map.of("value", 10), "present", Map.of("value", 6), "yes", Map.of("value", 4),
                "no", Map.of("value", 2), "abstain", Map.of("value", 0),
                "heldOn", Map.of("value", "2026-11-20"), "minutes", Map.of("value", "表决记录")));
    }

    private static void refused(ResponseEntity<JsonNode> answer, String code) {
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(403);
        assertThat(answer.getBody().path("error").asText()).as(String.valueOf(answer.getBody())).isEqualTo(code);
        assertThat(answer.getBody().path("message").asText()).containsPattern("\\p{IsHan}");
    }
}

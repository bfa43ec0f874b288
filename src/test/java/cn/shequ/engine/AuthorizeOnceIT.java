package cn.shequ.engine;

import static cn.shequ.support.ProjectScenario.proposal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 16, "authorize once" (ADR 0022): a completion through Shequ's services runs without the
 * engine's per-command authorization queries, because Shequ has checked that the task is the
 * caller's; the engine's user operation log still names the caller (for the completion; the task's history names
 * them as its assignee, ADR 0063). Every other door keeps the
 * engine's authorization: an integration account at /engine-rest and a provider calling the engine
 * in Java are refused by the engine itself (AuthorizationException), as before, and nothing changes.
 */
@ShequIT
class AuthorizeOnceIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCompletionThroughTheApiIsLoggedForItsUserAndOtherDoorsKeepTheEnginesAuthorization() {
        long workerRows = taskWorkerRows();
        ProjectScenario projects = new ProjectScenario(http);
        String code = projects.submitted(proposal("3000.00", "ELDERLY_CARE", "F2026-CITY", "SELF"));
        String meetingTask = projects.openTaskId(code, Tasks.RECORD_RESIDENT_MEETING);

        // an integration account passes /engine-rest's door; the engine refuses the completion: it holds no grant
        String integration = "integration" + System.nanoTime();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        String user = "{\"profile\":{\"id\":\"" + integration + "\",\"firstName\":\"对接\",\"lastName\":\"系统\"},"
                + "\"credentials\":{\"password\":\"abcdefghij\"}}";
        assertThat(http.withBasicAuth("admin", "demo").postForEntity("/engine-rest/user/create", new HttpEntity<>(user, json),
                String.class).getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(http.withBasicAuth("admin", "demo").exchange("/engine-rest/group/engine-integration/members/" + integration,
                HttpMethod.PUT, null, String.class).getStatusCode().is2xxSuccessful()).isTrue();
        ResponseEntity<String> byIntegration = http.withBasicAuth(integration, "abcdefghij").postForEntity(
                "/engine-rest/task/" + meetingTask + "/complete", new HttpEntity<>("{}", json), String.class);
        assertThat(byIntegration.getStatusCode()).as(byIntegration.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byIntegration.getBody()).contains("AuthorizationException").contains(integration);
        assertThat(projects.openTaskKeys(code)).containsExactly(Tasks.RECORD_RESIDENT_MEETING);

        // a provider calling the engine in Java (no door of Shequ's in between): the engine's own refusal
        List<String> providerGroups = identity.createGroupQuery().groupMember("provider1").list().stream().map(Group::getId).toList();
        identity.setAuthentication("provider1", providerGroups);
        Throwable byProvider;
        try {
            byProvider = catchThrowable(() -> tasks.complete(meetingTask, Map.of()));
        } finally {
            identity.clearAuthentication();
        }
        assertThat(byProvider).isInstanceOf(AuthorizationException.class);
        assertThat(projects.openTaskKeys(code)).containsExactly(Tasks.RECORD_RESIDENT_MEETING);
        assertThat(projects.status(code)).isEqualTo("AWAITING_MEETING");

        // the committee member records the meeting through the API: done, and the engine's log names her
        projects.meet(code, ProjectScenario.meeting(100, 51, 26));
        assertThat(projects.status(code)).isEqualTo("IN_REVIEW");
        List<UserOperationLogEntry> logged = history.createUserOperationLogQuery().taskId(meetingTask)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list();
        assertThat(logged).isNotEmpty().allSatisfy(entry -> assertThat(entry.getUserId()).isEqualTo(ProjectScenario.COMMITTEE));
        // and the task's history names her as its assignee (ADR 0063): the claim that made her so, in the same
        // command, writes no entry of its own, no assignee link row and no task-worker metric (ADR 0062)
        assertThat(history.createHistoricTaskInstanceQuery().taskId(meetingTask).singleResult().getAssignee())
                .isEqualTo(ProjectScenario.COMMITTEE);
        assertThat(history.createUserOperationLogQuery().taskId(meetingTask)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_CLAIM).list()).isEmpty();
        assertThat(history.createHistoricIdentityLinkLogQuery().taskId(meetingTask).type(IdentityLinkType.ASSIGNEE).list())
                .isEmpty();
        assertThat(taskWorkerRows()).isEqualTo(workerRows);
    }

    private long taskWorkerRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK_METER_LOG", Long.class);
    }
}

package cn.shequ.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.shequ.project.ServiceProjectProcess;
import cn.shequ.project.ServiceProjectProcess.Vars;
import cn.shequ.refusal.Refusal;
import cn.shequ.support.Api;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import cn.shequ.support.Tasklist;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The engine's side doors (issue 10, findings 1–4; issue 12, Tasklist's claims): for every role that is
 * no administrator, every request that would change a process through /engine-rest or Tasklist's engine
 * API is refused with the error body, and nothing changed — the instance, its tasks and variables, the
 * project's status, the fund, the project's audit trail; the same commands issued in Java as that user
 * are refused by the engine itself. Claims follow the rules; an administrator's change is recorded.
 */
@ShequIT
class EngineDoorsIT {

    /** Every role that is no administrator (committee1: the project's own community; committee3: another). */
    static final List<String> ROLES = List.of("committee1", "committee3", "street1", "civil1", "finance1", "auditor1",
            "provider1", "expert1");
    static final String FUND = "F2026-CITY";

    @Autowired
    TestRestTemplate http;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    IdentityService identity;

    record Attempt(String method, String path, Object body) {
        String on(String task, String instance, String job) {
            return path.replace("{task}", task).replace("{instance}", instance).replace("{job}", job);
        }
    }

    /** The engine API's requests that change a task or an instance (below /engine-rest or Tasklist's engine root). */
    static final List<Attempt> CHANGES = List.of(
            new Attempt("POST", "/task/{task}/bpmnError", Map.of("errorCode", "MEETING_FAILED")),
            new Attempt("POST", "/task/{task}/bpmnEscalation", Map.of("escalationCode", "ESCALATED")),
            new Attempt("POST", "/task/{task}/delegate", Map.of("userId", "committee2")),
            new Attempt("POST", "/task/{task}/assignee", Map.of("userId", "committee2")),
            new Attempt("POST", "/task/{task}/claim", Map.of("userId", "provider1")),
            new Attempt("POST", "/task/{task}/unclaim", Map.of()),
            new Attempt("DELETE", "/task/{task}", null),
            new Attempt("PUT", "/task/{task}", Map.of("name", "改名", "assignee", "provider1")),
            new Attempt("POST", "/task/{task}/variables", Map.of("modifications", Map.of(Vars.DECISION, Map.of("value", "APPROVE")))),
            new Attempt("PUT", "/task/{task}/variables/decision", Map.of("value", "APPROVE")),
            new Attempt("PUT", "/task/{task}/localVariables/decision", Map.of("value", "APPROVE")),
            new Attempt("DELETE", "/task/{task}/variables/projectCode", null),
            new Attempt("POST", "/task/{task}/identity-links", Map.of("groupId", "finance", "type", "candidate")),
            new Attempt("POST", "/task/{task}/comment/create", Map.of("message", "旁门留言")),
            new Attempt("POST", "/process-instance/{instance}/variables", Map.of("modifications", Map.of("x", Map.of("value", 1)))),
            new Attempt("PUT", "/process-instance/{instance}/variables/deliveryMode", Map.of("value", "PURCHASE")),
            new Attempt("DELETE", "/process-instance/{instance}/variables/projectCode", null),
            new Attempt("POST", "/process-instance/{instance}/modification",
                    Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING)))),
            new Attempt("DELETE", "/process-instance/{instance}", null),
            new Attempt("PUT", "/process-instance/{instance}/suspended", Map.of("suspended", true)),
            new Attempt("POST", "/process-instance/delete", Map.of("processInstanceIds", List.of("{instance}"))),
            new Attempt("POST", "/execution/{instance}/localVariables", Map.of("modifications", Map.of("x", Map.of("value", 1)))),
            new Attempt("POST", "/message", Map.of("messageName", ServiceProjectProcess.Messages.WITHDRAW, "all", true)),
            new Attempt("POST", "/signal", Map.of("name", "anything")),
            new Attempt("PUT", "/job/{job}/retries", Map.of("retries", 0)),
            new Attempt("POST", "/job/{job}/execute", Map.of()),
            new Attempt("PUT", "/job/{job}/suspended", Map.of("suspended", true)),
            new Attempt("POST", "/process-definition/key/service-project/start", Map.of("businessKey", "SP-SIDE-DOOR")),
            new Attempt("POST", "/task/create", Map.of("id", "side-door-task", "name", "旁门任务")),
            new Attempt("POST", "/identity/verify", Map.of("username", "admin", "password", "demo")));

    @Test
    void noRoleButAdministratorsChangesAProcessThroughEitherDoorAndNothingChanges() {
        ProjectScenario scenario = new ProjectScenario(http);
        String code = scenario.submitted(ProjectScenario.proposal("6000.00", "VOLUNTEER", FUND, "SELF"));
        String task = scenario.openTaskId(code, ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING);
        String instance = instanceOf(code);
        String job = admin().get("/engine-rest/job?processInstanceId=" + instance).getBody().path(0).path("id").asText("no-such-job");
        Snapshot before = snapshot(scenario, code, instance);

        List<String> answered = new ArrayList<>();
        for (String role : ROLES) {
            Tasklist tasklist = Tasklist.as(http, role);
            for (Attempt attempt : CHANGES) {
                String path = attempt.on(task, instance, job);
                Object body = attempt.body() == null ? null : replace(attempt.body(), instance);
                refused(role + " " + attempt.method() + " /engine-rest" + path, engineRest(role, attempt.method(), "/engine-rest" + path, body),
                        answered);
                refused(role + " " + attempt.method() + " Tasklist" + path,
                        tasklist.call(attempt.method(), Tasklist.ENGINE + path, body == null && !"GET".equals(attempt.method())
                                && !"DELETE".equals(attempt.method()) ? Map.of() : body), answered);
            }
        }
        assertThat(answered).hasSize(ROLES.size() * CHANGES.size() * 2);
        assertThat(snapshot(scenario, code, instance)).isEqualTo(before);
    }

    @Test
    void theEngineItselfRefusesTheSameCommandsInJavaForEveryRole() {
        ProjectScenario scenario = new ProjectScenario(http);
        String code = scenario.submitted(ProjectScenario.proposal("6000.00", "VOLUNTEER", FUND, "SELF"));
        String task = scenario.openTaskId(code, ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING);
        String instance = instanceOf(code);
        Snapshot before = snapshot(scenario, code, instance);
        List<Consumer<String>> commands = List.of(
                user -> tasks.handleBpmnError(task, "MEETING_FAILED"),
                user -> tasks.handleEscalation(task, "ESCALATED"),
                user -> tasks.delegateTask(task, "committee2"),
                user -> tasks.setAssignee(task, "committee2"),
                user -> tasks.setOwner(task, user),
                user -> tasks.claim(task, "provider1"),
                user -> tasks.deleteTask(task),
                user -> tasks.setVariable(task, Vars.DECISION, "APPROVE"),
                user -> tasks.setVariableLocal(task, Vars.DECISION, "APPROVE"),
                user -> tasks.removeVariable(task, Vars.PROJECT_CODE),
                user -> tasks.addCandidateGroup(task, "finance"),
                user -> tasks.setDueDate(task, new java.util.Date()),
                user -> runtime.setVariable(instance, Vars.DELIVERY_MODE, "PURCHASE"),
                user -> runtime.removeVariable(instance, Vars.PROJECT_CODE),
                user -> runtime.deleteProcessInstance(instance, "旁门"),
                user -> runtime.suspendProcessInstanceById(instance),
                user -> runtime.createProcessInstanceModification(instance).cancelAllForActivity(ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING).execute(),
                user -> runtime.createMessageCorrelation(ServiceProjectProcess.Messages.WITHDRAW).processInstanceBusinessKey(code).correlate(),
                user -> runtime.signalEventReceived("anything"),
                user -> runtime.startProcessInstanceByKey(ServiceProjectProcess.PROCESS_ID, "SP-SIDE-DOOR"),
                user -> management.setJobRetries(List.of("no-such-job"), 0));
        for (String role : ROLES) {
            List<String> groups = groupsOf(role);
            for (int i = 0; i < commands.size(); i++) {
                Consumer<String> command = commands.get(i);
                identity.setAuthentication(role, groups);
                Throwable refusal;
                try {
                    refusal = catchThrowable(() -> command.accept(role));
                } finally {
                    identity.clearAuthentication();
                }
                assertThat(refusal).as(role + " command " + i).isInstanceOf(Refusal.class);
                assertThat(HttpRefusal.status((Refusal) refusal).value()).as(role + " command " + i).isIn(403, 409);
            }
        }
        assertThat(snapshot(scenario, code, instance)).isEqualTo(before);
    }

    @Test
    void findingsOneThreeAndFourAreRefusedAndTheRightMemberStillWorksTheTask() {
        ProjectScenario scenario = new ProjectScenario(http);
        String code = scenario.submitted(ProjectScenario.proposal("6000.00", "VOLUNTEER", FUND, "SELF"));
        String meeting = scenario.openTaskId(code, ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING);
        String instance = instanceOf(code);
        Snapshot before = snapshot(scenario, code, instance);

        // 1. committee3 (C002) ends C001's process with a BPMN error from its meeting task: through either door
        ResponseEntity<JsonNode> ended = Api.as(http, "committee3").post("/engine-rest/task/" + meeting + "/bpmnError",
                Map.of("errorCode", "MEETING_FAILED"));
        assertRefused(ended, "ENGINE_REST_CLOSED");
        assertRefused(Tasklist.as(http, "committee3").post("/task/" + meeting + "/bpmnError", Map.of("errorCode", "MEETING_FAILED")),
                "TASKLIST_API_REFUSED");
        // 3. committee3 claims C001's meeting task; committee1 claims it for provider1
        assertRefused(Api.as(http, "committee3").post("/engine-rest/task/" + meeting + "/claim", Map.of("userId", "committee3")),
                "ENGINE_REST_CLOSED");
        assertRefused(Tasklist.as(http, "committee3").post("/task/" + meeting + "/claim", Map.of("userId", "committee3")),
                "NOT_YOUR_TASK");
        assertRefused(Tasklist.as(http, "committee1").post("/task/" + meeting + "/claim", Map.of("userId", "provider1")),
                "ASSIGN_ADMIN_ONLY");
        // 4. committee3 reads C001's instances, tasks and variables
        assertRefused(Api.as(http, "committee3").get("/engine-rest/process-instance?businessKey=" + code), "ENGINE_REST_CLOSED");
        assertRefused(Api.as(http, "committee3").get("/engine-rest/task/" + meeting + "/variables"), "ENGINE_REST_CLOSED");
        assertRefused(Tasklist.as(http, "committee3").get("/task/" + meeting), "NOT_YOUR_TASK");
        assertRefused(Tasklist.as(http, "committee3").get("/task/" + meeting + "/form-variables"), "NOT_YOUR_TASK");
        assertRefused(Tasklist.as(http, "committee3").get("/task?processInstanceId=" + instance), "TASKLIST_API_REFUSED");
        assertRefused(Tasklist.as(http, "committee3").get("/variable-instance?processInstanceIdIn=" + instance), "TASKLIST_API_REFUSED");
        assertThat(Tasklist.as(http, "committee3").listedTaskIds()).doesNotContain(meeting);
        // the shared filter cannot be widened to another group or community
        String groupFilter = filterId(Tasklist.as(http, "committee3"), "本组待办");
        assertRefused(Tasklist.as(http, "committee3").post("/filter/" + groupFilter + "/list",
                Map.of("candidateGroups", List.of("committee", "committee-C001"))), "FILTER_CRITERION_REFUSED");
        assertThat(snapshot(scenario, code, instance)).isEqualTo(before);

        // committee2 (C001) sees it, claims it, releases it; committee1 then finds it in the group's list again
        assertThat(Tasklist.as(http, "committee1").listedTaskIds()).contains(meeting);
        assertThat(Tasklist.as(http, "committee2").get("/task/" + meeting + "/form-variables").getStatusCode().value()).isEqualTo(200);
        done(Tasklist.as(http, "committee2").post("/task/" + meeting + "/claim", Map.of("userId", "committee2")));
        assertThat(Tasklist.as(http, "committee1").listedTaskIds()).doesNotContain(meeting);
        assertRefused(Tasklist.as(http, "committee1").post("/task/" + meeting + "/unclaim", Map.of()), "NOT_YOUR_TASK");
        done(Tasklist.as(http, "committee2").post("/task/" + meeting + "/unclaim", Map.of()));
        assertThat(admin().get("/engine-rest/task/" + meeting).getBody().path("assignee").isNull()).isTrue();
        assertThat(Tasklist.as(http, "committee1").listedTaskIds()).contains(meeting);
        assertThat(scenario.status(code)).isEqualTo("AWAITING_MEETING");
    }

    @Test
    void aClaimTheRulesWouldRefuseIsRefusedAtTheClaimAndAnOwnClaimCanBeReleased() {
        ProjectScenario scenario = new ProjectScenario(http);
        String code = scenario.inReview(ProjectScenario.proposal("6000.00", "VOLUNTEER", FUND, "SELF"));
        // dual1 (street office and finance) does the street office's review
        scenario.complete("dual1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, Map.of("decision", "APPROVE", "comment", "同意"));
        String review = scenario.openTaskId(code, ServiceProjectProcess.Tasks.FINANCE_REVIEW);

        // street2 cannot claim finance's task: not in Tasklist's list, refused at the door and in the engine
        assertThat(Tasklist.as(http, "street2").listedTaskIds()).doesNotContain(review);
        assertRefused(Tasklist.as(http, "street2").post("/task/" + review + "/claim", Map.of("userId", "street2")), "NOT_YOUR_TASK");
        identity.setAuthentication("street2", List.of("street-office"));
        Throwable inEngine;
        try {
            inEngine = catchThrowable(() -> tasks.claim(review, "street2"));
        } finally {
            identity.clearAuthentication();
        }
        assertThat(inEngine).isInstanceOf(Refusal.class);
        assertThat(((Refusal) inEngine).code()).isEqualTo("CLAIM_NOT_ALLOWED");
        // dual1 is in finance too, but did this project's street review: segregation of duties, known in advance
        assertRefused(Tasklist.as(http, "dual1").post("/task/" + review + "/claim", Map.of("userId", "dual1")), "SOD_REVIEWER");
        assertThat(admin().get("/engine-rest/task/" + review).getBody().path("assignee").isNull()).isTrue();

        // finance1 claims it and can always release it: it goes back to finance's list
        done(Tasklist.as(http, "finance1").post("/task/" + review + "/claim", Map.of("userId", "finance1")));
        assertThat(Tasklist.as(http, "finance2").listedTaskIds()).doesNotContain(review);
        assertRefused(Tasklist.as(http, "finance2").post("/task/" + review + "/claim", Map.of("userId", "finance2")), "NOT_YOUR_TASK");
        done(Tasklist.as(http, "finance1").post("/task/" + review + "/unclaim", Map.of()));
        assertThat(Tasklist.as(http, "finance2").listedTaskIds()).contains(review);

        // only an administrator gives it to someone: recorded in the audit chain with the reason
        int trail = timeline(code).size();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Shequ-Reason", URLEncoder.encode("财政科内部分工调整", StandardCharsets.UTF_8));
        ResponseEntity<JsonNode> assigned = http.withBasicAuth("admin", "demo").exchange("/engine-rest/task/" + review + "/assignee",
                HttpMethod.POST, new HttpEntity<>(Map.of("userId", "finance2"), headers), JsonNode.class);
        assertThat(assigned.getStatusCode().value()).as(String.valueOf(assigned.getBody())).isEqualTo(204);
        List<JsonNode> after = timeline(code);
        assertThat(after).hasSize(trail + 1);
        JsonNode entry = after.get(after.size() - 1);
        assertThat(entry.path("action").asText()).isEqualTo("ENGINE_COMMAND");
        assertThat(entry.path("actor").asText()).isEqualTo("admin");
        assertThat(entry.path("decision").asText()).isEqualTo("AssignTaskCmd");
        assertThat(entry.path("comment").asText()).isEqualTo("财政科内部分工调整");
        assertThat(entry.path("details").path("userId").asText()).isEqualTo("finance2");
        // finance2 may give back what was given to them: the task returns to finance
        done(Tasklist.as(http, "finance2").post("/task/" + review + "/unclaim", Map.of()));
        assertThat(Tasklist.as(http, "finance1").listedTaskIds()).contains(review);
        assertThat(scenario.status(code)).isEqualTo("AWAITING_FINANCE");
    }

    @Test
    void whatRemainsOfEngineRestAnswersAnAdministratorsMistakesWith4xxAndRecordsNothingForThem() {
        ProjectScenario scenario = new ProjectScenario(http);
        String code = scenario.submitted(ProjectScenario.proposal("6000.00", "VOLUNTEER", FUND, "SELF"));
        String meeting = scenario.openTaskId(code, ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING);
        done(Tasklist.as(http, "committee2").post("/task/" + meeting + "/claim", Map.of("userId", "committee2")));
        Snapshot before = snapshot(scenario, code, instanceOf(code));

        ResponseEntity<JsonNode> second = admin().post("/engine-rest/task/" + meeting + "/claim", Map.of("userId", "admin"));
        assertThat(second.getStatusCode().value()).as(String.valueOf(second.getBody())).isEqualTo(409);
        assertThat(second.getBody().path("error").asText()).isEqualTo("TASK_TAKEN");
        ResponseEntity<JsonNode> deleted = admin().delete("/engine-rest/task/" + meeting);
        assertThat(deleted.getStatusCode().value()).as(String.valueOf(deleted.getBody())).isEqualTo(409);
        ResponseEntity<JsonNode> unknown = admin().post("/engine-rest/task/no-such-task/claim", Map.of("userId", "admin"));
        assertThat(unknown.getStatusCode().value()).as(String.valueOf(unknown.getBody())).isEqualTo(404);
        assertThat(snapshot(scenario, code, instanceOf(code))).isEqualTo(before);
    }

    @Test
    void cockpitAndAdminAreForAdministratorsAndEngineRestForIntegrationAccountsToo() {
        for (String role : ROLES) {
            assertRefused(Tasklist.as(http, role).call("GET", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
                    null), "ADMINISTRATORS_ONLY");
            assertRefused(Tasklist.as(http, role).call("GET", "/camunda/api/admin/plugin/adminPlugins/default/users", null),
                    "ADMINISTRATORS_ONLY");
            ResponseEntity<JsonNode> page = Tasklist.as(http, role).call("GET", "/camunda/app/cockpit/default/", null);
            assertThat(page.getStatusCode().value()).as(role).isEqualTo(302);
            assertThat(page.getHeaders().getFirst("Location")).endsWith("/camunda/app/tasklist/");
            assertRefused(Api.as(http, role).get("/engine-rest/task"), "ENGINE_REST_CLOSED");
        }
        assertThat(admin().get("/engine-rest/task?maxResults=1").getStatusCode().value()).isEqualTo(200);
        assertThat(Tasklist.as(http, "admin").get("/task?maxResults=1").getStatusCode().value()).isEqualTo(200);
    }

    // ---------------------------------------------------------------------------------------------------------

    record Snapshot(boolean exists, boolean suspended, String tasks, String variables, String status, String available,
                    int trail) {}

    private Snapshot snapshot(ProjectScenario scenario, String code, String instance) {
        ResponseEntity<JsonNode> found = admin().get("/engine-rest/process-instance/" + instance);
        StringBuilder open = new StringBuilder();
        for (JsonNode task : admin().get("/engine-rest/task?processInstanceId=" + instance).getBody()) {
            open.append(task.path("id").asText()).append('/').append(task.path("taskDefinitionKey").asText()).append('/')
                    .append(task.path("assignee").asText()).append('/').append(task.path("due").asText()).append(';');
            for (JsonNode link : admin().get("/engine-rest/task/" + task.path("id").asText() + "/identity-links").getBody()) {
                open.append(link.path("groupId").asText()).append(link.path("userId").asText()).append(',');
            }
            open.append(admin().get("/engine-rest/task/" + task.path("id").asText() + "/localVariables").getBody());
        }
        String variables = String.valueOf(admin().get("/engine-rest/process-instance/" + instance + "/variables").getBody());
        return new Snapshot(found.getStatusCode().is2xxSuccessful(), found.getBody().path("suspended").asBoolean(),
                open.toString(), variables, scenario.status(code), scenario.available(FUND).toPlainString(), timeline(code).size());
    }

    private List<JsonNode> timeline(String code) {
        List<JsonNode> entries = new ArrayList<>();
        Api.as(http, "auditor2").get("/api/audit/projects/" + code + "/timeline").getBody().forEach(entries::add);
        return entries;
    }

    private String instanceOf(String code) {
        return admin().get("/engine-rest/process-instance?businessKey=" + code).getBody().path(0).path("id").asText();
    }

    private List<String> groupsOf(String user) {
        List<String> groups = new ArrayList<>();
        Api.as(http, user).get("/api/me").getBody().path("groups").forEach(g -> groups.add(g.asText()));
        return groups;
    }

    private static String filterId(Tasklist tasklist, String name) {
        for (JsonNode filter : tasklist.get("/filter?resourceType=Task").getBody()) {
            if (name.equals(filter.path("name").asText())) {
                return filter.path("id").asText();
            }
        }
        throw new AssertionError("no filter " + name);
    }

    private Api admin() {
        return Api.as(http, "admin");
    }

    private ResponseEntity<JsonNode> engineRest(String user, String method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.valueOf(method),
                new HttpEntity<>(body, headers), JsonNode.class);
    }

    @SuppressWarnings("unchecked")
    private static Object replace(Object body, String instance) {
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), replace(v, instance)));
            return copy;
        }
        if (body instanceof List<?> list) {
            return list.stream().map(v -> replace(v, instance)).toList();
        }
        return "{instance}".equals(body) ? instance : body;
    }

    private static void refused(String what, ResponseEntity<JsonNode> answer, List<String> answered) {
        assertThat(answer.getStatusCode().value()).as(what + " → " + answer.getBody()).isEqualTo(403);
        assertThat(answer.getBody().path("error").asText()).as(what).isNotBlank();
        assertThat(answer.getBody().path("message").asText()).as(what).containsPattern("\\p{IsHan}");
        answered.add(what);
    }

    private static void done(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getStatusCode().value()).as(answer.getHeaders() + " " + answer.getBody()).isEqualTo(204);
    }

    private static void assertRefused(ResponseEntity<JsonNode> answer, String code) {
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isIn(403, 409);
        assertThat(answer.getBody().path("error").asText()).as(String.valueOf(answer.getBody())).isEqualTo(code);
        assertThat(answer.getBody().path("message").asText()).containsPattern("\\p{IsHan}");
    }
}

package cn.shequ.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shequ.refusal.Refusal;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tasklist's allowlist, endpoint by endpoint: what Tasklist needs passes (and is then checked: the
 * task is the user's, the filter a shared one), everything that would change a process or read beyond
 * the user's own tasks does not. The integration test {@code EngineDoorsIT} sends these as the users.
 */
class EngineDoorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void whatTasklistNeedsPassesWithItsCheck() {
        assertPasses("GET", "/filter", EngineDoors.Check.NONE);
        // asked by Tasklist's filter list in a browser before it lists (TasklistBrowserIT)
        assertPasses("OPTIONS", "/filter", EngineDoors.Check.NONE);
        assertPasses("GET", "/filter/count", EngineDoors.Check.NONE);
        assertPasses("OPTIONS", "/filter/f1", EngineDoors.Check.FILTER);
        assertPasses("GET", "/filter/f1", EngineDoors.Check.FILTER);
        assertPasses("POST", "/filter/f1/list", EngineDoors.Check.FILTER);
        assertPasses("GET", "/filter/f1/count", EngineDoors.Check.FILTER);
        assertPasses("POST", "/filter/f1/count", EngineDoors.Check.FILTER);
        for (String read : List.of("", "/form", "/rendered-form", "/deployed-form", "/form-variables", "/variables",
                "/localVariables", "/identity-links", "/comment")) {
            assertPasses("GET", "/task/t1" + read, EngineDoors.Check.TASK);
        }
        for (String action : List.of("/submit-form", "/complete", "/claim", "/unclaim")) {
            assertPasses("POST", "/task/t1" + action, EngineDoors.Check.TASK);
        }
        assertPasses("GET", "/user/committee1/profile", EngineDoors.Check.NONE);
        assertPasses("GET", "/identity/groups", EngineDoors.Check.SELF);
        assertPasses("GET", "/group", EngineDoors.Check.SELF);
        assertPasses("GET", "/process-definition", EngineDoors.Check.NONE);
        assertPasses("GET", "/process-definition/service-project:1:x/xml", EngineDoors.Check.NONE);
        assertPasses("GET", "/process-definition/service-project:1:x/diagram", EngineDoors.Check.NONE);
    }

    @Test
    void everythingThatChangesAProcessOrReadsBeyondOnesOwnTasksIsRefused() {
        for (String[] refused : new String[][] {
                {"POST", "/task/t1/bpmnError"}, {"POST", "/task/t1/bpmnEscalation"}, {"POST", "/task/t1/delegate"},
                {"POST", "/task/t1/assignee"}, {"POST", "/task/t1/resolve"}, {"DELETE", "/task/t1"}, {"PUT", "/task/t1"},
                {"POST", "/task/t1/variables"}, {"PUT", "/task/t1/variables/decision"}, {"DELETE", "/task/t1/variables/x"},
                {"PUT", "/task/t1/localVariables/decision"}, {"POST", "/task/t1/localVariables"},
                {"POST", "/task/t1/identity-links"}, {"POST", "/task/t1/identity-links/delete"},
                {"POST", "/task/t1/comment/create"}, {"POST", "/task/t1/attachment/create"}, {"POST", "/task/create"},
                {"GET", "/task"}, {"POST", "/task"}, {"GET", "/task/count"}, {"GET", "/variable-instance"},
                {"GET", "/process-instance"}, {"GET", "/process-instance/p1/variables"}, {"POST", "/process-instance/p1/variables"},
                {"PUT", "/process-instance/p1/variables/x"}, {"POST", "/process-instance/p1/modification"},
                {"DELETE", "/process-instance/p1"}, {"PUT", "/process-instance/p1/suspended"}, {"POST", "/process-instance/delete"},
                {"POST", "/execution/e1/localVariables"}, {"POST", "/execution/e1/signal"}, {"POST", "/message"}, {"POST", "/signal"},
                {"GET", "/job"}, {"PUT", "/job/j1/retries"}, {"POST", "/job/j1/execute"}, {"GET", "/job/j1/stacktrace"},
                {"POST", "/process-definition/key/service-project/start"}, {"POST", "/process-definition/p/submit-form"},
                {"PUT", "/process-definition/p/suspended"}, {"DELETE", "/process-definition/p"}, {"POST", "/deployment/create"},
                {"GET", "/history/task"}, {"GET", "/history/variable-instance"}, {"DELETE", "/history/process-instance/p1"},
                {"POST", "/identity/verify"}, {"PUT", "/user/committee1/credentials"}, {"PUT", "/user/committee1/profile"},
                {"POST", "/user/create"}, {"POST", "/filter/create"}, {"PUT", "/filter/f1"}, {"DELETE", "/filter/f1"},
                {"POST", "/authorization/create"}, {"POST", "/external-task/fetchAndLock"}, {"POST", "/migration/execute"},
                {"POST", "/modification/execute"}, {"POST", "/condition"}, {"POST", "/decision-definition/key/d/evaluate"}}) {
            assertThat(EngineDoors.allowed(refused[0], refused[1])).as(refused[0] + " " + refused[1]).isNull();
        }
    }

    @Test
    void aSharedFilterMayBeNarrowedByTasklistsSearchButNotReplaced() throws Exception {
        EngineDoors.Doors.requireNarrowing(JSON.readTree("""
                {"processVariables": [{"name": "projectCode", "operator": "eq", "value": "SP-2026-0001"}], "taskVariables": [],
                 "caseInstanceVariables": [], "sorting": [{"sortBy": "created", "sortOrder": "desc"}], "nameLike": "%审核%",
                 "processInstanceBusinessKeyLike": "%SP%", "dueBefore": "2026-12-31T00:00:00.000+0800",
                 "orQueries": [{"processVariables": [], "nameLike": "%财政%"}], "firstResult": 0, "maxResults": 15}"""), "");
        for (String widening : List.of("{\"candidateGroups\": [\"finance\"]}", "{\"candidateGroup\": \"committee-C001\"}",
                "{\"assignee\": \"finance1\"}", "{\"assigneeLike\": \"%\"}", "{\"includeAssignedTasks\": true}",
                "{\"candidateUser\": \"finance1\"}", "{\"involvedUser\": \"finance1\"}", "{\"unassigned\": false}",
                "{\"orQueries\": [{\"candidateGroup\": \"finance\"}]}", "{\"candidateGroupsExpression\": \"${currentUserGroups()}\"}")) {
            assertThatThrownBy(() -> EngineDoors.Doors.requireNarrowing(JSON.readTree(widening), ""))
                    .as(widening).isInstanceOf(Refusal.class)
                    .satisfies(e -> assertThat(((Refusal) e).code()).isEqualTo("FILTER_CRITERION_REFUSED"));
        }
    }

    private static void assertPasses(String method, String below, EngineDoors.Check check) {
        EngineDoors.Allowed allowed = EngineDoors.allowed(method, below);
        assertThat(allowed).as(method + " " + below).isNotNull();
        assertThat(allowed.check()).as(method + " " + below).isEqualTo(check);
    }
}

package cn.shequ.engine;

import static cn.shequ.support.ProjectScenario.proposal;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.project.ServiceProjectProcess.Vars;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 16, ADR 0049: the fields of a completion through Shequ's services reach the step's rules
 * (a bad one is refused, naming it) and Shequ's own tables, but the engine stores no variable and
 * no history row for them; what the process routes on is still a process variable in its history.
 */
@ShequIT
class TransientFormFieldsIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    HistoryService history;

    @Test
    void theFieldsOfAnApiCompletionAreReadByTheRulesButNotStoredByTheEngine() {
        ProjectScenario projects = new ProjectScenario(http);
        String code = projects.submitted(proposal("3100.00", "ELDERLY_CARE", "F2026-CITY", "SELF"));
        // the step's rules read the meeting's figures: 51 of 100 present is a quorum, 26 of them a majority
        JsonNode meeting = projects.meet(code, ProjectScenario.meeting(100, 51, 26));
        assertThat(meeting.path("outcome").asText()).isEqualTo("PASSED");
        assertThat(projects.status(code)).isEqualTo("IN_REVIEW");

        // the meeting's figures: in Shequ's meeting record, not in the engine's variables or history
        String meetingTask = finishedTask(code, Tasks.RECORD_RESIDENT_MEETING);
        assertThat(names(history.createHistoricVariableInstanceQuery().taskIdIn(meetingTask).includeDeleted().list()))
                .doesNotContain("present", "yes", "no", "abstain", "eligible", "minutes", "heldOn", "kind", "mode");
        assertThat(updatedNames(history.createHistoricDetailQuery().taskId(meetingTask).variableUpdates().list()))
                .doesNotContain("present", "yes", "minutes", "heldOn");
        // the outcome the process routes on is still a process variable
        assertThat(processValue(code, Vars.MEETING_OUTCOME)).isEqualTo("PASSED");

        // a bad field still reaches the step's rule, which refuses it and names it; nothing changes
        ResponseEntity<JsonNode> bad = projects.attempt("street1", code, Tasks.STREET_OFFICE_REVIEW,
                Map.of("decision", "MAYBE", "comment", "再议"));
        assertThat(bad.getStatusCode()).as(String.valueOf(bad.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().toString()).contains("decision");
        assertThat(projects.openTaskKeys(code)).containsExactly(Tasks.STREET_OFFICE_REVIEW);

        projects.complete("street1", code, Tasks.STREET_OFFICE_REVIEW, Map.of("decision", "APPROVE", "comment", "同意实施。"));
        String reviewTask = finishedTask(code, Tasks.STREET_OFFICE_REVIEW);
        assertThat(names(history.createHistoricVariableInstanceQuery().taskIdIn(reviewTask).includeDeleted().list()))
                .doesNotContain(Vars.DECISION, Vars.COMMENT);
        assertThat(updatedNames(history.createHistoricDetailQuery().taskId(reviewTask).variableUpdates().list()))
                .doesNotContain(Vars.COMMENT);
        // the decision routes the process (on to the finance review), read by the gateway right after the task only:
        // no stored variable, no history row (ADR 0061); Shequ's record of actions and the audit log keep it
        assertThat(projects.openTaskKeys(code)).containsExactly(Tasks.FINANCE_REVIEW);
        assertThat(processValue(code, Vars.DECISION)).isNull();
    }

    private String finishedTask(String code, String key) {
        List<HistoricTaskInstance> done = history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(code)
                .taskDefinitionKey(key).finished().list();
        assertThat(done).as(key + " of " + code).hasSize(1);
        return done.get(0).getId();
    }

    private Object processValue(String code, String name) {
        String instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();
        HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName(name).includeDeleted().list().stream().filter(v -> v.getTaskId() == null).reduce((a, b) -> b).orElse(null);
        return variable == null ? null : variable.getValue();
    }

    private static List<String> names(List<HistoricVariableInstance> variables) {
        return variables.stream().map(HistoricVariableInstance::getName).toList();
    }

    private static List<String> updatedNames(List<HistoricDetail> details) {
        return details.stream().map(d -> ((HistoricVariableUpdate) d).getVariableName()).toList();
    }
}

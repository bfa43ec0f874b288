package cn.shequ.project;

import static cn.shequ.support.ProjectScenario.AUTHOR;
import static cn.shequ.support.ProjectScenario.proposal;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10 finding 7: a milestone whose share of the amount rounds to 0.00 (0.01 yuan, milestones
 * 40/60) was accepted, and its disbursement job then failed for good, leaving the project stuck
 * IN_DELIVERY with an incident. Now refused wherever a report is written (create, update, the
 * prepare-proposal form), naming the rule and the milestone; and a project left stuck by an older
 * version is settled by an administrator, recorded in the audit chain, and goes on.
 */
@ShequIT
class ZeroMilestoneIT {

    static final String CITY = "F2026-CITY";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    ProjectScenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new ProjectScenario(http);
    }

    @Test
    void aReportWhoseMilestoneWouldPayNothingIsRefusedNamingTheRuleAndTheMilestone() {
        long projects = jdbc.queryForObject("SELECT COUNT(*) FROM project", Long.class);
        ResponseEntity<JsonNode> refused = scenario.as(AUTHOR).post("/api/projects", proposal("0.01", "ELDERLY_CARE", CITY, "SELF"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("error").asText()).isEqualTo("INVALID_INPUT");
        assertThat(refused.getBody().path("fields").path("milestones[0].percent").asText())
                .contains("0.00", "金额/里程碑", "至少 0.01 元");
        assertThat(refused.getBody().path("fields").has("milestones[1].percent")).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM project", Long.class)).isEqualTo(projects);

        // the edge: 0.02 split 40/60 pays 0.01 and 0.01, so it is accepted
        String code = scenario.draft(proposal("0.02", "ELDERLY_CARE", CITY, "SELF"));
        assertThat(scenario.project(code).path("milestones")).extracting(m -> m.path("amount").asText())
                .containsExactly("0.01", "0.01");

        // an update to 0.01 is refused the same way, and the report stays as it was
        ResponseEntity<JsonNode> update = scenario.as(AUTHOR).put("/api/projects/" + code, proposal("0.01", "ELDERLY_CARE", CITY, "SELF"));
        assertThat(update.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(update.getBody().path("fields").path("milestones[0].percent").asText()).contains("金额/里程碑");
        assertThat(scenario.project(code).path("amount").asText()).isEqualTo("0.02");

        // so is the prepare-proposal form (Tasklist's path) that edits the amount to 0.01
        ResponseEntity<JsonNode> form = scenario.attempt(AUTHOR, code, ServiceProjectProcess.Tasks.PREPARE_PROPOSAL,
                Map.of("amount", "0.01"));
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(form.getBody().path("fields").path("milestones[0].percent").asText()).contains("金额/里程碑");
        assertThat(scenario.status(code)).isEqualTo("DRAFT");
        assertThat(scenario.openTaskKeys(code)).contains(ServiceProjectProcess.Tasks.PREPARE_PROPOSAL);
    }

    @Test
    void aDraftLeftWithAZeroMilestoneByAnOlderVersionCannotBeSubmitted() {
        String code = scenario.draft(proposal("1000.00", "ELDERLY_CARE", CITY, "SELF"));
        makeItZeroPointZeroOne(code);
        ResponseEntity<JsonNode> submit = scenario.as(AUTHOR).post("/api/projects/" + code + "/submit", null);
        assertThat(submit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(submit.getBody().path("fields").path("milestones[0].percent").asText()).contains("金额/里程碑");
        assertThat(scenario.status(code)).isEqualTo("DRAFT");
    }

    @Test
    void anAdministratorSettlesAStuckZeroMilestoneAndTheProjectGoesOn() {
        // the state an older version left: 0.01 yuan with milestones 40/60 (0.00 and 0.01), reserved,
        // milestone 1 approved and its disbursement job failed until it became an incident
        String code = scenario.inReview(proposal("1000.00", "ELDERLY_CARE", CITY, "SELF"));
        makeItZeroPointZeroOne(code);
        scenario.approve(code);
        assertThat(scenario.project(code).path("reserved").asText()).isEqualTo("0.01");
        scenario.reportAndAccept(code, 1);
        scenario.complete("finance2", code, ServiceProjectProcess.Tasks.APPROVE_PAYMENT, Map.of("decision", "APPROVE"));
        String instance = jdbc.queryForObject("SELECT process_instance_id FROM project WHERE code = ?", String.class, code);
        Job failed = awaitFailedDisbursement(instance);
        management.setJobRetries(failed.getId(), 0); // what R3/PT5M comes to after 15 minutes
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isEqualTo(1);
        assertThat(scenario.status(code)).isEqualTo("IN_DELIVERY");
        String path = "/api/admin/projects/" + code + "/milestones/1/settle-zero";

        // only an administrator, only with a reason
        ResponseEntity<JsonNode> finance = scenario.as("finance1").post(path, Map.of("reason", "零元里程碑"));
        assertThat(finance.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> noReason = scenario.as("admin").post(path, Map.of("reason", " "));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().path("fields").has("reason")).isTrue();
        assertThat(milestoneStatus(code, 1)).isEqualTo("APPROVED");

        long auditBefore = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class);
        ResponseEntity<JsonNode> settled = scenario.as("admin").post(path, Map.of("reason", "旧版本接受的0.00元里程碑，无款可付"));
        assertThat(settled.getStatusCode()).as(String.valueOf(settled.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(settled.getBody().path("status").asText()).isEqualTo("PAID");
        assertThat(settled.getBody().path("amount").asText()).isEqualTo("0.00");
        assertThat(settled.getBody().path("jobRetried").asBoolean()).isTrue();

        // the incident is gone, the project waits for milestone 2's report, no ledger line for milestone 1
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
        assertThat(scenario.openTaskKeys(code)).contains(ServiceProjectProcess.Tasks.REPORT_MILESTONE);
        assertThat(scenario.ledger(CITY, code)).extracting(e -> e.path("type").asText()).containsExactly("RESERVE");
        Map<String, Object> entry = jdbc.queryForMap("SELECT actor, action, comment, details FROM audit_entry "
                + "WHERE subject_code = ? AND action = ?", code, ZeroMilestoneSettlement.ACTION);
        assertThat(entry.get("ACTOR")).isEqualTo("admin");
        assertThat(entry.get("COMMENT")).isEqualTo("旧版本接受的0.00元里程碑，无款可付");
        assertThat((String) entry.get("DETAILS")).contains("\"milestoneSeq\":1", "\"amount\":\"0.00\"");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class)).isGreaterThan(auditBefore);

        // a milestone that pays something is paid the ordinary way, not settled
        ResponseEntity<JsonNode> payable = scenario.as("admin").post("/api/admin/projects/" + code + "/milestones/2/settle-zero",
                Map.of("reason", "试图结清"));
        assertThat(payable.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(payable.getBody().path("error").asText()).isEqualTo("MILESTONE_PAYABLE");
        scenario.payMilestone(code, 2);
        assertThat(scenario.ledger(CITY, code)).extracting(e -> e.path("type").asText() + ":" + e.path("amount").asText())
                .containsExactly("RESERVE:0.01", "DISBURSE:0.01");
        // settling again is refused: it is paid
        assertThat(scenario.as("admin").post(path, Map.of("reason", "再次")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    /** What an older version stored for a report of 0.01 yuan with milestones 40/60. */
    private void makeItZeroPointZeroOne(String code) {
        jdbc.update("UPDATE project SET amount = 0.01 WHERE code = ?", code);
        jdbc.update("DELETE FROM budget_line WHERE project_code = ? AND seq > 1", code);
        jdbc.update("UPDATE budget_line SET amount = 0.01 WHERE project_code = ?", code);
        jdbc.update("UPDATE delivery_milestone SET amount = 0.00 WHERE subject_code = ? AND seq = 1", code);
        jdbc.update("UPDATE delivery_milestone SET amount = 0.01 WHERE subject_code = ? AND seq = 2", code);
    }

    private String milestoneStatus(String code, int seq) {
        return jdbc.queryForObject("SELECT status FROM delivery_milestone WHERE subject_code = ? AND seq = ?", String.class, code, seq);
    }

    private Job awaitFailedDisbursement(String instance) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            List<Job> failed = management.createJobQuery().processInstanceId(instance)
                    .activityId(ServiceProjectProcess.Elements.DISBURSE_PAYMENT).withException().list();
            if (!failed.isEmpty()) {
                return failed.get(0);
            }
            ProjectScenario.pause();
        }
        throw new AssertionError("the disbursement job of " + instance + " did not fail within 30 s");
    }
}

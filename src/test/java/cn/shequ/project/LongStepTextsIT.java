package cn.shequ.project;

import static cn.shequ.support.ProjectScenario.proposal;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.audit.AuditActions;
import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.support.Api;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import cn.shequ.task.StepHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The audit's findings and the committee's rectification at their longest (4,000 characters, the
 * forms' limit) are accepted and kept whole in the auditor's timeline; one character more is refused
 * naming the field, and nothing changes. Before V28 the record of actions held 2,000 characters, so a
 * valid text of 2,001 to 4,000 characters failed the step with an internal error. The rectification's
 * 备注 (at most 2,000 characters) is kept in the step's audit entry.
 */
@ShequIT
class LongStepTextsIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void findingsAndRectificationAtTheirLimitAreKeptWhole() {
        ProjectScenario scenario = new ProjectScenario(http);
        String code = scenario.inReview(proposal("8000.00", "ELDERLY_CARE", "F2026-CITY", "SELF"));
        scenario.approve(code);
        scenario.payMilestone(code, 1);
        scenario.payMilestone(code, 2);
        scenario.complete("committee1", code, Tasks.FINAL_ACCEPTANCE, Map.of("respondents", 40, "satisfied", 36,
                "scores", Map.of("budgetExecution", 9, "outputs", 45, "outcomes", 27, "satisfaction", 9)));
        assertThat(scenario.status(code)).isEqualTo("IN_AUDIT");

        String findings = "第二期佐证材料不全".repeat(StepHandler.TEXT_MAX / 9) + "缺".repeat(StepHandler.TEXT_MAX % 9);
        assertThat(findings).hasSize(StepHandler.TEXT_MAX);
        ResponseEntity<JsonNode> tooLong = scenario.attempt("auditor1", code, Tasks.AUDIT_REVIEW,
                Map.of("decision", "FINDINGS", "findings", findings + "缺"));
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLong.getBody().path("fields").path("findings").asText()).contains("审计发现").contains("4000");
        assertThat(scenario.status(code)).isEqualTo("IN_AUDIT");

        scenario.complete("auditor1", code, Tasks.AUDIT_REVIEW, Map.of("decision", "FINDINGS", "findings", findings));
        assertThat(scenario.status(code)).isEqualTo("RECTIFYING");

        String rectification = "已补充签到表和照片。".repeat(StepHandler.TEXT_MAX / 10);
        assertThat(rectification).hasSize(StepHandler.TEXT_MAX);
        ResponseEntity<JsonNode> noteTooLong = scenario.attempt("committee2", code, Tasks.RECTIFY,
                Map.of("rectification", rectification, "comment", "备".repeat(StepHandler.COMMENT_MAX + 1)));
        assertThat(noteTooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noteTooLong.getBody().path("fields").path("comment").asText()).contains("备注").contains("2000");
        assertThat(scenario.status(code)).isEqualTo("RECTIFYING");
        scenario.complete("committee2", code, Tasks.RECTIFY, Map.of("rectification", rectification, "comment", "已与街道办核对"));
        assertThat(scenario.openTaskKeys(code)).containsExactly(Tasks.AUDIT_REVIEW);

        List<JsonNode> timeline = ProjectScenario.stream(
                Api.as(http, "auditor1").get("/api/audit/projects/" + code + "/timeline").getBody()).toList();
        // the refused attempt is in the timeline too, with the refusal as its comment
        List<JsonNode> completed = timeline.stream().filter(e -> AuditActions.TASK_COMPLETED.equals(e.path("action").asText())).toList();
        JsonNode audit = completed.stream().filter(e -> Tasks.AUDIT_REVIEW.equals(e.path("taskKey").asText())).findFirst().orElseThrow();
        assertThat(audit.path("comment").asText()).isEqualTo(findings);
        JsonNode rectify = completed.stream().filter(e -> Tasks.RECTIFY.equals(e.path("taskKey").asText())).findFirst().orElseThrow();
        assertThat(rectify.path("comment").asText()).isEqualTo(rectification);
        assertThat(rectify.path("details").toString()).contains("已与街道办核对");
    }
}

package cn.shequ.project;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import cn.shequ.engine.ShequClock;
import cn.shequ.project.ServiceProjectProcess.Elements;
import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.support.Api;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The path the service-project model takes, asserted on the engine with camunda-bpm-assert:
 * the activities passed and not passed, and the escalation timer moved by the engine clock.
 */
@ShequIT
class ServiceProjectProcessIT {

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ShequClock clock;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aSmallProjectPassesTheStreetOfficeOnlyAndAnOverdueReviewIsEscalatedWithoutInterruptingIt() {
        clock.moveTo(OffsetDateTime.parse("2026-11-02T09:00:00+08:00").toInstant());
        String code = passedMeeting("50000.00");
        ProcessInstance instance = instance(code);
        assertThat(instance).isWaitingAt(Tasks.STREET_OFFICE_REVIEW)
                .hasPassed(Tasks.PREPARE_PROPOSAL, Tasks.RECORD_RESIDENT_MEETING, Elements.DECIDE_APPROVAL_AUTHORITY)
                .variables().containsEntry("streetOfficeReview", true).containsEntry("civilAffairsReview", false);

        // 10 working days after Monday 2026-11-02 is Monday 2026-11-16, due at the end of that day
        Job timer = jobQuery().processInstanceId(instance.getId()).timers().singleResult();
        org.assertj.core.api.Assertions.assertThat(timer.getDuedate().toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-11-16T23:59:59+08:00").toInstant());
        clock.moveTo(OffsetDateTime.parse("2026-11-17T09:00:00+08:00").toInstant());
        execute(timer);
        assertThat(instance).hasPassed(Elements.STREET_OFFICE_REVIEW_OVERDUE).isWaitingAt(Tasks.STREET_OFFICE_REVIEW);

        complete("street1", code, Tasks.STREET_OFFICE_REVIEW, Map.of("decision", "APPROVE"));
        assertThat(instance).isWaitingAt(Tasks.FINANCE_REVIEW).hasNotPassed(Tasks.CIVIL_AFFAIRS_REVIEW);
    }

    @Test
    void aLargerProjectGoesToCivilAffairsAndAReturnGoesBackToTheResidents() {
        String code = passedMeeting("50000.01");
        ProcessInstance instance = instance(code);
        complete("street2", code, Tasks.STREET_OFFICE_REVIEW, Map.of("decision", "APPROVE"));
        assertThat(instance).isWaitingAt(Tasks.CIVIL_AFFAIRS_REVIEW);
        complete("civil1", code, Tasks.CIVIL_AFFAIRS_REVIEW, Map.of("decision", "RETURN", "comment", "请补充服务对象名单"));
        assertThat(instance).isWaitingAt(Tasks.PREPARE_PROPOSAL).hasNotPassed(Tasks.FINANCE_REVIEW);
        Api.as(http, "committee1").post("/api/projects/" + code + "/submit", null);
        assertThat(instance).isWaitingAt(Tasks.RECORD_RESIDENT_MEETING);
    }

    @Test
    void residentsRejectingEndsTheProcessWithoutAnyReview() {
        Api committee1 = Api.as(http, "committee1");
        String code = committee1.post("/api/projects", ProjectScenario.proposal("9000.00", "SAFETY", "F2026-CITY", "SELF"))
                .getBody().path("code").asText();
        committee1.post("/api/projects/" + code + "/submit", null);
        ProcessInstance instance = instance(code);
        committee1.post("/api/projects/" + code + "/meetings", ProjectScenario.meeting(100, 60, 30));
        assertThat(instance).isEnded().hasPassed(Elements.ENDED_REJECTED_BY_RESIDENTS)
                .hasNotPassed(Elements.DECIDE_APPROVAL_AUTHORITY, Tasks.STREET_OFFICE_REVIEW);
    }

    private String passedMeeting(String amount) {
        Api committee1 = Api.as(http, "committee1");
        String code = committee1.post("/api/projects", ProjectScenario.proposal(amount, "SAFETY", "F2026-CITY", "SELF"))
                .getBody().path("code").asText();
        committee1.post("/api/projects/" + code + "/submit", null);
        committee1.post("/api/projects/" + code + "/meetings", ProjectScenario.meeting(100, 60, 31));
        return code;
    }

    private ProcessInstance instance(String code) {
        return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult();
    }

    private void complete(String user, String code, String key, Map<String, Object> fields) {
        String id = Api.as(http, user).get("/api/projects/" + code).getBody().path("openTasks").get(0).path("id").asText();
        org.assertj.core.api.Assertions.assertThat(Api.as(http, user).post("/api/tasks/" + id + "/complete", fields)
                .getStatusCode().value()).isEqualTo(200);
    }
}

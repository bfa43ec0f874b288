package cn.shequ.project;

import cn.shequ.engine.EngineJobs;
import cn.shequ.engine.EngineTasks;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.task.TaskCompletion;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A finished demo project (default profile): on a database with no project yet, the demo users
 * take one project from proposal to CLOSED through the same services and rules as everybody, so
 * that a newcomer finds its documents, ledger lines, disclosure and audit trail, and Tasklist.
 */
@Component
@ConditionalOnProperty(name = {"shequ.demo.enabled", "shequ.demo.finished-project"}, havingValue = "true")
class DemoProject implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoProject.class);

    private final ProjectService projects;
    private final EngineTasks tasks;
    private final TaskCompletion completion;
    private final CurrentUsers users;
    private final EngineJobs jobs;

    DemoProject(ProjectService projects, EngineTasks tasks, TaskCompletion completion, CurrentUsers users, EngineJobs jobs) {
        this.projects = projects;
        this.tasks = tasks;
        this.completion = completion;
        this.users = users;
        this.jobs = jobs;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!projects.search(null, null).isEmpty()) {
            return;
        }
        LocalDate today = projects.today();
        String code = users.actAs("committee1", user -> projects.create(new ProjectRequest("东湖社区长者助餐服务", "ELDERLY_CARE", "C001",
                "辖区80岁以上独居、空巢老人约120人", "为辖区高龄独居老人提供每日午餐配送、每周上门探访和健康提醒，由居委会组织志愿者实施。",
                new BigDecimal("30000.00"), "F2026-CITY", "SELF",
                List.of(new ProjectRequest.BudgetLineRequest("餐费补贴", new BigDecimal("18000.00")),
                        new ProjectRequest.BudgetLineRequest("配送与探访", new BigDecimal("12000.00"))),
                today, today.plusMonths(6),
                List.of(new ProjectRequest.MilestoneRequest("服务启动", 40), new ProjectRequest.MilestoneRequest("服务完成", 60))),
                user).code());
        complete("committee1", code, ServiceProjectProcess.Tasks.PREPARE_PROPOSAL, Map.of());
        complete("committee2", code, ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING, Map.of("kind", "RESIDENTS_MEETING",
                "mode", "HOUSEHOLD_REPS", "eligible", 120, "present", 73, "yes", 61, "no", 8, "abstain", 4,
                "heldOn", today.toString(), "minutes", "居民代表会议讨论长者助餐项目，表决通过。"));
        complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, Map.of("decision", "APPROVE", "comment", "同意实施。"));
        complete("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW, Map.of("decision", "APPROVE"));
        for (String milestone : List.of("服务启动", "服务完成")) {
            complete("committee1", code, ServiceProjectProcess.Tasks.REPORT_MILESTONE,
                    Map.of("summary", milestone + "：按计划完成送餐与探访", "evidence", "送餐签收表、探访记录、照片"));
            complete("committee2", code, ServiceProjectProcess.Tasks.ACCEPT_MILESTONE,
                    Map.of("decision", "APPROVE", "comment", "服务对象代表参与验收，合格。", "servedParticipants", 12));
            complete("finance2", code, ServiceProjectProcess.Tasks.APPROVE_PAYMENT, Map.of("decision", "APPROVE"));
            jobs.runDue(projects.find(code).orElseThrow().processInstanceId());
        }
        complete("committee1", code, ServiceProjectProcess.Tasks.FINAL_ACCEPTANCE, Map.of("respondents", 40, "satisfied", 37,
                "budgetExecution", 9, "outputs", 46, "outcomes", 27, "satisfaction", 9));
        complete("auditor1", code, ServiceProjectProcess.Tasks.AUDIT_REVIEW, Map.of("decision", "CLEAN"));
        log.info("Demo project {} taken from proposal to {}", code, projects.find(code).orElseThrow().status());
    }

    private void complete(String userId, String code, String taskKey, Map<String, Object> fields) {
        users.actAs(userId, user -> {
            Project project = projects.find(code).orElseThrow();
            String taskId = tasks.openTasks(project.processInstanceId(), taskKey).get(0).id();
            return completion.complete(taskId, user, new java.util.HashMap<>(fields));
        });
    }
}

package cn.shequ.task;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.project.ServiceProjectProcess;
import cn.shequ.support.Api;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** GET /api/tasks pages through the caller's work, oldest first, and refuses a page size it does not serve. */
@ShequIT
class TaskListIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void pagesDoNotOverlapAndFollowTheOrderOfCreation() {
        Api committee1 = Api.as(http, "committee1");
        for (int i = 0; i < 3; i++) {
            committee1.post("/api/projects", ProjectScenario.proposal("1000.00", "VOLUNTEER", "F2026-CITY", "SELF"));
        }
        JsonNode everything = committee1.get("/api/tasks?first=0&max=200").getBody();
        List<String> all = ids(everything);
        assertThat(all.size()).isGreaterThanOrEqualTo(3);
        JsonNode first = committee1.get("/api/tasks?first=0&max=2").getBody();
        JsonNode second = committee1.get("/api/tasks?first=2&max=2").getBody();
        List<String> paged = new ArrayList<>(ids(first));
        paged.addAll(ids(second));
        assertThat(paged).as("all %s%npage 1 %s%npage 2 %s%nnow %s%nhistory %s", everything, first, second,
                        committee1.get("/api/tasks?first=0&max=200").getBody(), history(all))
                .hasSize(Math.min(4, all.size())).doesNotHaveDuplicates().isEqualTo(all.subList(0, paged.size()));
    }

    @Test
    void aProjectTheCommitteeDeliversShowsItsMilestoneReportToTheCommitteeAndToNoProvider() {
        ProjectScenario scenario = new ProjectScenario(http);
        String code = scenario.inReview(ProjectScenario.proposal("2000.00", "VOLUNTEER", "F2026-CITY", "SELF"));
        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, java.util.Map.of("decision", "APPROVE", "comment", "同意"));
        scenario.complete("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW, java.util.Map.of("decision", "APPROVE"));
        assertThat(scenario.task("committee1", code, ServiceProjectProcess.Tasks.REPORT_MILESTONE)).isPresent();
        assertThat(scenario.task("provider1", code, ServiceProjectProcess.Tasks.REPORT_MILESTONE)).isEmpty();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aTaskOfferedToTwoGroupsAndClaimedIsListedOnceAndCountsOnceForPaging() {
        Api committee1 = Api.as(http, "committee1");
        committee1.post("/api/projects", ProjectScenario.proposal("1000.00", "VOLUNTEER", "F2026-CITY", "SELF"));
        String task = "dup-" + java.util.UUID.randomUUID();
        java.time.LocalDateTime early = java.time.LocalDateTime.of(2020, 1, 1, 9, 0);
        for (String group : new String[] {"committee", "provider"}) {
            jdbc.update("INSERT INTO work_item (task_id, candidate_group, task_key, name, subject_code, community_code, assignee, "
                    + "created, due, escalated) VALUES (?, ?, 'report-milestone', '报告里程碑完成情况', 'SP-2020-9999', 'C001', "
                    + "'committee1', ?, NULL, FALSE)", task, group, early);
        }
        try {
            List<String> all = ids(committee1.get("/api/tasks").getBody());
            assertThat(all.stream().filter(task::equals)).hasSize(1);
            assertThat(ids(committee1.get("/api/tasks?first=0&max=1").getBody())).containsExactly(task);
            assertThat(ids(committee1.get("/api/tasks?first=1&max=1").getBody())).containsExactly(all.get(1));
        } finally {
            jdbc.update("DELETE FROM work_item WHERE task_id = ?", task);
        }
    }

    @Autowired
    WorkItems workItems;

    @Autowired
    cn.shequ.identity.CurrentUsers users;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    /**
     * Pages read one after another on one connection, each longer than the last (GET /api/tasks reads first + max
     * rows): each is the start of the whole list. H2 2.3 keeps a parenthesised branch's result for the same
     * parameters without its LIMIT, so a branch limited by a parameter answered the second page with the first's rows.
     */
    @Test
    void longerPagesOnOneConnectionAreNotAnsweredFromAShorterOne() {
        Api committee1 = Api.as(http, "committee1");
        for (int i = 0; i < 3; i++) {
            committee1.post("/api/projects", ProjectScenario.proposal("1000.00", "VOLUNTEER", "F2026-CITY", "SELF"));
        }
        List<List<String>> pages = new org.springframework.transaction.support.TransactionTemplate(transactions).execute(
                status -> users.actAs("committee1", user -> {
                    List<List<String>> read = new ArrayList<>();
                    for (int limit : new int[] {1, 2, 3, 200}) {
                        read.add(workItems.forUser(user.userId(), user.groups(), user.communityCode(),
                                cn.shequ.identity.Groups.COMMITTEE, limit).stream().map(WorkItem::taskId).toList());
                    }
                    return read;
                }));
        List<String> all = pages.get(3);
        assertThat(all.size()).isGreaterThanOrEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(pages.get(i)).as("the first %d of %s", i + 1, all).isEqualTo(all.subList(0, i + 1));
        }
    }

    @Test
    void aPageSizeOutsideOneTo200IsRefusedNamingTheParameter() {
        Api finance1 = Api.as(http, "finance1");
        assertThat(finance1.get("/api/tasks?max=0").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(finance1.get("/api/tasks?max=201").getBody().path("fields").has("max")).isTrue();
        assertThat(finance1.get("/api/tasks?first=-1").getBody().path("fields").has("first")).isTrue();
    }

    /** What the engine's history says of these tasks, to explain a page that misses one. */
    private List<java.util.Map<String, Object>> history(List<String> taskIds) {
        return taskIds.stream().flatMap(id -> jdbc.queryForList("SELECT t.ID_, t.TASK_DEF_KEY_, t.ASSIGNEE_, t.END_TIME_, "
                + "t.DELETE_REASON_, p.BUSINESS_KEY_, p.END_TIME_ AS INSTANCE_END, p.DELETE_REASON_ AS INSTANCE_DELETE "
                + "FROM ACT_HI_TASKINST t JOIN ACT_HI_PROCINST p ON p.ID_ = t.PROC_INST_ID_ WHERE t.ID_ = ?", id).stream()
                .map(row -> {
                    java.util.Map<String, Object> with = new java.util.LinkedHashMap<>(row);
                    with.put("audit", jdbc.queryForList("SELECT action, actor FROM audit_entry WHERE subject_code = ? ORDER BY seq",
                            row.get("BUSINESS_KEY_")));
                    with.put("workItems", jdbc.queryForList("SELECT candidate_group, assignee, community_code FROM work_item "
                            + "WHERE task_id = ?", id));
                    return with;
                }))
                .toList();
    }

    private static List<String> ids(JsonNode tasks) {
        List<String> ids = new ArrayList<>();
        tasks.forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }
}

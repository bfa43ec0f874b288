package cn.shequ.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shequ.support.DatabaseLegCondition;
import cn.shequ.support.ScratchDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.dao.DataAccessException;

/**
 * V29 (ADR 0059) moves each open task's guard from task_guard onto its rows in the task index. This test
 * migrates an empty database to V28, indexes three open tasks (one offered to two groups, one assigned only,
 * one created before guards existed) with their guards, migrates to V29 and checks that every row of every
 * task carries its task's guard and nothing else changed, and that task_guard is gone. On H2 and MariaDB.
 */
@ExtendWith(DatabaseLegCondition.class)
class TaskGuardMigrationIT {

    static final String GUARD_A = "{\"author\":\"committee1\",\"milestoneSeq\":\"1\"}";
    static final String GUARD_B = "{\"author\":\"committee2\",\"deliveryMode\":\"PURCHASE\"}";

    ScratchDatabase database;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        database = new ScratchDatabase("v29");
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void everyOpenTasksGuardIsOnEachOfItsIndexRows() {
        database.flyway("28").migrate();
        index("task-a", "street");
        index("task-a", "civil");
        index("task-b", "");
        index("task-old", "finance");
        database.jdbc.update("INSERT INTO task_guard (task_id, variables) VALUES (?, ?)", "task-a", GUARD_A);
        database.jdbc.update("INSERT INTO task_guard (task_id, variables) VALUES (?, ?)", "task-b", GUARD_B);

        database.flyway("29").migrate();

        List<Map<String, Object>> rows = database.jdbc.queryForList(
                "SELECT task_id, candidate_group, task_key, guard FROM work_item ORDER BY task_id, candidate_group");
        assertThat(rows).extracting(r -> r.get("task_id") + "/" + r.get("candidate_group") + "/" + r.get("task_key") + "/" + r.get("guard"))
                .containsExactly("task-a/civil/street-office-review/" + GUARD_A, "task-a/street/street-office-review/" + GUARD_A,
                        "task-b//street-office-review/" + GUARD_B, "task-old/finance/street-office-review/null");
        assertThatThrownBy(() -> database.jdbc.queryForObject("SELECT COUNT(*) FROM task_guard", Long.class))
                .isInstanceOf(DataAccessException.class);
    }

    private void index(String taskId, String group) {
        database.jdbc.update("INSERT INTO work_item (task_id, candidate_group, task_key, name, subject_code, community_code, "
                + "assignee, created, due, escalated) VALUES (?, ?, 'street-office-review', '街道审核', 'SP-2026-0001', 'C001', "
                + "NULL, TIMESTAMP '2026-06-01 09:00:00', NULL, FALSE)", taskId, group);
    }
}

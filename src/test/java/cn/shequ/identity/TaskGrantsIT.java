package cn.shequ.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.support.ShequIT;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * An outsider (provider, evaluation expert) sees in the engine's task queries (Tasklist's lists) the tasks
 * assigned to them and no other; a task assigned to one of them on a database from before the engine
 * wrote their rows becomes theirs at the next start-up; a task given to someone else is no longer theirs.
 */
@ShequIT
class TaskGrantsIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

    @Autowired
    AccessPolicy access;

    @Test
    void anOutsidersTaskIsTheirsAloneAndATaskFromBeforeTheirRowsExistedBecomesTheirsAtStartUp() {
        TaskService tasks = engine.getTaskService();
        AuthorizationService authorizations = engine.getAuthorizationService();
        Task task = tasks.newTask();
        task.setName("升级前已指派的评分任务");
        task.setAssignee("expert7");
        tasks.saveTask(task);
        String id = task.getId();
        try {
            assertThat(sees("expert7", id)).isTrue();
            assertThat(sees("expert6", id)).isFalse();
            assertThat(sees("provider1", id)).isFalse();

            // as on a database of the previous version: the task has no row of its own
            authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(id).list()
                    .forEach(row -> authorizations.deleteAuthorization(row.getId()));
            assertThat(sees("expert7", id)).isFalse();

            access.apply();
            assertThat(sees("expert7", id)).isTrue();
            assertThat(sees("expert6", id)).isFalse();
            access.apply();
            assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(id).count())
                    .as("applied twice, one row").isEqualTo(1);

            // an administrator gives the task to another expert: the first one no longer sees it
            tasks.setAssignee(id, "expert6");
            assertThat(sees("expert6", id)).isTrue();
            assertThat(sees("expert7", id)).isFalse();
        } finally {
            tasks.deleteTask(id, true);
        }
    }

    /** Whether the engine's task query as {@code user} finds the task, as Tasklist's lists query it. */
    private boolean sees(String user, String taskId) {
        IdentityService identity = engine.getIdentityService();
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identity.setAuthentication(user, groups);
        try {
            return engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0;
        } finally {
            identity.clearAuthentication();
        }
    }
}

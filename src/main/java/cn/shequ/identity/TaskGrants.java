package cn.shequ.identity;

import java.util.Set;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Which tasks the engine lets a user see and work (Tasklist, /engine-rest).
 *
 * <p>Officials hold grants per group and process definition ({@link AccessPolicy}); the engine writes
 * no authorization row per task for them: with 100,000 open tasks those rows made the engine's task
 * query take 84 s a page on MariaDB, and Shequ's task list reads its own index.
 *
 * <p>Outsiders, providers and evaluation experts, hold no grant on a process definition: it would
 * show each of them every task of every purchase, so that a bidder would learn who sits on the
 * evaluation committee before the result (条例 art. 40) and a member who the other members are. The
 * engine writes one row for each task assigned to one of them, letting them read it and claim and
 * complete it (TASK_WORK), not change it; those are their own tasks, a few per purchase.
 */
@Component
public class TaskGrants extends AbstractProcessEnginePlugin {

    /** Groups whose members see only the tasks assigned to them. */
    static final Set<String> OUTSIDERS = Set.of(Groups.PROVIDER, Groups.EVALUATION_EXPERT);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.name());
        configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider() {
            @Override
            public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
                if (oldAssignee != null && !oldAssignee.equals(newAssignee) && isOutsider(oldAssignee)) {
                    // reassigned (by an administrator): the outsider it was for no longer sees or works it
                    Context.getCommandContext().getAuthorizationManager()
                            .deleteAuthorizationsByResourceIdAndUserId(Resources.TASK, task.getId(), oldAssignee);
                }
                return newAssignee != null && isOutsider(newAssignee) ? super.newTaskAssignee(task, oldAssignee, newAssignee) : null;
            }

            @Override
            public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
                return null;
            }

            @Override
            public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
                return null;
            }

            @Override
            public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
                return null;
            }

            @Override
            public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
                return null;
            }

            @Override
            public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
                return null;
            }
        });
    }

    private static boolean isOutsider(String userId) {
        CommandContext context = Context.getCommandContext();
        Authentication caller = context.getAuthentication();
        if (caller != null && userId.equals(caller.getUserId()) && caller.getGroupIds() != null) {
            // a claim (every completion of an unassigned task): the caller's groups are known without a query
            return caller.getGroupIds().stream().anyMatch(OUTSIDERS::contains);
        }
        return context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider().createGroupQuery()
                .groupMember(userId).groupIdIn(OUTSIDERS.toArray(String[]::new)).count() > 0);
    }
}

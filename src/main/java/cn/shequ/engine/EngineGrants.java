package cn.shequ.engine;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Grants in the engine's authorization service. Shequ grants officials per group and per process
 * definition, never per task: per-task rows for everyone make the engine's task query unusably slow
 * (84 s a page measured with 100,000 open tasks on MariaDB). Only outsiders' own tasks have rows of
 * their own (cn.shequ.identity.TaskGrants).
 */
@Component
public class EngineGrants {

    private final AuthorizationService authorizations;
    private final IdentityService identity;
    private final TaskService tasks;

    public EngineGrants(ProcessEngine engine) {
        this.authorizations = engine.getAuthorizationService();
        this.identity = engine.getIdentityService();
        this.tasks = engine.getTaskService();
    }

    /** Grants {@code permissions} on {@code resource}/{@code resourceId} to a group; idempotent. */
    public void grantGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization grant = grantOf(groupId, resource, resourceId);
        if (grant == null) {
            grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(groupId);
        }
        save(grant, resource, resourceId, permissions);
    }

    /**
     * Gives each member of {@code groups} a grant of {@code permissions} on every open task assigned to
     * them that they hold none on yet (tasks assigned before the engine wrote such rows); idempotent.
     * Three queries, whatever the number of users and tasks, and a write per task that lacks its row.
     */
    public void grantAssigneesTheirOpenTasks(Collection<String> groups, Permission... permissions) {
        String[] members = groups.stream()
                .flatMap(group -> identity.createUserQuery().memberOfGroup(group).list().stream())
                .map(User::getId).distinct().toArray(String[]::new);
        if (members.length == 0) {
            return;
        }
        Set<String> granted = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(Resources.TASK).userIdIn(members).list().stream()
                .map(grant -> grant.getUserId() + "/" + grant.getResourceId()).collect(Collectors.toSet());
        for (Task task : tasks.createTaskQuery().taskAssigneeIn(members).list()) {
            if (!granted.contains(task.getAssignee() + "/" + task.getId())) {
                Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                grant.setUserId(task.getAssignee());
                save(grant, Resources.TASK, task.getId(), permissions);
            }
        }
    }

    private void save(Authorization grant, Resource resource, String resourceId, Permission... permissions) {
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        boolean changed = grant.getId() == null;
        for (Permission permission : permissions) {
            if (!grant.isPermissionGranted(permission)) {
                grant.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(grant);
        }
    }

    /** Takes {@code permissions} on {@code resource}/{@code resourceId} back from a group, if it has them. */
    public void revokeGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization grant = grantOf(groupId, resource, resourceId);
        if (grant == null) {
            return;
        }
        boolean changed = false;
        for (Permission permission : permissions) {
            if (grant.isPermissionGranted(permission)) {
                grant.removePermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(grant);
        }
    }

    private Authorization grantOf(String groupId, Resource resource, String resourceId) {
        return authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
    }
}

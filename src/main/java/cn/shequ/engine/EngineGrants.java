package cn.shequ.engine;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;

/**
 * Group-level grants in the engine's authorization service. Shequ grants per group and per
 * process definition, never per task: per-task rows make the engine's task query unusably slow
 * (84 s a page measured with 100,000 open tasks on MariaDB).
 */
@Component
public class EngineGrants {

    private final AuthorizationService authorizations;

    public EngineGrants(ProcessEngine engine) {
        this.authorizations = engine.getAuthorizationService();
    }

    /** Grants {@code permissions} on {@code resource}/{@code resourceId} to a group; idempotent. */
    public void grantGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization grant = grantOf(groupId, resource, resourceId);
        if (grant == null) {
            grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(groupId);
            grant.setResource(resource);
            grant.setResourceId(resourceId);
        }
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

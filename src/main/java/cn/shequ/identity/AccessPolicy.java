package cn.shequ.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import cn.shequ.engine.EngineGrants;
import java.util.List;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * The engine authorizations of each group, granted per group (never per task) at every start;
 * granting is idempotent. Business groups may open Tasklist, see the shared filters, users and
 * groups; auditors read every definition, instance and history; admins may do everything in
 * the engine (and no business decision in Shequ's API). What each group may do on a process's
 * definition comes from the module of that process ({@link ProcessGrants}).
 */
@Component
class AccessPolicy {

    private final EngineGrants grants;
    private final List<ProcessGrants> processes;

    AccessPolicy(EngineGrants grants, List<ProcessGrants> processes) {
        this.grants = grants;
        this.processes = processes;
    }

    /**
     * Business groups read the shared filters only (我的待办, 本组待办): not the administrators' 全部任务, which the
     * engine doors would refuse to list for them anyway (Tasklist then showed a filter that answers an error).
     * A grant of every filter from an earlier version is taken back.
     */
    void shareFilters(java.util.Set<String> sharedFilterIds) {
        for (String group : Groups.BUSINESS.keySet()) {
            grants.revokeGroup(group, Resources.FILTER, ANY, Permissions.READ);
            for (String filter : sharedFilterIds) {
                grants.grantGroup(group, Resources.FILTER, filter, Permissions.READ);
            }
        }
    }

    void apply() {
        for (String admin : new String[] {Groups.ADMIN, Groups.CAMUNDA_ADMIN}) {
            for (Resources resource : Resources.values()) {
                grants.grantGroup(admin, resource, ANY, Permissions.ALL);
            }
        }
        for (String group : Groups.BUSINESS.keySet()) {
            grants.grantGroup(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grants.grantGroup(group, Resources.USER, ANY, Permissions.READ);
            grants.grantGroup(group, Resources.GROUP, ANY, Permissions.READ);
            grants.grantGroup(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        }
        // Tasks are worked in Tasklist and through /engine-rest as much as through the API: which task a user may
        // complete (community, jurisdiction, segregation of duties, the process's own variables) is checked by
        // the process itself. Nobody starts, changes or moves an instance there: Shequ's services do that on
        // Shequ's behalf after their own checks (EngineProcesses), so a purchase cannot start without its
        // reservation, nor an instance skip its approvals by a modification. Nor does anybody write task variables
        // or reassign tasks there (TASK_WORK claims and completes): that would let anyone alter or take any open task.
        // Each process's module says so for its definition (ProcessGrants.noInstanceControl).
        for (String group : Groups.BUSINESS.keySet()) {
            grants.revokeGroup(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        }
        // tasks assigned to a provider or an expert before TaskGrants wrote rows for them: theirs too
        grants.grantAssigneesTheirOpenTasks(TaskGrants.OUTSIDERS, Permissions.READ, Permissions.TASK_WORK);
        // who works on which process: service-project (project), purchase-of-service (procurement),
        // provider-certification (provider), annual-report (reports)
        processes.forEach(process -> process.apply(grants));
        // Cockpit and Admin are for administrators only (docs/engine-doors.md): auditors read in their workspace (/audit)
        grants.revokeGroup(Groups.AUDITOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grants.grantGroup(Groups.AUDITOR, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
        grants.grantGroup(Groups.AUDITOR, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grants.grantGroup(Groups.AUDITOR, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
        grants.grantGroup(Groups.AUDITOR, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
        grants.grantGroup(Groups.AUDITOR, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grants.grantGroup(Groups.AUDITOR, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }
}

package cn.shequ.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import cn.shequ.engine.EngineGrants;
import cn.shequ.procurement.PurchaseProcess;
import cn.shequ.project.ServiceProjectProcess;
import cn.shequ.provider.ProviderCertificationProcess;
import cn.shequ.rules.Decisions;
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
 * the engine (and no business decision in Shequ's API).
 */
@Component
class AccessPolicy {

    private static final String SERVICE_PROJECT = ServiceProjectProcess.PROCESS_ID;
    private static final String PURCHASE = PurchaseProcess.PROCESS_ID;
    private static final String PROVIDER_CERTIFICATION = ProviderCertificationProcess.PROCESS_ID;

    private final EngineGrants grants;

    AccessPolicy(EngineGrants grants) {
        this.grants = grants;
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
        revokeInstanceControl(grants);
        revokeOutsidersDefinitionGrants(grants);
        // tasks assigned to a provider or an expert before TaskGrants wrote rows for them: theirs too
        grants.grantAssigneesTheirOpenTasks(TaskGrants.OUTSIDERS, Permissions.READ, Permissions.TASK_WORK);
        for (String group : new String[] {Groups.COMMITTEE, Groups.STREET_OFFICE, Groups.CIVIL_AFFAIRS, Groups.FINANCE,
                Groups.AUDITOR}) {
            grants.grantGroup(group, Resources.PROCESS_DEFINITION, SERVICE_PROJECT, Permissions.READ,
                    ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK_VARIABLE);
        }
        // purchase-of-service: purchasers (102号令 arts. 5–6), finance and auditors; providers and evaluation experts
        // see and work only the tasks assigned to them (TaskGrants)
        for (String group : new String[] {Groups.STREET_OFFICE, Groups.CIVIL_AFFAIRS, Groups.FINANCE, Groups.AUDITOR}) {
            grants.grantGroup(group, Resources.PROCESS_DEFINITION, PURCHASE, Permissions.READ,
                    ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK_VARIABLE);
        }
        for (String purchaser : new String[] {Groups.STREET_OFFICE, Groups.CIVIL_AFFAIRS}) {
            // the method is decided when the purchaser states the requirement, before the process starts
            grants.grantGroup(purchaser, Resources.DECISION_DEFINITION, Decisions.ProcurementMethod.ID, Permissions.CREATE_INSTANCE);
        }
        // provider-certification: civil affairs works on certify-provider (in Tasklist too); registering
        // (POST /api/providers) starts it.
        grants.grantGroup(Groups.CIVIL_AFFAIRS, Resources.PROCESS_DEFINITION, PROVIDER_CERTIFICATION, Permissions.READ,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK_VARIABLE);
        // annual-report (issue 14): civil affairs writes, approves and submits its report (in Tasklist too); Shequ's
        // start-of-year timer starts it
        grants.grantGroup(Groups.CIVIL_AFFAIRS, Resources.PROCESS_DEFINITION, cn.shequ.reports.AnnualReportProcess.PROCESS_ID,
                Permissions.READ, ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK_VARIABLE);
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

    /**
     * Grants of earlier versions that showed providers and evaluation experts every task and instance of
     * the processes they take part in: taken back (they see their own tasks through {@link TaskGrants}).
     */
    private static void revokeOutsidersDefinitionGrants(EngineGrants grants) {
        for (String outsider : TaskGrants.OUTSIDERS) {
            for (String process : new String[] {SERVICE_PROJECT, PURCHASE}) {
                grants.revokeGroup(outsider, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ_TASK,
                        ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.READ_INSTANCE,
                        ProcessDefinitionPermissions.READ_TASK_VARIABLE);
            }
        }
    }

    /** Grants of earlier versions that let a user start or change instances or tasks through /engine-rest: taken back. */
    private static void revokeInstanceControl(EngineGrants grants) {
        for (String group : Groups.BUSINESS.keySet()) {
            for (String process : new String[] {SERVICE_PROJECT, PURCHASE, PROVIDER_CERTIFICATION}) {
                grants.revokeGroup(group, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.CREATE_INSTANCE,
                        ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.UPDATE_TASK_VARIABLE,
                        ProcessDefinitionPermissions.TASK_ASSIGN);
            }
            grants.revokeGroup(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        }
    }
}

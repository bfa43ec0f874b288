package cn.shequ.identity;

import cn.shequ.engine.EngineGrants;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * The engine grants on one process's definition, contributed as a bean by the module that owns the
 * process (identity knows the groups, not the processes: ADR 0047). {@link AccessPolicy} applies
 * every contribution at each start, after the grants that hold for every process; applying is
 * idempotent.
 */
public interface ProcessGrants {

    /** Takes back what earlier versions granted on the process and grants what holds now. */
    void apply(EngineGrants grants);

    /** These groups read and work the tasks and instances of the process (in Tasklist too). */
    static void workOn(EngineGrants grants, String processId, String... groups) {
        for (String group : groups) {
            grants.grantGroup(group, Resources.PROCESS_DEFINITION, processId, Permissions.READ,
                    ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK_VARIABLE);
        }
    }

    /**
     * Nobody starts, changes or moves an instance of the process, writes its task variables or reassigns its
     * tasks through the engine's own doors: Shequ's services do that after their own checks (EngineProcesses).
     * Grants of earlier versions that allowed it are taken back from every business group.
     */
    static void noInstanceControl(EngineGrants grants, String processId) {
        for (String group : Groups.BUSINESS.keySet()) {
            grants.revokeGroup(group, Resources.PROCESS_DEFINITION, processId, ProcessDefinitionPermissions.CREATE_INSTANCE,
                    ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.UPDATE_TASK_VARIABLE,
                    ProcessDefinitionPermissions.TASK_ASSIGN);
        }
    }

    /**
     * Providers and evaluation experts see and work only the tasks assigned to them ({@link TaskGrants}): grants
     * of earlier versions that showed them every task and instance of the process are taken back.
     */
    static void outsidersOnlyTheirOwnTasks(EngineGrants grants, String processId) {
        for (String outsider : TaskGrants.OUTSIDERS) {
            grants.revokeGroup(outsider, Resources.PROCESS_DEFINITION, processId, ProcessDefinitionPermissions.READ_TASK,
                    ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_TASK_VARIABLE);
        }
    }
}

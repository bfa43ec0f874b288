package cn.shequ.procurement;

import cn.shequ.engine.EngineGrants;
import cn.shequ.identity.Groups;
import cn.shequ.identity.ProcessGrants;
import cn.shequ.rules.Decisions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Who works on purchase-of-service in the engine: purchasers (102号令 arts. 5–6), finance and auditors;
 * providers and evaluation experts see and work only the tasks assigned to them (TaskGrants).
 */
@Component
class PurchaseGrants implements ProcessGrants {

    @Override
    public void apply(EngineGrants grants) {
        ProcessGrants.noInstanceControl(grants, PurchaseProcess.PROCESS_ID);
        ProcessGrants.outsidersOnlyTheirOwnTasks(grants, PurchaseProcess.PROCESS_ID);
        ProcessGrants.workOn(grants, PurchaseProcess.PROCESS_ID, Groups.STREET_OFFICE, Groups.CIVIL_AFFAIRS,
                Groups.FINANCE, Groups.AUDITOR);
        for (String purchaser : new String[] {Groups.STREET_OFFICE, Groups.CIVIL_AFFAIRS}) {
            // the method is decided when the purchaser states the requirement, before the process starts
            grants.grantGroup(purchaser, Resources.DECISION_DEFINITION, Decisions.ProcurementMethod.ID, Permissions.CREATE_INSTANCE);
        }
    }
}

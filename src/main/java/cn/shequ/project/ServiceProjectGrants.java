package cn.shequ.project;

import cn.shequ.engine.EngineGrants;
import cn.shequ.identity.Groups;
import cn.shequ.identity.ProcessGrants;
import org.springframework.stereotype.Component;

/** Who works on service-project in the engine: the officials of DESIGN.md; providers and experts only their own tasks. */
@Component
class ServiceProjectGrants implements ProcessGrants {

    @Override
    public void apply(EngineGrants grants) {
        ProcessGrants.noInstanceControl(grants, ServiceProjectProcess.PROCESS_ID);
        ProcessGrants.outsidersOnlyTheirOwnTasks(grants, ServiceProjectProcess.PROCESS_ID);
        ProcessGrants.workOn(grants, ServiceProjectProcess.PROCESS_ID, Groups.COMMITTEE, Groups.STREET_OFFICE,
                Groups.CIVIL_AFFAIRS, Groups.FINANCE, Groups.AUDITOR);
    }
}

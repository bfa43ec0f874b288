package cn.shequ.reports;

import cn.shequ.engine.EngineGrants;
import cn.shequ.identity.Groups;
import cn.shequ.identity.ProcessGrants;
import org.springframework.stereotype.Component;

/**
 * Who works on annual-report in the engine (issue 14): civil affairs writes, approves and submits its
 * report (in Tasklist too); Shequ's start-of-year timer starts it.
 */
@Component
class AnnualReportGrants implements ProcessGrants {

    @Override
    public void apply(EngineGrants grants) {
        ProcessGrants.workOn(grants, AnnualReportProcess.PROCESS_ID, Groups.CIVIL_AFFAIRS);
    }
}

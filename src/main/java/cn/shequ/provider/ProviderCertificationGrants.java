package cn.shequ.provider;

import cn.shequ.engine.EngineGrants;
import cn.shequ.identity.Groups;
import cn.shequ.identity.ProcessGrants;
import org.springframework.stereotype.Component;

/**
 * Who works on provider-certification in the engine: civil affairs certifies (in Tasklist too);
 * registering (POST /api/providers) starts it.
 */
@Component
class ProviderCertificationGrants implements ProcessGrants {

    @Override
    public void apply(EngineGrants grants) {
        ProcessGrants.noInstanceControl(grants, ProviderCertificationProcess.PROCESS_ID);
        ProcessGrants.workOn(grants, ProviderCertificationProcess.PROCESS_ID, Groups.CIVIL_AFFAIRS);
    }
}

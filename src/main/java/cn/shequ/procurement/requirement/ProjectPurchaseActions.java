package cn.shequ.procurement.requirement;

import cn.shequ.procurement.ProcurementMapper;
import cn.shequ.project.PurchaseActions;
import java.util.List;
import org.springframework.stereotype.Component;

/** The steps of the purchases a service project called, from the procurements' own record of actions. */
@Component
class ProjectPurchaseActions implements PurchaseActions {

    private final ProcurementMapper procurements;

    ProjectPurchaseActions(ProcurementMapper procurements) {
        this.procurements = procurements;
    }

    @Override
    public List<String> taskKeysDoneBy(String projectCode, String actor) {
        return procurements.taskKeysDoneForProject(projectCode, actor);
    }
}

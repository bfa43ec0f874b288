package cn.shequ.project;

import cn.shequ.identity.Groups;
import cn.shequ.project.ServiceProjectProcess.Tasks;
import org.springframework.stereotype.Component;

/**
 * civil-affairs-review: the district's civil affairs bureau reviews a proposal above the street office's
 * authority (a {@link ReviewStep}; the DMN approval-authority table decides when it is needed).
 */
@Component
class CivilAffairsReviewStep extends ReviewStep {

    CivilAffairsReviewStep(ProjectDocuments documents) {
        super(documents);
    }

    @Override
    public String taskKey() {
        return Tasks.CIVIL_AFFAIRS_REVIEW;
    }

    @Override
    public String group() {
        return Groups.CIVIL_AFFAIRS;
    }
}

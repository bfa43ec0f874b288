package cn.shequ.project;

import cn.shequ.identity.Groups;
import cn.shequ.project.ServiceProjectProcess.Tasks;
import org.springframework.stereotype.Component;

/**
 * street-office-review: the street office of the project's community reviews the proposal (a
 * {@link ReviewStep}); only the street office of the community's own street.
 */
@Component
class StreetOfficeReviewStep extends ReviewStep {

    StreetOfficeReviewStep(ProjectDocuments documents) {
        super(documents);
    }

    @Override
    public String taskKey() {
        return Tasks.STREET_OFFICE_REVIEW;
    }

    @Override
    public String group() {
        return Groups.STREET_OFFICE;
    }
}

package cn.shequ.project;

import cn.shequ.fund.FundLedger;
import cn.shequ.identity.Groups;
import cn.shequ.project.ServiceProjectProcess.Tasks;
import org.springframework.stereotype.Component;

/**
 * finance-review: finance reviews the proposal (a {@link ReviewStep}); an approval reserves the project's
 * amount on its fund (refused when the fund cannot bear it), records the project's money and publishes the
 * approval for the residents (disclosure).
 */
@Component
class FinanceReviewStep extends ReviewStep {

    private final FundLedger funds;
    private final ProjectMapper projects;
    private final Disclosures disclosures;

    FinanceReviewStep(ProjectDocuments documents, FundLedger funds, ProjectMapper projects, Disclosures disclosures) {
        super(documents);
        this.funds = funds;
        this.projects = projects;
        this.disclosures = disclosures;
    }

    @Override
    public String taskKey() {
        return Tasks.FINANCE_REVIEW;
    }

    @Override
    public String group() {
        return Groups.FINANCE;
    }

    @Override
    protected void approved(ProjectStep step) {
        Project project = step.project();
        funds.reserve(project.fundCode(), project.category(), project.amount(), step.code(), step.actor().userId());
        projects.setMoney(step.code(), project.amount(), project.disbursedAmount(), step.now());
        disclosures.publish(step.code(), Disclosures.APPROVED);
    }
}

package cn.shequ.procurement.contract;

import cn.shequ.delivery.MilestoneReport;
import cn.shequ.procurement.Procurement;
import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.procurement.PurchaseStep;
import cn.shequ.procurement.PurchaseStepHandler;
import cn.shequ.procurement.PurchaseTask;
import cn.shequ.procurement.bidding.BidMapper;
import cn.shequ.task.StepOutcome;
import cn.shequ.refusal.Refusal;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * report-contract-milestone: the winning bidder's user reports a milestone's work (summary and evidence),
 * and only for the provider that holds the contract (102号令 art. 26: the service is not passed on).
 */
@Component
class ReportContractMilestoneStep implements PurchaseStepHandler {

    private final ContractMapper contracts;
    private final BidMapper bids;

    ReportContractMilestoneStep(ContractMapper contracts, BidMapper bids) {
        this.contracts = contracts;
        this.bids = bids;
    }

    @Override
    public String taskKey() {
        return Tasks.REPORT_MILESTONE;
    }

    @Override
    public List<String> fields() {
        return MilestoneReport.FIELDS;
    }

    /** From the award, not from a process variable that a completion's variables could overwrite. */
    @Override
    public String assignee(Procurement p, PurchaseTask task) {
        return bids.bid(p.awardBidId()).orElseThrow().submittedBy();
    }

    @Override
    public StepOutcome complete(PurchaseStep step) {
        Contract c = contracts.ofProcurement(step.code()).orElseThrow();
        if (step.actor().organisationId() == null || step.actor().organisationId() != c.providerId()) {
            throw Refusal.forbidden("NOT_THE_PROVIDER", "只有合同的承接主体可以报告履约情况 / only the contracted provider reports");
        }
        MilestoneReport report = MilestoneReport.read(step.input(), TEXT_MAX, COMMENT_MAX);
        contracts.report(step.code(), step.milestoneSeq(), report.summary(), report.evidence(), step.actor().userId(),
                step.now());
        return StepOutcome.none();
    }
}

package cn.shequ.procurement;

import cn.shequ.document.SubjectReaders;
import cn.shequ.identity.CurrentUser;
import cn.shequ.procurement.bidding.BidMapper;
import cn.shequ.procurement.evaluation.Evaluation;
import cn.shequ.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * A purchase's documents (notices, award notice, contract, payment vouchers) are read by the
 * officials, its committee members and the providers that bid on it; a purchase nobody may read
 * otherwise is refused with 403.
 */
@Component
class ProcurementDocumentReaders implements SubjectReaders {

    private final ProcurementService procurements;
    private final Evaluation evaluation;
    private final BidMapper bids;

    ProcurementDocumentReaders(ProcurementService procurements, Evaluation evaluation, BidMapper bids) {
        this.procurements = procurements;
        this.evaluation = evaluation;
        this.bids = bids;
    }

    @Override
    public boolean owns(String subjectCode) {
        return subjectCode.startsWith(ProcurementCodes.PROCUREMENT + "-");
    }

    @Override
    public void requireReader(CurrentUser user, String subjectCode) {
        Procurement p = procurements.require(subjectCode);
        if (ProcurementViews.official(user) || evaluation.isMember(p.code(), user.userId())
                || user.organisationId() != null && bids.bidOf(p.code(), user.organisationId()).isPresent()) {
            return;
        }
        throw Refusal.forbidden("DOCUMENT_FORBIDDEN", "只有采购人、财政、审计、评审委员会成员和投标人可以查阅本采购的文件"
                + " / officials, committee members and bidders only");
    }
}

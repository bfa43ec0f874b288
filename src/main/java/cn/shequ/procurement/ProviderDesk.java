package cn.shequ.procurement;

import cn.shequ.calendar.WorkingDayCalendar;
import cn.shequ.fund.PaymentTerms;
import cn.shequ.identity.CurrentUser;
import cn.shequ.procurement.bidding.Bid;
import cn.shequ.procurement.bidding.BidMapper;
import cn.shequ.procurement.bidding.BidPeriods;
import cn.shequ.procurement.bidding.Bids;
import cn.shequ.procurement.challenge.Challenges;
import cn.shequ.procurement.contract.Contract;
import cn.shequ.procurement.contract.ContractMapper;
import cn.shequ.procurement.evaluation.Evaluation;
import cn.shequ.provider.Provider;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What the provider's and the evaluation expert's pages of the workbench read about purchases
 * (docs/provider-workbench.md). It adds no rule: the purchase as the reader may see it is
 * {@link ProcurementViews#view} (bids sealed until the deadline, the committee confidential until
 * the award notice), deadlines are those the services apply ({@link BidPeriods},
 * {@link ProcurementDeadlines}); what is done goes through {@link Bids}, {@link Challenges} and the
 * tasks, as through the API.
 */
@Service
public class ProviderDesk {

    /** A contract milestone as its provider follows it: reported, accepted, when payment is due, paid, late interest. */
    public record MilestoneLine(int seq, String name, int percent, BigDecimal amount, String status, LocalDateTime reportedAt,
                                LocalDateTime acceptedAt, LocalDateTime paymentDue, LocalDateTime paidAt, Boolean late,
                                Integer daysLate, BigDecimal lateInterest) {}

    static final int LIMIT = 100;

    private final ProcurementMapper procurements;
    private final ProcurementViews views;
    private final BidMapper bids;
    private final BidPeriods periods;
    private final ProcurementDeadlines deadlines;
    private final Evaluation evaluation;
    private final ContractMapper contracts;
    private final cn.shequ.fund.MilestonePayments payments;
    private final WorkingDayCalendar calendar;
    private final ProviderDeskMapper desk;

    ProviderDesk(ProcurementMapper procurements, ProcurementViews views, BidMapper bids, BidPeriods periods,
                 ProcurementDeadlines deadlines, Evaluation evaluation, ContractMapper contracts,
                 cn.shequ.fund.MilestonePayments payments, WorkingDayCalendar calendar, ProviderDeskMapper desk) {
        this.procurements = procurements;
        this.views = views;
        this.bids = bids;
        this.periods = periods;
        this.deadlines = deadlines;
        this.evaluation = evaluation;
        this.contracts = contracts;
        this.payments = payments;
        this.calendar = calendar;
        this.desk = desk;
    }

    /** Purchases open for bids now in one of the provider's categories, the nearest deadline first. */
    public List<Procurement> openFor(Provider provider) {
        return procurements.search(ProcurementStatus.BIDDING.name()).stream()
                .filter(p -> provider.categoryList().contains(p.category()))
                .filter(p -> !views.opened(p))
                .sorted(java.util.Comparator.comparing(Procurement::bidDeadline,
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .toList();
    }

    /** Purchases the provider bid on, newest bid first. */
    public List<Procurement> biddenOn(long providerId) {
        return desk.biddenOn(providerId, LIMIT).stream().map(procurements::find).flatMap(Optional::stream).toList();
    }

    public Optional<Procurement> find(String code) {
        return procurements.find(code);
    }

    public String categoryName(String category) {
        String name = procurements.categoryName(category);
        return name == null ? category : name;
    }

    /** The purchase as {@code reader} may see it (the API's GET /api/procurements/{code}). */
    public Object view(Procurement p, CurrentUser reader) {
        return views.view(p, reader);
    }

    /** Until when bids are received (the deadline, or a little later near a provisional minimum: docs/calendar.md). */
    public LocalDateTime bidsReceivedUntil(Procurement p) {
        return periods.acceptedUntil(p);
    }

    /** Whether the bids are open (the deadline passed). */
    public boolean opened(Procurement p) {
        return views.opened(p);
    }

    /** Until when challenges are received, or null outside a challenge period. */
    public LocalDateTime challengesReceivedUntil(Procurement p) {
        return p.challengeDeadline() == null ? null : deadlines.challengesAcceptedUntil(p);
    }

    public Optional<Bid> bidOf(String code, Long providerId) {
        return providerId == null ? Optional.empty() : bids.bidOf(code, providerId);
    }

    public Optional<Bid> bid(long bidId) {
        return bids.bid(bidId);
    }

    public boolean isMember(String code, String userId) {
        return evaluation.isMember(code, userId);
    }

    /** The contract's milestones with what the provider is owed when, for a contract of {@code providerId}; empty otherwise. */
    public List<MilestoneLine> milestones(Procurement p, long providerId) {
        Optional<Contract> contract = contracts.ofProcurement(p.code()).filter(c -> c.providerId() == providerId);
        if (contract.isEmpty() || p.deliveredByProject()) {
            return List.of();
        }
        PaymentTerms terms = new PaymentTerms(contract.get().paymentTermDays(), contract.get().lateInterestRate());
        return contracts.milestones(p.code()).stream().map(m -> {
            var paid = payments.find(p.code(), m.seq());
            return new MilestoneLine(m.seq(), m.name(), m.sharePercent(), m.amount(), m.status(), m.reportedAt(),
                    m.acceptedAt(), m.acceptedAt() == null ? null : terms.deadline(m.acceptedAt(), calendar),
                    paid.map(cn.shequ.fund.MilestonePayments.Payment::paidAt).orElse(null),
                    paid.map(cn.shequ.fund.MilestonePayments.Payment::late).orElse(null),
                    paid.map(cn.shequ.fund.MilestonePayments.Payment::daysLate).orElse(null),
                    paid.map(cn.shequ.fund.MilestonePayments.Payment::lateInterest).orElse(null));
        }).toList();
    }
}

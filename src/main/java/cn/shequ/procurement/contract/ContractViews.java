package cn.shequ.procurement.contract;

import cn.shequ.fund.MilestonePayments;
import cn.shequ.fund.Money;
import cn.shequ.procurement.Procurement;
import cn.shequ.procurement.ProcurementDeadlines;
import cn.shequ.procurement.ProcurementViews;
import cn.shequ.project.ProjectService;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The JSON shape of a procurement's contract and its milestones (API.md), part of {@link ProcurementViews}'
 * procurement: money as strings, each milestone with its payment once paid.
 */
@Component
public class ContractViews {

    private final ContractMapper contracts;
    private final MilestonePayments payments;
    private final ProjectService projects;
    private final ProcurementDeadlines deadlines;

    ContractViews(ContractMapper contracts, MilestonePayments payments, ProjectService projects,
                  ProcurementDeadlines deadlines) {
        this.contracts = contracts;
        this.payments = payments;
        this.projects = projects;
        this.deadlines = deadlines;
    }

    /** Once paid: when, whether late, the days late and the interest owed for them (0 and "0.00" when on time). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MilestoneView(int seq, String name, int percent, String amount, String status, Integer servedParticipants,
                                String paidOn, Boolean latePayment, Integer lateDays, String lateInterest) {}

    /** {@code lateInterestDailyRate} is a fraction: "0.0005" is 0.05% a day. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContractView(String code, String provider, String amount, String performanceBond, int termMonths,
                               String signedOn, boolean signedLate, OffsetDateTime signingRecordedAt, String publishDue, String publishedOn, Boolean publishedLate,
                               int paymentTermDays, String lateInterestDailyRate, List<MilestoneView> milestones,
                               Boolean publishDueProvisional) {}

    /** The contract of {@code p} once it is published (what the public sees), or null. */
    public ContractView published(Procurement p) {
        return contracts.ofProcurement(p.code()).filter(c -> c.publishedOn() != null)
                .map(c -> contract(p)).orElse(null);
    }

    /** The contract of {@code p}, or null before it is signed. */
    public ContractView contract(Procurement p) {
        return contracts.ofProcurement(p.code()).map(c -> new ContractView(c.code(), c.providerName(), Money.format(c.amount()),
                Money.format(c.performanceBond()), c.termMonths(), c.signedOn().toString(), c.signedLate(), ProcurementViews.at(c.signingRecordedAt()),
                c.publishDue().toString(), ProcurementViews.date(c.publishedOn()), c.publishedLate(), c.paymentTermDays(),
                c.lateInterestRate().stripTrailingZeros().toPlainString(), milestones(p),
                deadlines.provisional(c.publishDue()))).orElse(null);
    }

    /**
     * The contract's milestones as delivered: by the purchase itself, or — when a service project
     * bought its service — by the project, which adopted them and reports, accepts and pays them.
     */
    private List<MilestoneView> milestones(Procurement p) {
        if (p.deliveredByProject()) {
            return projects.milestones(p.projectCode()).stream().map(m -> milestone(p.projectCode(), m.seq(), m.name(),
                    m.percent(), m.amount(), m.status(), m.servedParticipants())).toList();
        }
        return contracts.milestones(p.code()).stream().map(m -> milestone(p.code(), m.seq(), m.name(), m.sharePercent(),
                m.amount(), m.status(), m.servedParticipants())).toList();
    }

    private MilestoneView milestone(String payer, int seq, String name, int percent, BigDecimal amount, String status,
                                    Integer served) {
        var paid = payments.find(payer, seq);
        return new MilestoneView(seq, name, percent, Money.format(amount), status, served,
                paid.map(x -> x.paidAt().toLocalDate().toString()).orElse(null),
                paid.map(MilestonePayments.Payment::late).orElse(null),
                paid.map(MilestonePayments.Payment::daysLate).orElse(null),
                paid.map(x -> Money.format(x.lateInterest())).orElse(null));
    }
}

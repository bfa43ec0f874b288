package cn.shequ.procurement.contract;

import cn.shequ.delivery.MilestoneRow;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A contract milestone: its share of the price, who reported, accepted (with how many people served) and approved it. */
public record ContractMilestone(String procurementCode, int seq, String name, int sharePercent, BigDecimal amount, String status,
                         String summary, String evidence, String reportedBy, LocalDateTime reportedAt, String acceptedBy,
                         LocalDateTime acceptedAt, Integer servedParticipants, String approvedBy,
                         LocalDateTime approvedAt) {

    static final String PENDING = "PENDING";
    static final String REPORTED = "REPORTED";
    static final String ACCEPTED = "ACCEPTED";
    static final String APPROVED = "APPROVED";
    public static final String PAID = "PAID";

    /** The contract's milestone as delivery_milestone keeps it (ADR 0054; its percent is the share). */
    static ContractMilestone of(MilestoneRow r) {
        return new ContractMilestone(r.subjectCode(), r.seq(), r.name(), r.percent(), r.amount(), r.status(),
                r.summary(), r.evidence(), r.reportedBy(), r.reportedAt(), r.acceptedBy(), r.acceptedAt(),
                r.servedParticipants(), r.approvedBy(), r.approvedAt());
    }
}

package cn.shequ.procurement.contract;

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
}

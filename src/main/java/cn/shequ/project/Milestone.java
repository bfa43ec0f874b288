package cn.shequ.project;

import cn.shequ.delivery.MilestoneRow;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A project milestone: its share of the amount, and who reported, accepted and approved its payment. */
public record Milestone(String projectCode, int seq, String name, int percent, BigDecimal amount, String status,
                        String summary, String evidence, String reportedBy, LocalDateTime reportedAt,
                        String acceptedBy, LocalDateTime acceptedAt, Integer servedParticipants,
                        String approvedBy, LocalDateTime approvedAt) {

    public static final String PENDING = "PENDING";
    public static final String REPORTED = "REPORTED";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String APPROVED = "APPROVED";
    public static final String PAID = "PAID";

    /** The project's milestone as delivery_milestone keeps it (ADR 0054). */
    static Milestone of(MilestoneRow r) {
        return new Milestone(r.subjectCode(), r.seq(), r.name(), r.percent(), r.amount(), r.status(), r.summary(),
                r.evidence(), r.reportedBy(), r.reportedAt(), r.acceptedBy(), r.acceptedAt(), r.servedParticipants(),
                r.approvedBy(), r.approvedAt());
    }
}

package cn.shequ.delivery;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A row of {@code delivery_milestone} as {@link MilestoneMapper} reads it: a milestone's share of the amount
 * (percent), and who reported it, accepted it with how many people served (条例第四十五条) and approved its
 * payment. Each process reads it as its own type (the project's {@code Milestone}, the contract's
 * {@code ContractMilestone}).
 */
public record MilestoneRow(String subjectCode, int seq, String name, int percent, BigDecimal amount, String status,
                           String summary, String evidence, String reportedBy, LocalDateTime reportedAt,
                           String acceptedBy, LocalDateTime acceptedAt, Integer servedParticipants,
                           String approvedBy, LocalDateTime approvedAt) {}

package cn.shequ.procurement.evaluation;

import java.time.LocalDateTime;

/** A member of the evaluation committee (评标委员会/评审小组): an expert, or a purchaser's representative. */
public record CommitteeMember(String procurementCode, String userId, boolean expert, String appointedBy,
                       LocalDateTime appointedAt) {}

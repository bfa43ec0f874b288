package cn.shequ.procurement.evaluation;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One committee member's technical score (0–100) of one bid. */
public record Score(long bidId, String memberUser, String procurementCode, BigDecimal technicalScore, LocalDateTime scoredAt,
             LocalDateTime revisedAt) {}

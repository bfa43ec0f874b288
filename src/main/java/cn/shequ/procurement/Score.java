package cn.shequ.procurement;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One committee member's technical score (0–100) of one bid. */
record Score(long bidId, String memberUser, String procurementCode, BigDecimal technicalScore, LocalDateTime scoredAt,
             LocalDateTime revisedAt) {}

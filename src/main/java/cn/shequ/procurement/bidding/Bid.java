package cn.shequ.procurement.bidding;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * 投标（响应）文件 of one provider, with the evaluation's result once ranked: price score,
 * average technical score, total and rank (cleared when an upheld challenge reopens the evaluation).
 */
public record Bid(Long id, String procurementCode, long providerId, String providerName, String submittedBy,
                  BigDecimal price, String proposal, LocalDateTime submittedAt, LocalDateTime revisedAt,
                  boolean qualified, BigDecimal priceScore, BigDecimal technicalScore, BigDecimal totalScore,
                  Integer bidRank) {}

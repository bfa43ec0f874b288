package cn.shequ.procurement.challenge;

import java.time.LocalDateTime;

/** 质疑: a bidder's challenge of the award, and the purchaser's answer (采购法 arts. 52–53). */
public record Challenge(long id, String procurementCode, long providerId, String providerName, String filedBy, String reason,
                 LocalDateTime filedAt, LocalDateTime answerDue, String taskId, String answer, Boolean upheld,
                 String answeredBy, LocalDateTime answeredAt, Boolean answeredLate) {}

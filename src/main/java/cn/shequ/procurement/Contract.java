package cn.shequ.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** 政府购买服务合同 with the winning provider: price, bond, when it was signed and published, and whether late. */
record Contract(String code, String procurementCode, long providerId, String providerName, BigDecimal amount,
                BigDecimal performanceBond, int termMonths, LocalDate signedOn, String signedBy, boolean signedLate,
                LocalDate publishDue, LocalDate publishedOn, Boolean publishedLate, LocalDateTime createdAt) {}

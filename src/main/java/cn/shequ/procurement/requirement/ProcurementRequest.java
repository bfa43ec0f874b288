package cn.shequ.procurement.requirement;

import java.math.BigDecimal;

/** The body of POST /api/procurements (API.md "Purchase of services"). */
public record ProcurementRequest(String title, String category, BigDecimal amount, String fundCode, Integer termMonths,
                                 String termReason, BigDecimal priceWeight, String projectCode, String method,
                                 String methodReason) {}

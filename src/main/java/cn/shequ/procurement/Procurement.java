package cn.shequ.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * 政府购买服务项目: one row of {@code procurement}; the process instance carries only its code.
 * {@code countedAmount} is what the method was decided on: this amount plus the earlier purchases
 * of the category by the same purchaser in the fiscal year (采购法 art. 28).
 */
public record Procurement(String code, String title, String category, BigDecimal amount, String fundCode,
                          String purchaserUser, String purchaserStreet, String purchaserDistrict, int fiscalYear,
                          int termMonths, String termReason, BigDecimal priceWeight, String requestedMethod,
                          String method, String methodReason, BigDecimal countedAmount, boolean needsFinanceApproval,
                          String status, String projectCode, String processInstanceId, BigDecimal reservedAmount,
                          BigDecimal disbursedAmount, int tenderRound, BigDecimal bidDeposit, LocalDate noticePublishedOn,
                          LocalDateTime bidDeadline, Long awardBidId, LocalDate awardNoticeOn,
                          LocalDateTime challengeDeadline, BigDecimal score, String grade, Integer respondents,
                          Integer satisfied, LocalDateTime createdAt, LocalDateTime updatedAt, boolean forProject) {

    public ProcurementStatus procurementStatus() {
        return ProcurementStatus.valueOf(status);
    }

    /** A service project bought its service and, its contract published, delivers and pays it itself. */
    public boolean deliveredByProject() {
        return forProject && (procurementStatus() == ProcurementStatus.IN_DELIVERY
                || procurementStatus() == ProcurementStatus.COMPLETED);
    }
}

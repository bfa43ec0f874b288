package cn.shequ.procurement.contract;

import cn.shequ.fund.PaymentTerms;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * 政府购买服务合同 with the winning provider: price, bond, the payment term and late-interest rate it
 * agreed, when it was signed and published, and whether late. {@code signedOn} is the date the purchaser
 * typed (it may lie before today, never before the award notice nor after today); {@code signingRecordedAt}
 * is when Shequ recorded the signing, kept beside it for the auditors (null for contracts recorded before
 * the column existed and not backfilled).
 */
public record Contract(String code, String procurementCode, long providerId, String providerName, BigDecimal amount,
                BigDecimal performanceBond, int termMonths, int paymentTermDays, BigDecimal lateInterestRate,
                LocalDate signedOn, String signedBy, boolean signedLate, LocalDateTime signingRecordedAt, LocalDate publishDue, LocalDate publishedOn,
                Boolean publishedLate, LocalDateTime createdAt) {

    /** When each milestone must be paid after acceptance, and the interest a day late. */
    public PaymentTerms paymentTerms() {
        return new PaymentTerms(paymentTermDays, lateInterestRate);
    }
}

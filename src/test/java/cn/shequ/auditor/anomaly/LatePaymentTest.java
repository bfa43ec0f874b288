package cn.shequ.auditor.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * The LATE_PAYMENT finding states the days late and interest stored with the payment (computed once,
 * by cn.shequ.fund.PaymentTerms), and names a contract's own terms.
 */
class LatePaymentTest {

    static final LocalDateTime ACCEPTED = LocalDateTime.of(2026, 11, 2, 10, 0);

    @Test
    void aPaymentUnderTheDefaultTermsStatesItsStoredDaysAndInterest() {
        AnomalyMapper.PaidLate paid = new AnomalyMapper.PaidLate("SP-2026-0001", 1, new BigDecimal("2000.00"), ACCEPTED,
                ACCEPTED.plusDays(35), "finance2", 30, new BigDecimal("0.000500"), 5, new BigDecimal("5.00"));
        assertThat(LatePayment.paidLate(paid)).isEqualTo(
                "第 1 期 ¥2000.00 于 2026-11-02 验收，2026-12-07 才付款（finance2），逾期 5 天，应付利息约 ¥5.00");
    }

    @Test
    void aContractsOwnTermAndRateAreNamed() {
        AnomalyMapper.PaidLate paid = new AnomalyMapper.PaidLate("PS-2026-0001", 2, new BigDecimal("2000.00"), ACCEPTED,
                ACCEPTED.plusDays(47), "finance1", 45, new BigDecimal("0.000300"), 2, new BigDecimal("1.20"));
        assertThat(LatePayment.paidLate(paid)).contains("逾期 2 天", "¥1.20", "付款期限 45 日", "日利率 0.03%");
    }
}

package cn.shequ.audit.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Days late and interest as the LATE_PAYMENT finding states them (保障中小企业款项支付条例: 0.05% a day). */
class LatePaymentTest {

    static final LocalDateTime ACCEPTED = LocalDateTime.of(2026, 11, 2, 10, 0);

    @Test
    void aPaymentAMinuteAfterTheThirtiethDayIsOneDayLate() {
        assertThat(LatePayment.daysLate(ACCEPTED, ACCEPTED.plusDays(30).plusMinutes(1))).isEqualTo(1);
        assertThat(LatePayment.daysLate(ACCEPTED, ACCEPTED.plusDays(35))).isEqualTo(5);
        assertThat(LatePayment.daysLate(ACCEPTED, ACCEPTED.plusDays(35).plusHours(1))).isEqualTo(6);
    }

    @Test
    void interestIsFiveTenThousandthsADayRoundedToTheFen() {
        assertThat(LatePayment.interest(new BigDecimal("2000.00"), 5)).isEqualTo("5.00");
        assertThat(LatePayment.interest(new BigDecimal("12345.67"), 3)).isEqualTo("18.52");
    }
}

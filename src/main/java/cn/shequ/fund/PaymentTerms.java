package cn.shequ.fund;

import cn.shequ.calendar.WorkingDayCalendar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * 付款期限与逾期利息: how long after acceptance a milestone must be paid, and the interest a day
 * owed once that term has passed. Service projects use {@link #DEFAULT}; a purchase contract may
 * agree its own at signing. The one place days late and interest are computed.
 *
 * @param days      the payment term in days after acceptance, {@link #MIN_DAYS}..{@link #MAX_DAYS}
 * @param dailyRate the late-payment interest per day, as a fraction (0.0005 is 0.05%, 万分之五)
 */
public record PaymentTerms(int days, BigDecimal dailyRate) {

    // 保障中小企业款项支付条例 (2025) art. 9: pay within 30 days of delivery; a contract may agree up to 60
    public static final int DEFAULT_DAYS = 30;
    // the regulation caps the agreed term and sets no floor: any positive term is lawful (DOMAIN-RULES "payment deadline")
    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 60;
    // 保障中小企业款项支付条例 (2025) art. 17: without an agreed rate, 万分之五 a day
    public static final BigDecimal DEFAULT_DAILY_RATE = new BigDecimal("0.0005");
    /**
     * The highest daily rate a contract may agree: 0.1% a day (千分之一, about 36.5% a year, twice the
     * statutory default). The regulation sets no ceiling; this one catches a rate typed as a percent
     * (0.05 for 0.05%) before it becomes a 5%-a-day liability.
     */
    public static final BigDecimal MAX_DAILY_RATE = new BigDecimal("0.001");
    /** Digits after the point a daily rate may have (the column is DECIMAL(8,6)). */
    public static final int RATE_SCALE = 6;

    public static final PaymentTerms DEFAULT = new PaymentTerms(DEFAULT_DAYS, DEFAULT_DAILY_RATE);

    public PaymentTerms {
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw new IllegalArgumentException("payment term " + days + " days, not " + MIN_DAYS + ".." + MAX_DAYS);
        }
        if (dailyRate == null || dailyRate.signum() <= 0 || dailyRate.compareTo(MAX_DAILY_RATE) > 0
                || dailyRate.stripTrailingZeros().scale() > RATE_SCALE) {
            throw new IllegalArgumentException("daily interest rate " + dailyRate + ", not in (0, " + MAX_DAILY_RATE + "]");
        }
    }

    /**
     * The last moment to pay: the end of the {@code days}-th day after acceptance — the day of
     * acceptance is not counted (民法典 art. 201), the last day runs to 24:00 and, when it is a rest
     * day, the term runs to the end of the next working day (art. 203).
     */
    public LocalDateTime deadline(LocalDateTime acceptedAt, WorkingDayCalendar calendar) {
        return dueOn(acceptedAt, calendar).atTime(LocalTime.of(23, 59, 59));
    }

    /** Calendar days between the last day to pay and the day paid: 0 when paid on or before it. */
    public long daysLate(LocalDateTime acceptedAt, LocalDateTime paidAt, WorkingDayCalendar calendar) {
        return Math.max(0, ChronoUnit.DAYS.between(dueOn(acceptedAt, calendar), paidAt.toLocalDate()));
    }

    private LocalDate dueOn(LocalDateTime acceptedAt, WorkingDayCalendar calendar) {
        return calendar.periodEnd(acceptedAt.toLocalDate().plusDays(days));
    }

    /** A daily rate as people write it: 0.0005 → "0.05%". */
    public static String percent(BigDecimal dailyRate) {
        return dailyRate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** amount × daily rate × days late, rounded half up to the fen. */
    public BigDecimal interest(BigDecimal amount, long daysLate) {
        return amount.multiply(dailyRate).multiply(BigDecimal.valueOf(daysLate)).setScale(2, RoundingMode.HALF_UP);
    }
}

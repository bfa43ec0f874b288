package cn.shequ.reports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * One disclosure period of a community (a quarter by default): {@code start} to {@code end}, both
 * days included, in China Standard Time.
 */
public record DisclosurePeriod(LocalDate start, LocalDate end) {

    /** The lengths that divide a year evenly: monthly, every two months, quarterly, four-monthly, half-yearly, yearly. */
    static final Set<Integer> MONTHS = Set.of(1, 2, 3, 4, 6, 12);

    /** The last period of {@code months} months that ended before {@code today}. */
    static DisclosurePeriod lastEnded(LocalDate today, int months) {
        if (!MONTHS.contains(months)) {
            throw new IllegalArgumentException("period of " + months + " months");
        }
        int index = (today.getMonthValue() - 1) / months;
        LocalDate currentStart = LocalDate.of(today.getYear(), index * months + 1, 1);
        LocalDate start = currentStart.minusMonths(months);
        return new DisclosurePeriod(start, currentStart.minusDays(1));
    }

    LocalDateTime from() {
        return start.atStartOfDay();
    }

    /** The first moment after the period (exclusive end). */
    LocalDateTime until() {
        return end.plusDays(1).atStartOfDay();
    }

    /** As printed: 2026年第二季度, or 2026年4月至6月 for other lengths. */
    String label() {
        int months = end.getMonthValue() - start.getMonthValue() + 1;
        if (months == 3) {
            return start.getYear() + "年第" + "一二三四".charAt((start.getMonthValue() - 1) / 3) + "季度";
        }
        if (months == 12) {
            return start.getYear() + "年度";
        }
        if (months == 1) {
            return start.getYear() + "年" + start.getMonthValue() + "月";
        }
        return start.getYear() + "年" + start.getMonthValue() + "月至" + end.getMonthValue() + "月";
    }
}

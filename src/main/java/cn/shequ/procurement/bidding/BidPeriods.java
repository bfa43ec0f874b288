package cn.shequ.procurement.bidding;

import cn.shequ.calendar.WorkingDayCalendar;
import cn.shequ.procurement.Procurement;
import cn.shequ.rules.Decisions.ProcurementMethod;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.stereotype.Component;

/**
 * The shortest bid period the law allows for each method, counted from the day the notice is
 * published (that day not counted, 民法典 art. 201) to the day of the bid deadline:
 * <ul>
 * <li>OPEN_TENDER: 20 days (采购法 art. 35);</li>
 * <li>COMPETITIVE_CONSULTATION: 10 days (财库〔2014〕214号 art. 10);</li>
 * <li>COMPETITIVE_NEGOTIATION: 3 working days (财政部令第74号 art. 29);</li>
 * <li>SMALL_PURCHASE: 3 working days — no rule of its own; Shequ applies the rule of the
 *     request for quotations it resembles (询价, 财政部令第74号 art. 45);</li>
 * <li>SINGLE_SOURCE: 5 working days — the public notice of a single-source purchase runs at least
 *     5 working days (财政部令第74号 art. 38).</li>
 * </ul>
 * Working days come from the working-day calendar, with its holidays and make-up days.
 */
@Component
public class BidPeriods {

    /** The minimum of one method: a number of calendar or working days and the rule that sets it. */
    public record Minimum(int days, boolean workingDays, String rule) {
        public String describe() {
            return days + (workingDays ? " 个工作日" : " 日") + "（" + rule + "）";
        }
    }

    private final WorkingDayCalendar calendar;

    BidPeriods(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    public static Minimum minimum(String method) {
        return switch (method) {
            case ProcurementMethod.METHOD_OPEN_TENDER -> new Minimum(20, false, "采购法第三十五条");
            case ProcurementMethod.METHOD_COMPETITIVE_CONSULTATION -> new Minimum(10, false, "财库〔2014〕214号第十条");
            case ProcurementMethod.METHOD_COMPETITIVE_NEGOTIATION -> new Minimum(3, true, "财政部令第74号第二十九条");
            case ProcurementMethod.METHOD_SINGLE_SOURCE -> new Minimum(5, true, "单一来源公示期，财政部令第74号第三十八条");
            case ProcurementMethod.METHOD_SMALL_PURCHASE -> new Minimum(3, true, "参照询价，财政部令第74号第四十五条");
            default -> throw new IllegalArgumentException("unknown method " + method);
        };
    }

    /**
     * Until when bids are received for a bid deadline chosen by the purchaser: the deadline itself,
     * unless the shortest lawful period was counted on a provisional calendar and the deadline lies
     * within {@link WorkingDayCalendar#PROVISIONAL_EXTENSION_DAYS} days of its earliest day — then
     * the official arrangement might make the minimum longer than the period announced, and bids are
     * received (and opened) only from the earliest day plus that bound, at the deadline's time of day
     * (docs/calendar.md). Once the year's official arrangement is loaded, the minimum is exact again.
     */
    public LocalDateTime acceptedUntil(String method, LocalDate noticeDate, LocalDateTime deadline) {
        if (deadline == null || noticeDate == null || !minimum(method).workingDays()) {
            return deadline;
        }
        LocalDate earliest = earliestDeadline(method, noticeDate);
        if (!calendar.isProvisional(noticeDate.plusDays(1), earliest)) {
            return deadline;
        }
        LocalDateTime protectedEnd = earliest.plusDays(WorkingDayCalendar.PROVISIONAL_EXTENSION_DAYS).atTime(deadline.toLocalTime());
        return protectedEnd.isAfter(deadline) ? protectedEnd : deadline;
    }

    public LocalDateTime acceptedUntil(Procurement p) {
        return acceptedUntil(p.method(), p.noticePublishedOn(), p.bidDeadline());
    }

    /** The earliest day the bid deadline may fall on, for a notice published on {@code noticeDate}. */
    public LocalDate earliestDeadline(String method, LocalDate noticeDate) {
        Minimum minimum = minimum(method);
        return minimum.workingDays() ? calendar.addWorkingDays(noticeDate, minimum.days())
                : noticeDate.plusDays(minimum.days());
    }
}

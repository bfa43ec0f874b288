package cn.shequ.procurement;

import cn.shequ.calendar.WorkingDayCalendar;
import cn.shequ.engine.ShequClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The legal deadlines of a purchase, from the working-day calendar where the law counts working
 * days; a period ends at the end of its last day (the day it starts is not counted, 民法典 art. 201).
 * {@code ${procurementDeadlines.challengeAnswerDue()}} gives the answer-challenge task its due date
 * and its escalation timer alike, so the two always agree.
 */
@Component(PurchaseProcess.Beans.DEADLINES)
public class ProcurementDeadlines {

    /** 87号令 art. 69: the result notice (中标、成交结果公告) runs 1 working day. */
    static final int RESULT_NOTICE_WORKING_DAYS = 1;
    /** 采购法 art. 52 with 条例 art. 53(三): a challenge within 7 working days of the end of the result notice period. */
    static final int CHALLENGE_WORKING_DAYS = 7;
    /** 采购法 art. 53: the answer within 7 working days of the challenge. */
    static final int ANSWER_WORKING_DAYS = 7;
    /** 采购法 art. 46: the contract within 30 days of the award notice. */
    static final int CONTRACT_DAYS = 30;
    /** 条例 art. 50: the contract published within 2 working days of signing. */
    static final int PUBLISH_WORKING_DAYS = 2;

    private final WorkingDayCalendar calendar;
    private final ShequClock clock;

    ProcurementDeadlines(WorkingDayCalendar calendar, ShequClock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The end of the 7th working day after today: when an answer to a challenge filed today is due. */
    public Date challengeAnswerDue() {
        return date(challengeAnswerDue(clock.today()));
    }

    public LocalDateTime challengeAnswerDue(LocalDate filedOn) {
        return endOf(calendar.addWorkingDays(filedOn, ANSWER_WORKING_DAYS));
    }

    /**
     * The end of the 7th working day after the day the result notice period ends: the notice period is
     * 1 working day (87号令 art. 69) and the challenge period runs from its end (条例 art. 53(三)), so an
     * award announced on Tuesday 2026-09-22 can be challenged until the end of Saturday 2026-10-10 (a
     * make-up working day).
     */
    public LocalDateTime challengeDeadline(LocalDate awardNoticeOn) {
        LocalDate noticePeriodEnds = calendar.addWorkingDays(awardNoticeOn, RESULT_NOTICE_WORKING_DAYS);
        return endOf(calendar.addWorkingDays(noticePeriodEnds, CHALLENGE_WORKING_DAYS));
    }

    /**
     * The last day to sign: the 30th day after the award notice (采购法 art. 46; the day of the notice
     * is not counted, 民法典 art. 201), or, when that day is a weekend or public holiday, the first
     * working day after it (民法典 art. 203). In a year without a calendar, the 30th day as counted.
     */
    public LocalDate contractDue(LocalDate awardNoticeOn) {
        return calendar.periodEnd(awardNoticeOn.plusDays(CONTRACT_DAYS));
    }

    /** The last day to publish a contract signed on {@code signedOn}. */
    public LocalDate publishDue(LocalDate signedOn) {
        return calendar.addWorkingDays(signedOn, PUBLISH_WORKING_DAYS);
    }

    /**
     * Until when a challenge is still received: the end of the challenge deadline, or, when that was
     * counted on a provisional calendar, {@link WorkingDayCalendar#PROVISIONAL_EXTENSION_DAYS} days
     * later — the official arrangement might make the period that much longer, and a provisional
     * calendar never shortens a bidder's right (docs/calendar.md). The challenge-period timer waits
     * for this moment too.
     */
    public LocalDateTime challengesAcceptedUntil(LocalDate awardNoticeOn, LocalDateTime challengeDeadline) {
        if (awardNoticeOn == null || challengeDeadline == null) {
            return challengeDeadline;
        }
        LocalDate end = calendar.protectedEnd(awardNoticeOn.plusDays(1), challengeDeadline.toLocalDate());
        return end.equals(challengeDeadline.toLocalDate()) ? challengeDeadline : endOf(end);
    }

    public LocalDateTime challengesAcceptedUntil(Procurement p) {
        return challengesAcceptedUntil(p.awardNoticeOn(), p.challengeDeadline());
    }

    /** Whether a deadline shown on {@code day} is provisional (its year has no official calendar yet). */
    public boolean provisional(LocalDate day) {
        return calendar.isProvisional(day);
    }

    public boolean provisional(LocalDateTime at) {
        return at != null && calendar.isProvisional(at.toLocalDate());
    }

    /** The last second of a day, in whole seconds (MySQL is sent no fractions). */
    public static LocalDateTime endOf(LocalDate day) {
        return day.atTime(23, 59, 59);
    }

    public static Date date(LocalDateTime local) {
        return Date.from(local.atZone(ShequClock.ZONE).toInstant());
    }
}

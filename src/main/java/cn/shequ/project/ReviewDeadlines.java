package cn.shequ.project;

import cn.shequ.calendar.WorkingDayCalendar;
import cn.shequ.engine.ShequClock;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code ${reviewDeadlines.due()}}: a review is due at the end of the 10th working day after today
 * (configurable; the day it starts is not counted, 民法典 art. 201). Used for the task's due date
 * and for the escalation timer alike, so the two always agree.
 */
@Component(ServiceProjectProcess.Beans.REVIEW_DEADLINES)
public class ReviewDeadlines {

    private final WorkingDayCalendar calendar;
    private final ShequClock clock;
    private final int workingDays;

    ReviewDeadlines(WorkingDayCalendar calendar, ShequClock clock,
                    @Value("${shequ.review.working-days:10}") int workingDays) {
        this.calendar = calendar;
        this.clock = clock;
        this.workingDays = workingDays;
    }

    public Date due() {
        return dueFrom(clock.today());
    }

    /** The due date of a review that started on {@code start}: the end of its 10th working day after. */
    Date dueFrom(java.time.LocalDate start) {
        return Date.from(calendar.addWorkingDays(start, workingDays).plusDays(1)
                .atStartOfDay(ShequClock.ZONE).minusSeconds(1).toInstant());
    }
}

package cn.shequ.admin;

import cn.shequ.audit.AuditActions;
import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.calendar.DeadlineMove;
import cn.shequ.calendar.OfficialCalendarListener;
import cn.shequ.calendar.OfficialCalendars;
import cn.shequ.calendar.WorkingDayCalendar;
import cn.shequ.engine.EngineJobs;
import cn.shequ.engine.ShequClock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a year's official working-day arrangement: checks and stores it, records the change in the
 * audit chain (CONFIG_CHANGED), recomputes every open deadline and timer it moves and records each
 * move (DEADLINE_MOVED) — all in one transaction, so a failure leaves the provisional year as it was.
 */
@Service
class CalendarAdministration {

    private final OfficialCalendars calendars;
    private final WorkingDayCalendar calendar;
    private final List<OfficialCalendarListener> listeners;
    private final AuditLog audit;
    private final ShequClock clock;
    private final EngineJobs jobs;
    private final TransactionTemplate transaction;

    CalendarAdministration(OfficialCalendars calendars, WorkingDayCalendar calendar, List<OfficialCalendarListener> listeners,
                           AuditLog audit, ShequClock clock, EngineJobs jobs, PlatformTransactionManager transactions) {
        this.calendars = calendars;
        this.calendar = calendar;
        this.listeners = listeners;
        this.audit = audit;
        this.clock = clock;
        this.jobs = jobs;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A deadline that moved, as the API answers it. */
    record Move(String subjectCode, String what, String taskId, String before, String after, boolean beforeProvisional,
                boolean afterProvisional) {}

    record Result(int year, String sha256, boolean wasProvisional, int holidays, int workdays, List<Move> moved) {}

    Result load(int year, String text, String userId) {
        return change(year, userId, () -> {
            OfficialCalendars.Loaded loaded = calendars.load(year, text, userId, clock.localNow());
            audit.append(AuditEvent.of(userId, AuditActions.CONFIG_CHANGED).detail("setting", "calendar")
                    .detail("year", year).detail("before", loaded.previousSha256()).detail("after", loaded.sha256())
                    .detail("wasProvisional", loaded.wasProvisional()).detail("holidays", loaded.holidays())
                    .detail("workdays", loaded.workdays()));
            return loaded;
        });
    }

    /** Withdraws a loaded arrangement: the year is provisional again, and its deadlines are counted so. */
    Result withdraw(int year, String userId) {
        return change(year, userId, () -> {
            String withdrawn = calendars.withdraw(year).orElseThrow(() -> new OfficialCalendars.RefusedArrangement(
                    year + " 年没有管理员载入的安排，无可撤回 / no arrangement loaded for " + year));
            audit.append(AuditEvent.of(userId, AuditActions.CONFIG_CHANGED).detail("setting", "calendar")
                    .detail("year", year).detail("before", withdrawn).detail("after", null)
                    .detail("wasProvisional", false));
            return new OfficialCalendars.Loaded(year, null, withdrawn, false, 0, 0);
        });
    }

    private Result change(int year, String userId, java.util.function.Supplier<OfficialCalendars.Loaded> change) {
        try {
            Result result = transaction.execute(status -> {
                OfficialCalendars.Loaded loaded = change.get();
                List<Move> moved = new ArrayList<>();
                for (OfficialCalendarListener listener : listeners) {
                    for (DeadlineMove move : listener.officialCalendarLoaded(year)) {
                        boolean before = move.before().getYear() == year ? loaded.wasProvisional()
                                : calendar.isProvisional(move.before().toLocalDate());
                        boolean after = calendar.isProvisional(move.after().toLocalDate());
                        moved.add(new Move(move.subjectCode(), move.what(), move.taskId(), move.before().toString(),
                                move.after().toString(), before, after));
                        audit.append(AuditEvent.of(userId, AuditActions.DEADLINE_MOVED).subject(move.subjectCode())
                                .detail("what", move.what()).detail("taskId", move.taskId())
                                .detail("before", move.before().toString()).detail("after", move.after().toString())
                                .detail("beforeProvisional", before).detail("afterProvisional", after)
                                .detail("calendarYear", year));
                    }
                }
                return new Result(year, loaded.sha256(), loaded.wasProvisional(), loaded.holidays(), loaded.workdays(), moved);
            });
            jobs.wakeUp(); // a timer moved to the past fires now
            return result;
        } catch (RuntimeException e) {
            calendars.reread(); // rolled back: count the year as the database has it
            throw e;
        }
    }
}

package cn.shequ.admin;

import cn.shequ.audit.AuditActions;
import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.EngineJobs;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.engine.ShequClock;
import cn.shequ.refusal.Refusal;
import cn.shequ.web.DateRange;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The adjustable clock of API.md (admin group; present only where {@code shequ.clock.adjustable}
 * is on, i.e. the default profile): moves the clock that the engine and Shequ share, then wakes
 * the job executor so that timers now due fire.
 */
@RestController
@ConditionalOnProperty(name = "shequ.clock.adjustable", havingValue = "true")
class ClockController {

    private final ShequClock clock;
    private final EngineJobs jobs;
    private final AuditLog audit;
    private final CurrentUsers users;

    ClockController(ShequClock clock, EngineJobs jobs, AuditLog audit, CurrentUsers users) {
        this.clock = clock;
        this.jobs = jobs;
        this.audit = audit;
        this.users = users;
    }

    /** {@code now} is read here rather than by Jackson, which would take a number for milliseconds since 1970. */
    record ClockRequest(String now) {}

    record ClockView(OffsetDateTime now, boolean adjusted) {}

    @GetMapping("/api/admin/clock")
    ClockView get() {
        return new ClockView(clock.nowOffset(), clock.isAdjusted());
    }

    @PostMapping("/api/admin/clock")
    ClockView move(@RequestBody ClockRequest request) {
        if (request == null || request.now() == null || request.now().isBlank()) {
            throw Refusal.invalid("now", "now 必填，ISO-8601 时间，例如 2027-01-15T09:00:00+08:00 / required");
        }
        OffsetDateTime now = parse(request.now());
        clock.moveTo(now.toInstant());
        audit.appendIndependently(AuditEvent.of(users.current().userId(), AuditActions.CONFIG_CHANGED)
                .detail("setting", "clock").detail("now", now.toString()));
        jobs.wakeUp();
        return get();
    }

    /** An ISO-8601 time with its offset, in China Standard Time, within the dates Shequ stores ({@link DateRange}). */
    private static OffsetDateTime parse(String text) {
        OffsetDateTime sent;
        try {
            sent = OffsetDateTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("now", "now 须为带时区的 ISO-8601 时间，例如 2027-01-15T09:00:00+08:00 / must be an ISO-8601 "
                    + "date-time with its offset");
        }
        try {
            OffsetDateTime now = sent.atZoneSameInstant(ShequClock.ZONE).toOffsetDateTime();
            if (DateRange.holds(now.toLocalDate())) {
                return now;
            }
        } catch (DateTimeException beyondAnyDate) {
            // +999999999-12-31T23:59:59Z is no date in China Standard Time
        }
        throw Refusal.invalid("now", DateRange.problem("now "));
    }

    @DeleteMapping("/api/admin/clock")
    ClockView reset() {
        clock.reset();
        audit.appendIndependently(AuditEvent.of(users.current().userId(), AuditActions.CONFIG_CHANGED)
                .detail("setting", "clock").detail("now", "real time"));
        jobs.wakeUp();
        return get();
    }
}

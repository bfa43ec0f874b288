package cn.shequ.admin;

import cn.shequ.audit.AuditActions;
import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.EngineJobs;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.engine.ShequClock;
import cn.shequ.web.ApiException;
import java.time.OffsetDateTime;
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

    record ClockRequest(OffsetDateTime now) {}

    record ClockView(OffsetDateTime now, boolean adjusted) {}

    @GetMapping("/api/admin/clock")
    ClockView get() {
        return new ClockView(clock.nowOffset(), clock.isAdjusted());
    }

    @PostMapping("/api/admin/clock")
    ClockView move(@RequestBody ClockRequest request) {
        if (request == null || request.now() == null) {
            throw ApiException.invalid("now", "now 必填，ISO-8601 时间，例如 2027-01-15T09:00:00+08:00 / required");
        }
        clock.moveTo(request.now().toInstant());
        audit.appendIndependently(AuditEvent.of(users.current().userId(), AuditActions.CONFIG_CHANGED)
                .detail("setting", "clock").detail("now", request.now().toString()));
        jobs.wakeUp();
        return get();
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

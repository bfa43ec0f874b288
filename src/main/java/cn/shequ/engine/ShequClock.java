package cn.shequ.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The one clock that Shequ and the engine share. The engine reads {@link ClockUtil}, so Shequ
 * reads it too: moving the demo clock moves due dates, timers and ledger timestamps together.
 * Business dates are in China Standard Time whatever the server's time zone.
 */
@Component
public class ShequClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public Instant now() {
        return ClockUtil.now().toInstant();
    }

    public OffsetDateTime nowOffset() {
        return now().atZone(ZONE).toOffsetDateTime();
    }

    /** Now as a China Standard Time wall-clock time, as Shequ's DATETIME columns store it. */
    public LocalDateTime localNow() {
        return LocalDateTime.ofInstant(now(), ZONE);
    }

    public LocalDate today() {
        return now().atZone(ZONE).toLocalDate();
    }

    /** Moves the clock to {@code instant}; it keeps running from there (an offset, not a frozen time). */
    public void moveTo(Instant instant) {
        ClockUtil.offset(instant.toEpochMilli() - System.currentTimeMillis());
    }

    /** Back to real time. */
    public void reset() {
        ClockUtil.reset();
    }

    public boolean isAdjusted() {
        return Math.abs(ClockUtil.now().getTime() - System.currentTimeMillis()) > 1000;
    }
}

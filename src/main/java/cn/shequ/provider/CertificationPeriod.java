package cn.shequ.provider;

import cn.shequ.engine.ShequClock;
import java.time.LocalDate;
import java.util.Date;

/**
 * A certification granted on {@code on}: valid through {@code until} (both days included), the
 * reminder {@code reminderDays} before it runs out, and the moment it has run out (the start of
 * the day after {@code until}, China Standard Time).
 */
record CertificationPeriod(LocalDate on, LocalDate until, Date reminderAt, Date expiresAt) {

    static CertificationPeriod from(LocalDate on, ProviderProperties settings) {
        LocalDate until = on.plusYears(settings.certificationYears());
        LocalDate runsOut = until.plusDays(1);
        return new CertificationPeriod(on, until, startOf(runsOut.minusDays(settings.reminderDays())), startOf(runsOut));
    }

    private static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ShequClock.ZONE).toInstant());
    }
}

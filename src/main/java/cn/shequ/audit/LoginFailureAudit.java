package cn.shequ.audit;

import cn.shequ.identity.LoginProperties;
import cn.shequ.identity.LoginThrottledException;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Records refused logins (HTTP Basic on /api and /engine-rest, the login form; wrong password or
 * throttled) as LOGIN_FAILED, aggregated: one entry per typed user id and window
 * ({@code shequ.login.audit-window}, a minute) with the count, the reasons and up to ten addresses,
 * written once the window is over, in a transaction of its own. A thousand bad logins in four
 * seconds write one or two entries, not a thousand. The password is never read.
 */
@Component
class LoginFailureAudit {

    private static final Logger log = LoggerFactory.getLogger(LoginFailureAudit.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final int MAX_ADDRESSES = 10;
    /** Distinct accounts kept for one window before the rest are counted under one key. */
    private static final int MAX_ACCOUNTS_PER_WINDOW = 1_000;
    static final String OVERFLOW_ACCOUNT = "(其他账户 / other accounts)";

    private final AuditLog audit;
    private final long windowMillis;
    private final Clock clock;
    private final Map<Key, Tally> tallies = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "login-failure-audit");
        t.setDaemon(true);
        return t;
    });

    LoginFailureAudit(AuditLog audit, LoginProperties properties) {
        this.audit = audit;
        this.windowMillis = Math.max(1000, properties.auditWindow().toMillis());
        this.clock = Clock.systemUTC();
        long every = Math.max(1000, windowMillis / 6);
        flusher.scheduleWithFixedDelay(this::flushEnded, every, every, TimeUnit.MILLISECONDS);
    }

    @EventListener
    void loginFailed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        String typed = attempt.getName() == null || attempt.getName().isBlank() ? "(blank)" : attempt.getName();
        if (typed.length() > 64) {
            typed = typed.substring(0, 64);
        }
        String reason = event.getException() instanceof LoginThrottledException ? "THROTTLED" : "BAD_CREDENTIALS";
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        long window = clock.millis() / windowMillis;
        Key key = new Key(typed, window);
        if (!tallies.containsKey(key) && tallies.size() >= MAX_ACCOUNTS_PER_WINDOW) {
            key = new Key(OVERFLOW_ACCOUNT, window);
        }
        tallies.computeIfAbsent(key, k -> new Tally()).add(reason, address);
    }

    /** Writes the windows that are over. */
    void flushEnded() {
        flush(clock.millis() / windowMillis);
    }

    /** Writes every window, the current one too (at shutdown, and for tests). */
    void flushAll() {
        flush(Long.MAX_VALUE);
    }

    private synchronized void flush(long beforeWindow) {
        List<Key> due = new ArrayList<>();
        for (Key key : tallies.keySet()) {
            if (key.window < beforeWindow) {
                due.add(key);
            }
        }
        due.sort((a, b) -> a.window != b.window ? Long.compare(a.window, b.window) : a.account.compareTo(b.account));
        for (Key key : due) {
            Tally tally = tallies.remove(key);
            if (tally != null) {
                write(key, tally);
            }
        }
    }

    private void write(Key key, Tally tally) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("count", tally.total());
        details.put("reasons", tally.reasons());
        details.put("from", OffsetDateTime.ofInstant(Instant.ofEpochMilli(key.window * windowMillis), BEIJING).toString());
        details.put("to", OffsetDateTime.ofInstant(Instant.ofEpochMilli((key.window + 1) * windowMillis), BEIJING).toString());
        details.put("remoteAddresses", tally.addresses());
        try {
            audit.appendIndependently(AuditEvent.of(key.account, AuditActions.LOGIN_FAILED).details(details));
        } catch (RuntimeException e) {
            // the logins were refused either way; failing to record them must not stop the next windows
            log.error("could not record {} failed logins of {}", tally.total(), key.account, e);
        }
    }

    /** At shutdown: no more scheduled flushes, then what is counted so far is written. */
    @PreDestroy
    void stop() {
        flusher.shutdownNow();
        flushAll();
    }

    private record Key(String account, long window) {}

    private static final class Tally {
        private final Map<String, Integer> reasons = new ConcurrentHashMap<>();
        private final Set<String> addresses = new TreeSet<>();

        void add(String reason, String address) {
            reasons.merge(reason, 1, Integer::sum);
            if (address != null) {
                synchronized (addresses) {
                    if (addresses.size() < MAX_ADDRESSES) {
                        addresses.add(address);
                    }
                }
            }
        }

        int total() {
            return reasons.values().stream().mapToInt(Integer::intValue).sum();
        }

        Map<String, Integer> reasons() {
            return new java.util.TreeMap<>(reasons);
        }

        List<String> addresses() {
            synchronized (addresses) {
                return List.copyOf(addresses);
            }
        }
    }
}

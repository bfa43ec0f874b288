package cn.shequ.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Growing delays after wrong passwords, per account and per address, that end by themselves: no
 * attempt is ever refused for longer than {@link LoginProperties#maxDelay()} after the last failure,
 * and an attempt refused while waiting is not counted (so hammering an account cannot push the wait
 * further out). A right password after the wait logs in and clears the account's count. Kept in
 * memory of this node (ADR 0007): a restart or an administrator's unlock clears it.
 */
@Component
public class LoginThrottle {

    /** How many keys are kept before the forgotten ones are swept out. */
    private static final int SWEEP_ABOVE = 10_000;

    private final LoginProperties properties;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    /** Provider sign-ups (ADR 0035) per address, and in all under {@link #ALL_SIGN_UPS}: kept apart from the failures. */
    private final Map<String, SignUps> signUps = new ConcurrentHashMap<>();
    private static final String ALL_SIGN_UPS = "signup:*";

    @Autowired
    LoginThrottle(LoginProperties properties) {
        this(properties, Clock.systemUTC());
    }

    LoginThrottle(LoginProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** The wait still to be served before this account may try again from this address, if any. */
    public Optional<Duration> waitFor(String userId, String address) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : keys(userId, address)) {
            Failures f = failures.get(key);
            if (f != null && f.blockedUntil.isAfter(now)) {
                Duration left = Duration.between(now, f.blockedUntil);
                longest = left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** Counts a wrong password for the account and the address. */
    public void failed(String userId, String address) {
        Instant now = clock.instant();
        if (failures.size() > SWEEP_ABOVE) {
            sweep(now);
        }
        failures.compute(accountKey(userId), (k, f) -> next(f, now, properties.freeFailures()));
        if (address != null) {
            failures.compute(addressKey(address), (k, f) -> next(f, now, properties.addressFreeFailures()));
        }
    }

    /** A right password: the account's count starts again (the address's does not, it may be shared by attackers). */
    public void succeeded(String userId) {
        failures.remove(accountKey(userId));
    }

    /** An administrator's unlock: the account may try again at once. True when it had failures counted. */
    public boolean unlock(String userId) {
        return failures.remove(accountKey(userId)) != null;
    }

    /** Failures counted for an account now (0 when forgotten). */
    public int failuresOf(String userId) {
        Failures f = failures.get(accountKey(userId));
        return f == null || forgotten(f, clock.instant()) ? 0 : f.count;
    }

    /** Forgets everything (tests, and an administrator's unlock of all). */
    public void clear() {
        failures.clear();
        signUps.clear();
    }

    /** A sign-up refused by the limits: how long until the next one may be tried, and whether it is the first refusal of the window. */
    public record SignUpRefusal(Duration waitFor, boolean firstOfWindow, boolean perAddress) {}

    /**
     * Reserves one provider sign-up for {@code address} (atomically, so two at once cannot both take the last place):
     * empty when reserved, else why not ({@link LoginProperties#signUpsPerAddress()} per address or
     * {@link LoginProperties#signUpsPerWindow()} in all within {@link LoginProperties#signUpWindow()}). A reservation
     * whose sign-up is then refused is given back with {@link #signUpRefused}.
     */
    public Optional<SignUpRefusal> reserveSignUp(String address) {
        Instant now = clock.instant();
        if (signUps.size() > SWEEP_ABOVE) {
            signUps.values().removeIf(s -> !s.until.isAfter(now));
        }
        String key = "signup:" + (address == null ? "?" : address);
        SignUpRefusal[] refused = new SignUpRefusal[1];
        signUps.compute(key, (k, s) -> {
            SignUps current = s == null || !s.until.isAfter(now) ? new SignUps(0, now.plus(properties.signUpWindow()), false) : s;
            if (current.count >= properties.signUpsPerAddress()) {
                refused[0] = new SignUpRefusal(Duration.between(now, current.until), !current.refusalSeen, true);
                return new SignUps(current.count, current.until, true);
            }
            return new SignUps(current.count + 1, current.until, current.refusalSeen);
        });
        if (refused[0] != null) {
            return Optional.of(refused[0]);
        }
        signUps.compute(ALL_SIGN_UPS, (k, s) -> {
            SignUps current = s == null || !s.until.isAfter(now) ? new SignUps(0, now.plus(properties.signUpWindow()), false) : s;
            if (current.count >= properties.signUpsPerWindow()) {
                refused[0] = new SignUpRefusal(Duration.between(now, current.until), !current.refusalSeen, false);
                return new SignUps(current.count, current.until, true);
            }
            return new SignUps(current.count + 1, current.until, current.refusalSeen);
        });
        if (refused[0] != null) {
            release(key);
            return Optional.of(refused[0]);
        }
        return Optional.empty();
    }

    /** The sign-up reserved for {@code address} was refused (bad input, nothing stored): its place is given back. */
    public void signUpRefused(String address) {
        release("signup:" + (address == null ? "?" : address));
        release(ALL_SIGN_UPS);
    }

    private void release(String key) {
        signUps.computeIfPresent(key, (k, s) -> new SignUps(Math.max(0, s.count - 1), s.until, s.refusalSeen));
    }

    private record SignUps(int count, Instant until, boolean refusalSeen) {}

    private Failures next(Failures previous, Instant now, int free) {
        int count = previous == null || forgotten(previous, now) ? 1 : previous.count + 1;
        Instant blockedUntil = now;
        if (count > free) {
            int doublings = Math.min(count - free - 1, 30);
            long millis = properties.firstDelay().toMillis() << doublings;
            if (millis <= 0 || millis > properties.maxDelay().toMillis()) {
                millis = properties.maxDelay().toMillis();
            }
            blockedUntil = now.plusMillis(millis);
        }
        return new Failures(count, now, blockedUntil);
    }

    private boolean forgotten(Failures f, Instant now) {
        return f.last.plus(properties.forgetAfter()).isBefore(now);
    }

    private void sweep(Instant now) {
        failures.values().removeIf(f -> forgotten(f, now) && !f.blockedUntil.isAfter(now));
    }

    private static String[] keys(String userId, String address) {
        return address == null ? new String[] {accountKey(userId)} : new String[] {accountKey(userId), addressKey(address)};
    }

    private static String accountKey(String userId) {
        // MariaDB compares user ids without case: "Admin" is the same account as "admin"
        return "user:" + (userId == null ? "" : userId.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "addr:" + address;
    }

    private record Failures(int count, Instant last, Instant blockedUntil) {}
}

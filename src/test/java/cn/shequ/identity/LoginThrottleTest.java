package cn.shequ.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    static final LoginProperties DEFAULTS = new LoginProperties(5, 30, Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofMinutes(15), Duration.ofMinutes(1), 3, 20, Duration.ofHours(24));

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-06T02:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void pass(Duration d) {
            now = now.plus(d);
        }
    }

    final TestClock clock = new TestClock();
    final LoginThrottle throttle = new LoginThrottle(DEFAULTS, clock);

    @Test
    void fiveFailuresAreFreeThenTheWaitDoublesUpToTheCap() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("street1", "10.0.0.9");
            assertThat(throttle.waitFor("street1", "10.0.0.9")).as("failure " + (i + 1)).isEmpty();
        }
        long[] expected = {1, 2, 4, 8, 16, 30, 30, 30};
        for (long seconds : expected) {
            throttle.failed("street1", "10.0.0.9");
            assertThat(throttle.waitFor("street1", "10.0.0.9")).hasValue(Duration.ofSeconds(seconds));
            clock.pass(Duration.ofSeconds(seconds));
            assertThat(throttle.waitFor("street1", "10.0.0.9")).as("the wait ends by itself").isEmpty();
        }
    }

    @Test
    void theAccountIsThrottledFromEveryAddressAndUpperCaseIsTheSameAccount() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("Admin", "203.0.113." + i);
        }
        assertThat(throttle.waitFor("admin", "127.0.0.1")).isPresent();
        assertThat(throttle.waitFor("ADMIN", null)).isPresent();
        assertThat(throttle.waitFor("street1", "127.0.0.1")).isEmpty();
    }

    @Test
    void anAddressTryingManyAccountsIsThrottledAfterItsOwnAllowance() {
        for (int i = 0; i < 30; i++) {
            throttle.failed("user" + i, "203.0.113.5");
        }
        assertThat(throttle.waitFor("someone", "203.0.113.5")).isEmpty();
        throttle.failed("user31", "203.0.113.5");
        assertThat(throttle.waitFor("someone", "203.0.113.5")).hasValue(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("someone", "198.51.100.1")).isEmpty();
    }

    @Test
    void aRightPasswordOrAnUnlockClearsTheAccountAndOldFailuresAreForgotten() {
        for (int i = 0; i < 7; i++) {
            throttle.failed("finance1", null);
        }
        assertThat(throttle.unlock("finance1")).isTrue();
        assertThat(throttle.waitFor("finance1", null)).isEmpty();
        for (int i = 0; i < 4; i++) {
            throttle.failed("finance1", null);
        }
        throttle.succeeded("finance1");
        assertThat(throttle.failuresOf("finance1")).isZero();
        for (int i = 0; i < 5; i++) {
            throttle.failed("finance1", null);
        }
        clock.pass(Duration.ofMinutes(16));
        throttle.failed("finance1", null);
        assertThat(throttle.failuresOf("finance1")).isEqualTo(1);
        assertThat(throttle.waitFor("finance1", null)).isEmpty();
    }
}

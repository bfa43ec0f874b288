package cn.shequ.identity;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/** A login refused without looking at the password: too many recent failures; says how long to wait. */
public class LoginThrottledException extends LockedException {

    private final long waitSeconds;

    public LoginThrottledException(Duration wait) {
        super("登录失败次数过多，请在 " + seconds(wait) + " 秒后再试 / too many failed logins, try again in "
                + seconds(wait) + " s");
        this.waitSeconds = seconds(wait);
    }

    public long waitSeconds() {
        return waitSeconds;
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}

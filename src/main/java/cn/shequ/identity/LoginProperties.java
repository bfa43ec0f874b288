package cn.shequ.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling (prefix {@code shequ.login}, see docs/security.md): after {@code freeFailures}
 * wrong passwords for one account (or {@code addressFreeFailures} from one address) each further
 * failure makes the next attempt wait {@code firstDelay}, then twice as long, up to {@code maxDelay};
 * the count is forgotten {@code forgetAfter} after the last failure. Refused logins are written to
 * the audit chain as one entry per account and {@code auditWindow}. Provider sign-ups (ADR 0035): at most
 * {@code signUpsPerAddress} from one address and {@code signUpsPerWindow} in all per {@code signUpWindow}.
 */
@ConfigurationProperties("shequ.login")
public record LoginProperties(
        @DefaultValue("5") int freeFailures,
        @DefaultValue("30") int addressFreeFailures,
        @DefaultValue("1s") Duration firstDelay,
        @DefaultValue("30s") Duration maxDelay,
        @DefaultValue("15m") Duration forgetAfter,
        @DefaultValue("1m") Duration auditWindow,
        @DefaultValue("3") int signUpsPerAddress,
        @DefaultValue("20") int signUpsPerWindow,
        @DefaultValue("24h") Duration signUpWindow) {
}

package cn.shequ.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Records every login refused for a wrong user or password (HTTP Basic on /api and /engine-rest,
 * and the login form) as LOGIN_FAILED, in a transaction of its own. The actor is the user id typed;
 * the password is never read.
 */
@Component
class LoginFailureAudit {

    private static final Logger log = LoggerFactory.getLogger(LoginFailureAudit.class);

    private final AuditLog audit;

    LoginFailureAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void loginFailed(AuthenticationFailureBadCredentialsEvent event) {
        Authentication attempt = event.getAuthentication();
        String typed = attempt.getName() == null || attempt.getName().isBlank() ? "(blank)" : attempt.getName();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", "BAD_CREDENTIALS");
        if (typed.length() > 64) {
            details.put("userIdLength", typed.length());
            typed = typed.substring(0, 64);
        }
        if (attempt.getDetails() instanceof WebAuthenticationDetails web) {
            details.put("remoteAddress", web.getRemoteAddress());
        }
        try {
            audit.appendIndependently(AuditEvent.of(typed, AuditActions.LOGIN_FAILED).details(details));
        } catch (RuntimeException e) {
            // the login is refused either way; failing to record it must not turn a 401 into a 500
            log.error("could not record a failed login of {}", typed, e);
        }
    }
}

package cn.shequ.identity;

import cn.shequ.engine.EngineIdentity;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Logs users in against the engine's identity service, the same accounts Tasklist uses; the
 * user's Camunda groups become authorities {@code GROUP_<id>}. Every login path (the login form,
 * HTTP Basic on /api and /engine-rest; the webapps take the same session) passes here, so every one
 * is throttled by {@link LoginThrottle}: while an account or address must wait, the attempt is
 * refused with {@link LoginThrottledException} without looking at the password.
 */
@Component
class EngineAuthenticationProvider implements AuthenticationProvider {

    private final EngineIdentity identity;
    private final LoginThrottle throttle;

    EngineAuthenticationProvider(EngineIdentity identity, LoginThrottle throttle) {
        this.identity = identity;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        // the system's own id is no person's (an account created under it before it was reserved cannot log in)
        if (userId == null || userId.isBlank() || userId.length() > 64 || credentials == null || CurrentUser.isSystem(userId)) {
            throw new BadCredentialsException("用户名或密码错误 / wrong user or password");
        }
        throttle.waitFor(userId, address).ifPresent(wait -> {
            throw new LoginThrottledException(wait);
        });
        Optional<String> verified = identity.verify(userId, credentials.toString());
        if (verified.isEmpty()) {
            throttle.failed(userId, address);
            throw new BadCredentialsException("用户名或密码错误 / wrong user or password");
        }
        String id = verified.get();
        throttle.succeeded(id);
        List<SimpleGrantedAuthority> authorities = identity.groupIdsOf(id).stream()
                .map(Groups::authority).map(SimpleGrantedAuthority::new).toList();
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(id, null, authorities);
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

package cn.shequ.identity;

import cn.shequ.engine.EngineIdentity;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Logs users in against the engine's identity service, the same accounts Tasklist uses; the
 * user's Camunda groups become authorities {@code GROUP_<id>}.
 */
@Component
class EngineAuthenticationProvider implements AuthenticationProvider {

    private final EngineIdentity identity;

    EngineAuthenticationProvider(EngineIdentity identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null
                || !identity.checkPassword(userId, credentials.toString())) {
            throw new BadCredentialsException("用户名或密码错误 / wrong user or password");
        }
        List<SimpleGrantedAuthority> authorities = identity.groupIdsOf(userId).stream()
                .map(Groups::authority).map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

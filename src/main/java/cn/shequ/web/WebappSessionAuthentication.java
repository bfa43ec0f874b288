package cn.shequ.web;

import cn.shequ.identity.Groups;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The Camunda webapps' view of Shequ's login: Camunda's {@code ContainerBasedAuthenticationFilter}
 * (registered for /camunda/* by {@link WebappSingleSignOn}) asks this provider who is logged in, and
 * it answers with the Spring Security principal of the request's session and its groups. Tasklist,
 * Cockpit and Admin thereby use the session of Shequ's login page; their own login form is never
 * needed, and logging out of Shequ logs out of them. Created by Camunda by its class name.
 */
public class WebappSessionAuthentication implements AuthenticationProvider {

    private static final String PREFIX = Groups.authority("");

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(auth.getName());
        List<String> groups = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(PREFIX)).map(a -> a.substring(PREFIX.length())).toList();
        result.setGroups(groups);
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // no challenge: an anonymous browser is sent to /login by Spring Security before it gets here
    }
}

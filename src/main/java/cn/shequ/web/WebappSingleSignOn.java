package cn.shequ.web;

import cn.shequ.identity.LoginThrottledException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import cn.shequ.identity.Groups;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One login for Shequ and the Camunda webapps (ADR 0008). Camunda's ContainerBasedAuthenticationFilter
 * runs on /camunda/* after Spring Security and takes the session's user ({@link WebappSessionAuthentication}).
 * The webapps' own login endpoint (their form appears only after logging out inside a webapp) is
 * routed through Shequ's login ({@link #loginThroughShequ}): the same throttling, the same audit,
 * and a Spring Security session afterwards; only with the webapps' CSRF token of the session, as
 * their own login demands.
 */
@Configuration
class WebappSingleSignOn {

    static final RequestMatcher CAMUNDA_LOGIN =
            PathPatternRequestMatcher.withDefaults().matcher(org.springframework.http.HttpMethod.POST,
                    "/camunda/api/admin/auth/user/{engine}/login/{app}");

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSessionAuthenticationFilter() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", WebappSessionAuthentication.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        // after Spring Security's filter chain (order -100), which has loaded the session's login
        registration.setOrder(101);
        return registration;
    }

    /**
     * The webapps' login form posts username and password here: checked by Shequ's authentication
     * manager (throttled; a refusal is counted in the audit); on success the login is stored in the
     * session as by /login, and the webapp gets the answer Camunda's login gives (user id, its apps).
     */
    static OncePerRequestFilter loginThroughShequ(AuthenticationManager manager, SecurityContextRepository contexts,
                                                  ObjectMapper json, ProcessEngine engine) {
        WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                // without the webapps' CSRF token of this session Camunda's own CSRF filter refuses it (no login CSRF)
                return !CAMUNDA_LOGIN.matches(request) || !SecurityConfig.carriesWebappCsrfToken(request);
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
                        request.getParameter("username"), request.getParameter("password"));
                attempt.setDetails(details.buildDetails(request));
                Authentication user;
                try {
                    user = manager.authenticate(attempt);
                } catch (LoginThrottledException e) {
                    JsonSecurityHandlers.throttled(json, response, e);
                    return;
                } catch (AuthenticationException e) {
                    JsonSecurityHandlers.write(json, response, HttpServletResponse.SC_UNAUTHORIZED,
                            new ApiError("UNAUTHENTICATED", "用户名或密码错误 / wrong user or password"));
                    return;
                }
                if (request.getSession(false) != null) {
                    request.changeSessionId(); // no session fixation
                }
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(user);
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
                // answer as the webapps' own login does (their own would start a session without Shequ's login in it)
                String prefix = Groups.authority("");
                List<String> groups = user.getAuthorities().stream().map(a -> a.getAuthority())
                        .filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).toList();
                UserAuthentication webapp = AuthenticationUtil.createAuthentication(engine, user.getName(), groups, null);
                response.setStatus(HttpServletResponse.SC_OK);
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                json.writeValue(response.getOutputStream(), Map.of("userId", user.getName(),
                        "authorizedApps", List.copyOf(webapp.getAuthorizedApps())));
            }
        };
    }
}

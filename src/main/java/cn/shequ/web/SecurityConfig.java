package cn.shequ.web;

import cn.shequ.engine.EngineIdentity;
import cn.shequ.identity.Groups;
import cn.shequ.identity.LoginThrottledException;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;


/**
 * Who may reach what (docs/security.md). {@code /api/**} and {@code /engine-rest/**} need HTTP Basic
 * or a logged-in session (401/403 as JSON), {@code /public/**} is open, {@code /api/admin/**} and
 * {@code /admin/**} are for the admin group, {@code /audit/**} for the auditor group. Pages send a
 * browser without a session to Shequ's login page {@code /login}; after logging in it returns to the
 * page it came from, or to {@code /}.
 *
 * <p>CSRF: browser sessions carry Spring Security's token on Shequ's paths; a request with HTTP Basic
 * credentials logs in by them alone ({@link HeaderOrSessionContext}) and needs none. On
 * {@code /camunda/**} the webapps' own CSRF filter (double-submit X-XSRF-TOKEN) guards their API, so
 * Spring's is off there; the webapps take the same session ({@link WebappSingleSignOn}).
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    private static final String SIGN_UP_API = "/api/signup/provider";

    private static final RequestMatcher API = new OrRequestMatcher(PATHS.matcher("/api/**"), PATHS.matcher("/engine-rest/**"));

    /** Shequ's own pages: no inline script or style, framed only by Shequ. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /** Stack traces and error details of jobs and external tasks (SQL, class names): administrators only. */
    private static final String[] ENGINE_ERROR_DETAILS = {
            "/job/*/stacktrace", "/external-task/*/errorDetails", "/history/job-log/*/stacktrace",
            "/history/external-task-log/*/error-details"};

    /** Addresses the firewall refuses (before any filter chain) are answered with the error body too. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return JsonSecurityHandlers.rejected(json);
    }

    /**
     * Spring Security's publisher of login events, knowing that a throttled attempt is a refused
     * login too (its mapping is by exact exception class): every refusal reaches the audit.
     */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setAdditionalExceptionMappings(Map.of(LoginThrottledException.class, AuthenticationFailureLockedEvent.class));
        return publisher;
    }

    @Bean
    HeaderOrSessionContext securityContextRepository() {
        return new HeaderOrSessionContext();
    }

    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapps(HttpSecurity http, ObjectMapper json, HeaderOrSessionContext contexts,
                                       AuthenticationConfiguration authentication, ProcessEngine engine) throws Exception {
        AuthenticationManager manager = authentication.getAuthenticationManager();
        HttpSessionRequestCache pages = new HttpSessionRequestCache();
        pages.setRequestMatcher(PATHS.matcher(HttpMethod.GET, "/camunda/app/**"));
        // a path matcher, not an MVC one: /camunda/api/** is served by the webapps' own servlets
        return http.securityMatcher(PATHS.matcher("/camunda/**"))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(engineErrorDetails("/camunda/api/engine/engine/*")).hasAuthority(Groups.authority(Groups.ADMIN))
                        .requestMatchers(PATHS.matcher(HttpMethod.POST, "/camunda/api/engine/engine/*/identity/verify"))
                        .hasAuthority(Groups.authority(Groups.ADMIN))
                        // the pages need a login: a browser without one goes to Shequ's login page
                        .requestMatchers(PATHS.matcher("/camunda/app/**")).authenticated()
                        // the webapps' REST API checks the session's authentication itself (401 without)
                        .anyRequest().permitAll())
                .securityContext(c -> c.securityContextRepository(contexts))
                .csrf(AbstractHttpConfigurer::disable)
                // the webapps send their own security headers (Camunda's HeaderSecurityFilter: CSP, XSS, nosniff)
                .headers(AbstractHttpConfigurer::disable)
                .requestCache(c -> c.requestCache(pages))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                PATHS.matcher("/camunda/app/**"))
                        .defaultAuthenticationEntryPointFor(JsonSecurityHandlers.unauthenticated(json), PATHS.matcher("/**"))
                        .accessDeniedHandler(JsonSecurityHandlers.forbidden(json)))
                // logging out inside a webapp ends the one session (with the webapps' CSRF token, as their API needs)
                .logout(l -> l.logoutRequestMatcher(SecurityConfig::webappLogoutWithToken)
                        .logoutSuccessHandler((request, response, auth) -> response.setStatus(HttpServletResponse.SC_NO_CONTENT)))
                .addFilterBefore(WebappSingleSignOn.loginThroughShequ(manager, contexts, json, engine), LogoutFilter.class)
                // an applicant account (ADR 0035) opens nothing of the webapps
                .addFilterBefore(new ApplicantFence(json), AuthorizationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain shequ(HttpSecurity http, ObjectMapper json, EngineIdentity identity,
                              HeaderOrSessionContext contexts) throws Exception {
        AuthenticationEntryPoint unauthenticated = JsonSecurityHandlers.unauthenticated(json);
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/index.html", "/public/**", "/login", "/error", "/favicon.ico",
                                "/css/**", "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // the public site's charts library, and the API's OpenAPI description with its UI (docs/transparency.md)
                        .requestMatchers(PATHS.matcher(HttpMethod.GET, "/webjars/echarts/**"),
                                PATHS.matcher(HttpMethod.GET, "/v3/api-docs"), PATHS.matcher(HttpMethod.GET, "/v3/api-docs/**"),
                                PATHS.matcher(HttpMethod.GET, "/swagger-ui.html"), PATHS.matcher(HttpMethod.GET, "/swagger-ui/**"))
                        .permitAll()
                        // a provider's self sign-up (ADR 0035): the page, and the API call (JSON only, see the CSRF note below)
                        .requestMatchers(PATHS.matcher("/signup/provider"), PATHS.matcher(HttpMethod.GET, "/signup/provider/done"),
                                PATHS.matcher(HttpMethod.POST, SIGN_UP_API),
                                PATHS.matcher(HttpMethod.GET, "/workbench/workbench.css"),
                                PATHS.matcher(HttpMethod.GET, "/workbench/workbench.js"),
                                PATHS.matcher(HttpMethod.GET, "/workbench/credit-code.js"),
                                PATHS.matcher(HttpMethod.GET, "/webjars/htmx.org/**"))
                        .permitAll()
                        .requestMatchers(engineErrorDetails("/engine-rest")).hasAuthority(Groups.authority(Groups.ADMIN))
                        .requestMatchers(PATHS.matcher(HttpMethod.POST, "/engine-rest/identity/verify"))
                        .hasAuthority(Groups.authority(Groups.ADMIN))
                        .requestMatchers("/api/admin/**", "/admin/**").hasAuthority(Groups.authority(Groups.ADMIN))
                        .requestMatchers("/audit/**").hasAuthority(Groups.authority(Groups.AUDITOR))
                        .anyRequest().authenticated())
                .securityContext(c -> c.securityContextRepository(contexts))
                .httpBasic(b -> b.authenticationEntryPoint(unauthenticated))
                .formLogin(f -> f.loginPage("/login").failureHandler(LoginPage.failureHandler()).defaultSuccessUrl("/"))
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                // the anonymous sign-up API takes only application/json (415 otherwise): a form of another site cannot
                // send it, so it needs no token; the sign-up page carries one like every form
                .csrf(c -> c.ignoringRequestMatchers(HeaderOrSessionContext.BASIC, PATHS.matcher(HttpMethod.POST, SIGN_UP_API)))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(f -> f.sameOrigin()))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(unauthenticated, API)
                        .accessDeniedHandler(JsonSecurityHandlers.csrfAware(json, API, unauthenticated,
                                JsonSecurityHandlers.forbidden(json))))
                .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class)
                // an applicant account (ADR 0035) reaches its own registration only, whatever the endpoint would allow
                .addFilterBefore(new ApplicantFence(json), AuthorizationFilter.class)
                .build();
    }

    private static RequestMatcher engineErrorDetails(String root) {
        RequestMatcher[] matchers = new RequestMatcher[ENGINE_ERROR_DETAILS.length];
        for (int i = 0; i < matchers.length; i++) {
            matchers[i] = PATHS.matcher(HttpMethod.GET, root + ENGINE_ERROR_DETAILS[i]);
        }
        return new OrRequestMatcher(matchers);
    }

    /** POST to a webapp's logout carrying the webapps' CSRF token of this session (so no other site can log a user out). */
    private static boolean webappLogoutWithToken(jakarta.servlet.http.HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && PATHS.matcher("/camunda/api/admin/auth/user/{engine}/logout").matches(request)
                && carriesWebappCsrfToken(request);
    }

    /** The request carries the webapps' CSRF token of its session (their double-submit X-XSRF-TOKEN header). */
    static boolean carriesWebappCsrfToken(jakarta.servlet.http.HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        return token != null && token.equals(request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME));
    }
}

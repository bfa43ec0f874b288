package cn.shequ.web;

import static org.springframework.security.config.Customizer.withDefaults;

import cn.shequ.engine.EngineIdentity;
import cn.shequ.identity.Groups;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;


/**
 * Who may reach what: {@code /api/**} and {@code /engine-rest/**} need HTTP Basic or a logged-in
 * session (401/403 as JSON), {@code /public/**} is open, {@code /api/admin/**} is for the admin
 * group. Browser sessions carry a CSRF token; requests that send their own Authorization header
 * cannot be forged cross-site and need none. The auditor's workspace page {@code /audit/**} is for
 * the auditor group (a browser without a session is sent to the login form). The Camunda webapps
 * at {@code /camunda} keep their own login and CSRF filter.
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    private static final RequestMatcher API = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"));

    /** Addresses the firewall refuses (before any filter chain) are answered with the error body too. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return JsonSecurityHandlers.rejected(json);
    }

    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
        // a path matcher, not an MVC one: /camunda/api/** is served by the webapps' own servlets
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain shequ(HttpSecurity http, ObjectMapper json, EngineIdentity identity) throws Exception {
        AuthenticationEntryPoint unauthenticated = JsonSecurityHandlers.unauthenticated(json);
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/index.html", "/public/**", "/login", "/error", "/favicon.ico",
                                "/css/**", "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/api/admin/**").hasAuthority(Groups.authority(Groups.ADMIN))
                        .requestMatchers("/admin/**").hasAuthority(Groups.authority(Groups.ADMIN))
                        .requestMatchers("/audit/**").hasAuthority(Groups.authority(Groups.AUDITOR))
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(unauthenticated))
                .formLogin(withDefaults())
                .logout(l -> l.logoutSuccessUrl("/"))
                .csrf(c -> c.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(unauthenticated, API)
                        .accessDeniedHandler(JsonSecurityHandlers.forbidden(json)))
                .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class)
                .build();
    }
}

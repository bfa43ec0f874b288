package cn.shequ.web;

import cn.shequ.identity.Groups;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An account that signed itself up and whose organisation civil affairs has not certified yet
 * ({@link Groups#PROVIDER_APPLICANT} without {@link Groups#PROVIDER}, ADR 0035) reaches only its own registration,
 * logging in and out, and the public site: every other door — {@code /api}, the workbench, Tasklist's
 * {@code /camunda/**}, {@code /engine-rest} — answers 403 in Chinese (JSON for the APIs, a page for pages), whatever
 * that door would check after. One list, in front of every chain, rather than a check on each endpoint.
 */
final class ApplicantFence extends OncePerRequestFilter {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    static final String MESSAGE = "本单位尚待区民政部门认证：认证通过之前，注册的账号只能查看本单位的登记和认证状态"
            + "（/signup/provider/status）";

    private static final List<RequestMatcher> OPEN = List.of(
            PATHS.matcher(HttpMethod.GET, "/signup/provider/status"),
            PATHS.matcher(HttpMethod.GET, "/api/signup/provider/me"),
            PATHS.matcher("/signup/provider"), PATHS.matcher(HttpMethod.GET, "/signup/provider/done"),
            PATHS.matcher("/login"), PATHS.matcher("/logout"), PATHS.matcher("/error"),
            PATHS.matcher(HttpMethod.GET, "/"), PATHS.matcher(HttpMethod.GET, "/index.html"),
            PATHS.matcher(HttpMethod.GET, "/public/**"), PATHS.matcher(HttpMethod.GET, "/css/**"),
            PATHS.matcher(HttpMethod.GET, "/favicon.ico"),
            PATHS.matcher(HttpMethod.GET, "/workbench/workbench.css"), PATHS.matcher(HttpMethod.GET, "/workbench/workbench.js"),
            PATHS.matcher(HttpMethod.GET, "/workbench/credit-code.js"), PATHS.matcher(HttpMethod.GET, "/webjars/htmx.org/**"));

    private static final List<RequestMatcher> APIS = List.of(PATHS.matcher("/api/**"), PATHS.matcher("/engine-rest/**"),
            PATHS.matcher("/camunda/api/**"));

    private final ObjectMapper json;

    ApplicantFence(ObjectMapper json) {
        this.json = json;
    }

    /** Whether {@code auth} is an applicant account not yet certified. */
    static boolean applicant(Authentication auth) {
        if (auth == null || !auth.isAuthenticated()) {
            return false;
        }
        boolean applicant = false;
        for (var authority : auth.getAuthorities()) {
            String a = authority.getAuthority();
            if (Groups.authority(Groups.PROVIDER).equals(a)) {
                return false;
            }
            applicant |= Groups.authority(Groups.PROVIDER_APPLICANT).equals(a);
        }
        return applicant;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!applicant(SecurityContextHolder.getContext().getAuthentication())
                || OPEN.stream().anyMatch(m -> m.matches(request))) {
            chain.doFilter(request, response);
            return;
        }
        if (APIS.stream().anyMatch(m -> m.matches(request))) {
            JsonSecurityHandlers.write(json, response, HttpServletResponse.SC_FORBIDDEN, new ApiError("APPLICANT_NOT_CERTIFIED", MESSAGE));
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>尚待认证</title>"
                + "<link rel=\"stylesheet\" href=\"/workbench/workbench.css\"></head><body><main><h1>尚待认证</h1>"
                + "<p class=\"error\" id=\"applicant-refused\">" + MESSAGE + "</p>"
                + "<p><a href=\"/signup/provider/status\">查看本单位的认证状态</a></p></main></body></html>")
                .getBytes(StandardCharsets.UTF_8));
    }
}

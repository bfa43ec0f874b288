package cn.shequ.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import cn.shequ.identity.LoginThrottledException;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** 401, 403 and the firewall's 400 with the JSON error body of API.md. */
final class JsonSecurityHandlers {

    private JsonSecurityHandlers() {}

    static AuthenticationEntryPoint unauthenticated(ObjectMapper json) {
        return (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                throttled(json, response, throttled);
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"Shequ\", charset=\"UTF-8\"");
            write(json, response, HttpServletResponse.SC_UNAUTHORIZED,
                    new ApiError("UNAUTHENTICATED", "请先登录（HTTP Basic 或登录会话）/ login required"));
        };
    }

    /** 429 with Retry-After: the account or address must wait before its next login attempt. */
    static void throttled(ObjectMapper json, HttpServletResponse response, LoginThrottledException e) throws IOException {
        response.setHeader("Retry-After", Long.toString(e.waitSeconds()));
        write(json, response, 429, new ApiError("LOGIN_THROTTLED", e.getMessage()));
    }

    static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, e) -> write(json, response, HttpServletResponse.SC_FORBIDDEN,
                new ApiError("FORBIDDEN", "您所在的用户组无权访问此功能 / your groups may not use this"));
    }

    /**
     * A refused CSRF token: on /api and /engine-rest an anonymous caller gets 401 (log in first; a
     * request that logs in by its own Authorization header needs no token), a logged-in one 403 naming
     * the token; an expired login form is shown again; anything else is {@code otherwise}.
     */
    static AccessDeniedHandler csrfAware(ObjectMapper json, RequestMatcher api, AuthenticationEntryPoint unauthenticated,
                                         AccessDeniedHandler otherwise) {
        return (request, response, e) -> {
            if (!(e instanceof CsrfException)) {
                otherwise.handle(request, response, e);
                return;
            }
            if ("/login".equals(request.getServletPath())) {
                response.sendRedirect(request.getContextPath() + "/login?expired");
                return;
            }
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            boolean anonymous = auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken;
            if (api.matches(request) && anonymous) {
                unauthenticated.commence(request, response, new InsufficientAuthenticationException("no login"));
                return;
            }
            write(json, response, HttpServletResponse.SC_FORBIDDEN, new ApiError("CSRF_TOKEN_INVALID",
                    "缺少或无效的 CSRF 令牌：浏览器会话的修改请求须带 X-CSRF-TOKEN（或请刷新页面）/ missing or invalid CSRF token"));
        };
    }

    /**
     * An address the firewall refuses before any controller sees it (an encoded %, . or /, a backslash, a ;, a //):
     * 400 naming what it found, e.g. {@code /api/projects/SP-2026-%25}.
     */
    static RequestRejectedHandler rejected(ObjectMapper json) {
        return (request, response, e) -> write(json, response, HttpServletResponse.SC_BAD_REQUEST,
                new ApiError("INVALID_PATH", "请求地址含有不允许的字符（如 %25、;、编码的 . / \\）/ the address is not allowed: "
                        + e.getMessage()));
    }

    static void write(ObjectMapper json, HttpServletResponse response, int status, ApiError body)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}

package cn.shequ.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** 401, 403 and the firewall's 400 with the JSON error body of API.md. */
final class JsonSecurityHandlers {

    private JsonSecurityHandlers() {}

    static AuthenticationEntryPoint unauthenticated(ObjectMapper json) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Shequ\", charset=\"UTF-8\"");
            write(json, response, HttpServletResponse.SC_UNAUTHORIZED,
                    new ApiError("UNAUTHENTICATED", "请先登录（HTTP Basic 或登录会话）/ login required"));
        };
    }

    static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, e) -> write(json, response, HttpServletResponse.SC_FORBIDDEN,
                new ApiError("FORBIDDEN", "您所在的用户组无权访问此功能 / your groups may not use this"));
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

    private static void write(ObjectMapper json, HttpServletResponse response, int status, ApiError body)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}

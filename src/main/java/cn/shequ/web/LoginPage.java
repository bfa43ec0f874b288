package cn.shequ.web;

import cn.shequ.identity.LoginThrottledException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The one login page of Shequ (登录), for every page: the workbench, /audit, and Tasklist, Cockpit
 * and Admin, which take the same session. Plain HTML and a style sheet, no script (CSP
 * {@code script-src 'self'}); a refused attempt comes back to it with a Chinese message (wrong user
 * or password; too many attempts and how many seconds to wait) and the user id typed.
 */
@RestController
class LoginPage {

    static final String TYPED_USER = LoginPage.class.getName() + ".user";
    static final String MESSAGE = LoginPage.class.getName() + ".message";

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String typed = take(session, TYPED_USER);
        String message = take(session, MESSAGE);
        String notice = null;
        if (message == null && request.getParameter("error") != null) {
            message = "用户名或密码错误，请重新输入。";
        }
        if (request.getParameter("expired") != null) {
            message = "登录页面已过期（停留时间过长），请重新输入密码。";
        }
        if (request.getParameter("logout") != null) {
            notice = "您已退出登录。";
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        StringBuilder html = new StringBuilder(2048);
        html.append("""
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                  <meta charset="UTF-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>登录 · 社区公共服务</title>
                  <link rel="stylesheet" href="/css/login.css">
                </head>
                <body>
                <main class="login">
                  <h1>社区公共服务项目管理</h1>
                  <p class="sub">请使用您的账户登录。登录一次即可使用工作台、审计工作区和任务清单。</p>
                """);
        if (message != null) {
            html.append("  <p class=\"error\" id=\"login-error\" role=\"alert\">").append(escape(message)).append("</p>\n");
        }
        if (notice != null) {
            html.append("  <p class=\"notice\" id=\"login-notice\">").append(escape(notice)).append("</p>\n");
        }
        html.append("  <form method=\"post\" action=\"/login\">\n");
        if (csrf != null) {
            html.append("    <input type=\"hidden\" name=\"").append(escape(csrf.getParameterName()))
                    .append("\" value=\"").append(escape(csrf.getToken())).append("\">\n");
        }
        html.append("    <label for=\"username\">用户名</label>\n")
                .append("    <input id=\"username\" name=\"username\" type=\"text\" autocomplete=\"username\" required")
                .append(" maxlength=\"64\" autocapitalize=\"none\" spellcheck=\"false\"")
                .append(typed == null ? " autofocus" : " value=\"" + escape(typed) + "\"").append(">\n")
                .append("    <label for=\"password\">密码</label>\n")
                .append("    <input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required")
                .append(typed == null ? "" : " autofocus").append(">\n")
                .append("    <button type=\"submit\">登录</button>\n")
                .append("  </form>\n")
                .append("  <p class=\"help\">忘记密码或账户被暂停？请联系系统管理员。 · <a href=\"/public/\">居务公开（无需登录）</a></p>\n")
                .append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /**
     * {@code GET /api/csrf}: the session's CSRF token for a script of Shequ's own pages that sends a
     * change (header {@code X-CSRF-TOKEN}); another site's script cannot read it (same-origin policy).
     */
    @GetMapping("/api/csrf")
    java.util.Map<String, String> csrf(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return csrf == null ? java.util.Map.of() : java.util.Map.of("headerName", csrf.getHeaderName(), "token", csrf.getToken());
    }

    /** Back to the login page with the message and the user id typed (never the password). */
    static AuthenticationFailureHandler failureHandler() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            HttpSession session = request.getSession();
            String typed = request.getParameter("username");
            if (typed != null) {
                session.setAttribute(TYPED_USER, typed.length() > 64 ? typed.substring(0, 64) : typed);
            }
            session.setAttribute(MESSAGE, e instanceof LoginThrottledException throttled
                    ? "登录失败次数过多，请在 " + throttled.waitSeconds() + " 秒后再试。"
                    : "用户名或密码错误，请重新输入。");
            response.sendRedirect(request.getContextPath() + "/login?error");
        };
    }

    private static String take(HttpSession session, String name) {
        if (session == null) {
            return null;
        }
        Object value = session.getAttribute(name);
        session.removeAttribute(name);
        return value == null ? null : value.toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

}

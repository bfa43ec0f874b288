package cn.shequ.web;

import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.PasswordPolicyRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The password policy at the engine's own doors, before the engine sees the request: creating a
 * user or setting a password through /engine-rest or the Camunda Admin webapp
 * ({@code /camunda/api/engine/engine/{name}/user/...}) with a password that breaks
 * {@link PasswordPolicyRules} answers 400 naming the rule in Chinese (the engine's own policy,
 * cn.shequ.identity.ShequPasswordPolicy, would refuse it too, with an English 500). Creating a user
 * called {@link CurrentUser#SYSTEM}, or giving a user that id by a profile edit, answers 400 naming the id (the engine's rule for user ids refuses it too).
 */
@Configuration
class EnginePasswordPolicyFilter {

    private static final Pattern CREATE = Pattern.compile("^(/engine-rest|/camunda/api/engine/engine/[^/]+)/user/create$");
    private static final Pattern CREDENTIALS =
            Pattern.compile("^(/engine-rest|/camunda/api/engine/engine/[^/]+)/user/([^/]+)/credentials$");
    private static final Pattern PROFILE =
            Pattern.compile("^(/engine-rest|/camunda/api/engine/engine/[^/]+)/user/([^/]+)/profile$");
    private static final int MAX_BODY = 64 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> enginePasswordPolicy(PasswordPolicyRules rules, ObjectMapper json) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter(rules, json));
        registration.addUrlPatterns("/engine-rest/user/*", "/camunda/api/engine/*");
        registration.setOrder(102); // after Spring Security: only a logged-in caller gets this far
        return registration;
    }

    static OncePerRequestFilter filter(PasswordPolicyRules rules, ObjectMapper json) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                Matcher create = CREATE.matcher(path);
                Matcher credentials = CREDENTIALS.matcher(path);
                boolean isCreate = "POST".equals(request.getMethod()) && create.matches();
                boolean isCredentials = "PUT".equals(request.getMethod()) && credentials.matches();
                boolean isProfile = "PUT".equals(request.getMethod()) && PROFILE.matcher(path).matches();
                if (!isCreate && !isCredentials && !isProfile) {
                    chain.doFilter(request, response);
                    return;
                }
                byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
                if (body.length > MAX_BODY) {
                    JsonSecurityHandlers.write(json, response, HttpServletResponse.SC_BAD_REQUEST,
                            new ApiError("INVALID_INPUT", "请求内容过长 / request body too large"));
                    return;
                }
                String userId;
                String password;
                try {
                    JsonNode node = json.readTree(body);
                    if (isProfile) {
                        userId = node.path("id").asText(null); // a profile names the id the account is to have
                        password = null;
                    } else if (isCreate) {
                        userId = node.path("profile").path("id").asText(null);
                        password = node.path("credentials").path("password").asText(null);
                    } else {
                        userId = credentials.group(2);
                        password = node.path("password").asText(null);
                    }
                } catch (IOException e) {
                    userId = null;
                    password = null;
                }
                if ((isCreate || isProfile) && CurrentUser.isSystem(userId)) {
                    JsonSecurityHandlers.write(json, response, HttpServletResponse.SC_BAD_REQUEST,
                            new ApiError("INVALID_INPUT", CurrentUser.SYSTEM_RESERVED, Map.of("id", CurrentUser.SYSTEM_RESERVED)));
                    return;
                }
                if (password != null) {
                    List<PasswordPolicyRules.Violation> broken = rules.check(userId, password);
                    if (!broken.isEmpty()) {
                        String sentence = PasswordPolicyRules.sentence(broken);
                        JsonSecurityHandlers.write(json, response, HttpServletResponse.SC_BAD_REQUEST,
                                new ApiError("PASSWORD_POLICY", sentence, Map.of("password", sentence)));
                        return;
                    }
                }
                chain.doFilter(new BodyReadAgain(request, body), response);
            }
        };
    }
}

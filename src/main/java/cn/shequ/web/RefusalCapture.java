package cn.shequ.web;

import cn.shequ.refusal.Refusal;
import cn.shequ.task.RememberedRefusals;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tasklist completes tasks through the webapps' own engine API, which turns any listener
 * exception into a 500. When a Shequ rule refused the completion (and remembered it, {@link
 * RememberedRefusals}), this filter answers with the rule's status and error body instead (Tasklist shows its message either way); when the task had
 * already been completed or never existed, with 409 or 404 ({@link FailedCompletions}).
 */
@Configuration
public class RefusalCapture {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> webappRefusals(ObjectMapper json, FailedCompletions completions) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (!"POST".equals(request.getMethod())) {
                    chain.doFilter(request, response);
                    return;
                }
                ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
                chain.doFilter(request, buffered);
                Refusal refusal = buffered.getStatus() < 500 ? null
                        : RememberedRefusals.of(request).or(() -> completions.explain(request.getRequestURI())).orElse(null);
                if (refusal != null) {
                    buffered.resetBuffer();
                    buffered.setStatus(HttpRefusal.status(refusal).value());
                    buffered.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    buffered.setCharacterEncoding("UTF-8");
                    json.writeValue(buffered.getOutputStream(), HttpRefusal.body(refusal));
                }
                buffered.copyBodyToResponse();
            }
        });
        registration.addUrlPatterns("/camunda/api/engine/*");
        return registration;
    }
}

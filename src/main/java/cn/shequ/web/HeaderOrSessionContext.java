package cn.shequ.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Where a request's login comes from: a request with HTTP Basic credentials is authenticated by them
 * alone (its session, if a cookie came along, is not looked at and not written), every other request
 * by its session. So a request that skips CSRF because it carries Basic credentials
 * ({@link #BASIC}) is always one that logged in by them: wrong credentials answer 401, they never
 * fall back to a browser session (ADR 0008).
 */
final class HeaderOrSessionContext implements SecurityContextRepository {

    /** A request carrying HTTP Basic credentials of its own. */
    static final RequestMatcher BASIC = request -> {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    };

    private final RequestAttributeSecurityContextRepository perRequest = new RequestAttributeSecurityContextRepository();
    private final SecurityContextRepository sessionOrRequest = new DelegatingSecurityContextRepository(
            perRequest, new HttpSessionSecurityContextRepository());

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        Supplier<SecurityContext> deferred = loadDeferredContext(holder.getRequest());
        SecurityContext context = deferred.get();
        return context == null ? SecurityContextHolder.createEmptyContext() : context;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return BASIC.matches(request) ? perRequest.loadDeferredContext(request) : sessionOrRequest.loadDeferredContext(request);
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        if (BASIC.matches(request)) {
            perRequest.saveContext(context, request, response);
        } else {
            sessionOrRequest.saveContext(context, request, response);
        }
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return !BASIC.matches(request) && sessionOrRequest.containsContext(request);
    }
}

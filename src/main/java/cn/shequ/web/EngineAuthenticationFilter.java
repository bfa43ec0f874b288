package cn.shequ.web;

import cn.shequ.engine.EngineIdentity;
import cn.shequ.identity.Groups;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the logged-in user to the engine for the length of one request, so that the engine
 * checks its authorizations and writes its user operation log for that user; cleared afterwards
 * because servlet threads are pooled.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

    private static final String PREFIX = Groups.authority("");

    private final EngineIdentity identity;

    EngineAuthenticationFilter(EngineIdentity identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        List<String> groups = auth.getAuthorities().stream()
                .map(a -> a.getAuthority())
                .filter(a -> a.startsWith(PREFIX))
                .map(a -> a.substring(PREFIX.length()))
                .toList();
        identity.authenticate(auth.getName(), groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }
}

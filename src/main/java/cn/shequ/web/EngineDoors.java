package cn.shequ.web;

import cn.shequ.engine.TasklistFilters;
import cn.shequ.engine.WebappSessions;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.refusal.Refusal;
import cn.shequ.task.TaskAccess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine's doors, governed in one place (docs/engine-doors.md):
 * <ul>
 * <li>{@code /engine-rest/**} serves administrators and integration accounts ({@link Groups#ENGINE_INTEGRATION})
 *     only; every other user is answered 403 with the error body, naming the rule.</li>
 * <li>Tasklist's engine API ({@code /camunda/api/engine/**}, which the webapps call with their own session)
 *     passes for a user who is no administrator only what Tasklist needs ({@link #TASKLIST}, {@link TasklistDoor}): its shared
 *     filters' lists and counts, a task of the user's own (by the API's rules, {@link TaskAccess}) with its form
 *     and variables, its completion, claim and release, the user's own groups, names and process diagrams.</li>
 * <li>Cockpit and Admin ({@code /camunda/app|api/cockpit|admin}) are for administrators; their pages send
 *     anyone else to Tasklist. The webapps' login ({@code /camunda/api/admin/auth}) stays open.</li>
 * </ul>
 * What passes is checked again inside the engine ({@code cn.shequ.engine.CommandGate}).
 */
@Configuration
class EngineDoors {

    static final String ENGINE_REST = "/engine-rest";
    static final String WEBAPP_ENGINE = "/camunda/api/engine";
    private static final Pattern ENGINE_PATH = Pattern.compile("^/camunda/api/engine/engine(?:/([^/]+)(/.*)?)?/?$");
    private static final Pattern ADMINISTRATION = Pattern.compile("^/camunda/(app|api)/(cockpit|admin)(/.*)?$");
    private static final Set<String> ADMINISTRATORS = Set.of(Groups.ADMIN, Groups.CAMUNDA_ADMIN);

    /** What a Tasklist page is checked for beyond its address. */
    enum Check { NONE, TASK, FILTER, SELF }

    /** One allowed call of Tasklist's engine API: a method and a path below {@code engine/{name}}. */
    record Allowed(String method, Pattern path, Check check) {
        static Allowed of(String method, String path, Check check) {
            // an id is never one of the engine API's own words (GET task/count is a query, not task "count")
            return new Allowed(method, Pattern.compile("^/" + path.replace("{id}", "(?!count(?:/|$)|create(?:/|$))([^/]+)") + "/?$"),
                    check);
        }
    }

    /** What Tasklist needs of its engine API, and nothing more: the allowlist, as data. */
    static final List<Allowed> TASKLIST = List.of(
            Allowed.of("GET", "filter", Check.NONE),
            // Tasklist asks what it may do with filters (create, edit: the engine's own authorization answers) and
            // how many it may read, before it lists them
            Allowed.of("OPTIONS", "filter", Check.NONE),
            Allowed.of("GET", "filter/count", Check.NONE),
            Allowed.of("OPTIONS", "filter/{id}", Check.FILTER),
            Allowed.of("GET", "filter/{id}", Check.FILTER),
            Allowed.of("GET", "filter/{id}/list", Check.FILTER),
            Allowed.of("POST", "filter/{id}/list", Check.FILTER),
            Allowed.of("GET", "filter/{id}/count", Check.FILTER),
            Allowed.of("POST", "filter/{id}/count", Check.FILTER),
            Allowed.of("GET", "task/{id}", Check.TASK),
            Allowed.of("GET", "task/{id}/form", Check.TASK),
            Allowed.of("GET", "task/{id}/rendered-form", Check.TASK),
            Allowed.of("GET", "task/{id}/deployed-form", Check.TASK),
            Allowed.of("GET", "task/{id}/form-variables", Check.TASK),
            Allowed.of("GET", "task/{id}/variables", Check.TASK),
            Allowed.of("GET", "task/{id}/localVariables", Check.TASK),
            Allowed.of("GET", "task/{id}/identity-links", Check.TASK),
            Allowed.of("GET", "task/{id}/comment", Check.TASK),
            Allowed.of("POST", "task/{id}/submit-form", Check.TASK),
            Allowed.of("POST", "task/{id}/complete", Check.TASK),
            Allowed.of("POST", "task/{id}/claim", Check.TASK),
            Allowed.of("POST", "task/{id}/unclaim", Check.TASK),
            Allowed.of("GET", "user/{id}/profile", Check.NONE),
            Allowed.of("GET", "identity/groups", Check.SELF),
            Allowed.of("GET", "group", Check.SELF),
            Allowed.of("GET", "process-definition", Check.NONE),
            Allowed.of("GET", "process-definition/{id}", Check.NONE),
            Allowed.of("GET", "process-definition/{id}/xml", Check.NONE),
            Allowed.of("GET", "process-definition/{id}/diagram", Check.NONE),
            Allowed.of("GET", "version", Check.NONE));

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineDoorsFilter(ObjectMapper json, CurrentUsers users, TaskAccess access,
                                                                  TasklistFilters filters, FailedCompletions completions) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new Doors(json, users, access, filters, completions));
        registration.addUrlPatterns(ENGINE_REST + "/*", "/camunda/*");
        registration.setName("engineDoors");
        return registration;
    }

    /** The entry of {@link #TASKLIST} that lets {@code method} {@code below} (the path below {@code engine/{name}}) pass; null: none. */
    static Allowed allowed(String method, String below) {
        return TASKLIST.stream().filter(a -> a.method().equals(method) && a.path().matcher(below).matches())
                .findFirst().orElse(null);
    }

    static final class Doors extends OncePerRequestFilter {

        private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EngineDoors.class);

        private final ObjectMapper json;
        private final TasklistDoor tasklist;

        Doors(ObjectMapper json, CurrentUsers users, TaskAccess access, TasklistFilters filters, FailedCompletions completions) {
            this.json = json;
            this.tasklist = new TasklistDoor(json, users, access, filters, completions);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length()).replaceAll("/{2,}", "/");
            try {
                HttpServletRequest passed = decide(path, request);
                chain.doFilter(passed, response);
            } catch (Refusal refused) {
                LOG.info("engine door refused {} {} for {}: {} {}", request.getMethod(), path,
                        Optional.ofNullable(request.getUserPrincipal()).map(java.security.Principal::getName).orElse("-"),
                        HttpRefusal.status(refused).value(), refused.getMessage());
                response.setStatus(HttpRefusal.status(refused).value());
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                json.writeValue(response.getOutputStream(), HttpRefusal.body(refused));
            } catch (Redirect redirect) {
                response.sendRedirect(request.getContextPath() + redirect.location);
            }
        }

        /** The request to pass on (its body read for a filter list); throws the refusal. */
        HttpServletRequest decide(String path, HttpServletRequest request) throws IOException {
            if (path.equals(ENGINE_REST) || path.startsWith(ENGINE_REST + "/")) {
                engineRest();
                return request;
            }
            Matcher administration = ADMINISTRATION.matcher(path);
            boolean administrative = administration.matches() && !path.startsWith("/camunda/api/admin/auth/");
            if (!administrative && !path.startsWith(WEBAPP_ENGINE)) {
                return request; // Tasklist's and the welcome page's own files and plugins
            }
            Optional<Caller> caller = webappCaller(request);
            if (caller.isEmpty() || caller.get().administrator()) {
                return request; // the webapps answer a request without their login themselves
            }
            if (administrative) {
                if ("app".equals(administration.group(1))) {
                    throw new Redirect("/camunda/app/tasklist/");
                }
                throw Refusal.forbidden("ADMINISTRATORS_ONLY", "Cockpit 与 Admin 仅供系统管理员使用；办理任务请用工作台或 Tasklist / "
                        + "Cockpit and Admin are for administrators");
            }
            Matcher engine = ENGINE_PATH.matcher(path);
            if (!engine.matches()) {
                throw TasklistDoor.refused(request.getMethod(), path);
            }
            if (engine.group(1) == null || engine.group(2) == null) {
                return request; // the list of engines, or an engine's name
            }
            return tasklist.pass(request, engine.group(2), caller.get());
        }

        private void engineRest() {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
                return; // Spring Security has answered 401 already
            }
            boolean allowed = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .anyMatch(a -> a.equals(Groups.authority(Groups.ADMIN)) || a.equals(Groups.authority(Groups.CAMUNDA_ADMIN))
                            || a.equals(Groups.authority(Groups.ENGINE_INTEGRATION)));
            if (!allowed) {
                throw Refusal.forbidden("ENGINE_REST_CLOSED", "/engine-rest 仅供系统管理员和系统对接账号（用户组 "
                        + Groups.ENGINE_INTEGRATION + "）使用；请通过 /api、工作台或 Tasklist 办理 / /engine-rest is for "
                        + "administrators and integration accounts only: use /api, the workbench or Tasklist");
            }
        }

        static void requireNarrowing(JsonNode query, String where) {
            TasklistDoor.requireNarrowing(query, where);
        }

        private static Optional<Caller> webappCaller(HttpServletRequest request) {
            Optional<Caller> webapp = WebappSessions.user(request)
                    .map(user -> new Caller(user.userId(), user.groupIds().stream().anyMatch(ADMINISTRATORS::contains)));
            if (webapp.isPresent()) {
                return webapp;
            }
            // a login the webapps did not make themselves (one login for the product): Spring's user is the caller
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
                return Optional.empty();
            }
            boolean administrator = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .anyMatch(a -> ADMINISTRATORS.stream().map(Groups::authority).anyMatch(a::equals));
            return Optional.of(new Caller(auth.getName(), administrator));
        }
    }

    record Caller(String userId, boolean administrator) {}

    /** A page of Cockpit or Admin opened by someone who is no administrator: Tasklist instead. */
    static final class Redirect extends RuntimeException {
        final String location;

        Redirect(String location) {
            super(location, null, false, false);
            this.location = location;
        }
    }
}

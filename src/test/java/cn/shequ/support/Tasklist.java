package cn.shequ.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

/**
 * Tasklist as a browser uses it: logged in to the Camunda webapps as one demo user (their login and
 * CSRF token: cookie XSRF-TOKEN, header X-XSRF-TOKEN), calling their own engine API
 * {@code /camunda/api/engine/engine/default}. Paths are given below that root, e.g. {@code /task/{id}/claim}.
 * One session per user and server, made at the first call.
 */
public final class Tasklist {

    public static final String ENGINE = "/camunda/api/engine/engine/default";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Map<String, Tasklist> SESSIONS = new ConcurrentHashMap<>();

    private final HttpClient client;
    private final CookieManager cookies;
    private final String root;

    private Tasklist(String root) {
        this.cookies = new CookieManager();
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
        this.root = root;
    }

    /**
     * The shared session of {@code user}; a new one when the cached session no longer answers as that user
     * (a session another test ended, or one that timed out), so that a test never reads an empty list from a
     * session that was logged out.
     */
    public static Tasklist as(TestRestTemplate http, String user) {
        String root = http.getRootUri();
        return SESSIONS.compute(root + " " + user,
                (key, cached) -> cached != null && cached.isSessionOf(user) ? cached : login(root, user));
    }

    private boolean isSessionOf(String user) {
        ResponseEntity<JsonNode> who = send("GET", "/camunda/api/admin/auth/user/default", null);
        return who.getStatusCode().is2xxSuccessful() && user.equals(who.getBody().path("userId").asText());
    }

    /**
     * A new session of {@code user} (not shared): logged in through Shequ's login form, as a browser is, then
     * Tasklist's page for the webapps' CSRF cookie; the webapps take the user from that one session.
     */
    public static Tasklist login(String root, String user) {
        Tasklist tasklist = new Tasklist(root);
        Matcher field = CSRF_FIELD.matcher(tasklist.page("GET", "/login", null).body());
        assertThat(field.find()).as("the login form's CSRF field").isTrue();
        HttpResponse<String> login = tasklist.page("POST", "/login",
                "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(field.group(1), StandardCharsets.UTF_8));
        assertThat(login.statusCode()).as("login of %s", user).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).as("login of %s", user).doesNotContain("error");
        tasklist.page("GET", "/camunda/app/tasklist/default/", null);
        ResponseEntity<JsonNode> who = tasklist.send("GET", "/camunda/api/admin/auth/user/default", null);
        assertThat(who.getBody().path("userId").asText()).as("Tasklist session of %s: %s", user, who.getBody()).isEqualTo(user);
        return tasklist;
    }

    /** A page as a browser asks for it (HTML, form posts). */
    private HttpResponse<String> page(String method, String address, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + address)).header("Accept", "text/html");
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded").method(method, HttpRequest.BodyPublishers.ofString(form));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + address, e);
        }
    }

    public ResponseEntity<JsonNode> get(String path) {
        return send("GET", ENGINE + path, null);
    }

    public ResponseEntity<JsonNode> post(String path, Object body) {
        return send("POST", ENGINE + path, body == null ? Map.of() : body);
    }

    public ResponseEntity<JsonNode> put(String path, Object body) {
        return send("PUT", ENGINE + path, body == null ? Map.of() : body);
    }

    public ResponseEntity<JsonNode> delete(String path) {
        return send("DELETE", ENGINE + path, null);
    }

    /** Any address of the server in this session (Cockpit, Admin), e.g. {@code /camunda/api/cockpit/...}. */
    public ResponseEntity<JsonNode> call(String method, String address, Object body) {
        return send(method, address, body);
    }

    /** The ids of the tasks the user's Tasklist lists, newest first (at most 1,000 per filter): the shared filters "我的待办" and "本组待办". */
    public Set<String> listedTaskIds() {
        Set<String> ids = new LinkedHashSet<>();
        ResponseEntity<JsonNode> filters = get("/filter?resourceType=Task");
        assertThat(filters.getStatusCode().is2xxSuccessful() && filters.getBody().isArray())
                .as("Tasklist's filters: %s %s", filters.getStatusCode(), filters.getBody()).isTrue();
        assertThat(filters.getBody()).as("the shared filters this user reads").isNotEmpty();
        for (JsonNode filter : filters.getBody()) {
            ResponseEntity<JsonNode> list = post("/filter/" + filter.path("id").asText() + "/list?firstResult=0&maxResults=1000",
                    Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc"))));
            assertThat(list.getStatusCode().is2xxSuccessful())
                    .as("the list of filter %s: %s %s", filter.path("name").asText(), list.getStatusCode(), list.getBody()).isTrue();
            list.getBody().forEach(task -> ids.add(task.path("id").asText()));
        }
        return ids;
    }

    private ResponseEntity<JsonNode> send(String method, String address, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + address)).header("X-XSRF-TOKEN", token())
                    .header("Accept", "application/json");
            if (body instanceof String form) {
                request.header("Content-Type", "application/x-www-form-urlencoded").method(method, HttpRequest.BodyPublishers.ofString(form));
            } else if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = response.body() == null || response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
            } catch (Exception notJson) {
                json = JSON.getNodeFactory().textNode(response.body());
            }
            HttpHeaders headers = new HttpHeaders();
            response.headers().map().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
            return new ResponseEntity<>(json, headers, HttpStatusCode.valueOf(response.statusCode()));
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + address, e);
        }
    }

    private String token() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> "XSRF-TOKEN".equals(c.getName()))
                .map(HttpCookie::getValue).reduce((first, last) -> last).orElse("");
    }
}

package cn.shequ.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's session over plain HTTP, for tests of the server-rendered pages without a real
 * browser: its cookies, pages asked for as HTML, redirects not followed, forms posted with the
 * page's CSRF token. {@link #login} signs in through Shequ's login form as a person would.
 * <p>
 * {@link #get}, {@link #post} and {@link #upload} ask for HTML as a browser does. The methods that
 * take {@code headers} (name, value, name, value…) send no {@code Accept} header unless given one,
 * as a script or an attacker would: {@link #fetch}, {@link #postJson}, {@link #postForm},
 * {@link #send}, {@link #submitLogin}; {@link #raw} sends bytes as they are.
 */
public final class WebSession {

    static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]*)\"|name=\"_csrf\" content=\"([^\"]*)\"");

    private final int port;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    public WebSession(int port) {
        this.port = port;
    }

    /** A session of {@code user} (password {@code demo}), logged in through the login form. */
    public static WebSession login(int port, String user) {
        WebSession session = new WebSession(port);
        String form = session.get("/login").body();
        HttpResponse<String> done = session.post("/login", "username=" + user + "&password=demo&_csrf=" + enc(session.csrf(form)));
        assertThat(done.statusCode()).as("login of " + user).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElse("")).as("login of " + user).doesNotContain("error");
        return session;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", HTML).GET().build());
    }

    /** Posts {@code form}, already URL-encoded ({@link #enc}). */
    public HttpResponse<String> post(String path, String form) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", HTML)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** Posts a multipart form: the text {@code fields} (name, value, name, value…) and one file as {@code file}. */
    public HttpResponse<String> upload(String path, String fileName, byte[] content, String... fields) {
        String boundary = "----shequ" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", HTML)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** A GET with these {@code headers} only (no {@code Accept} unless given). */
    public HttpResponse<String> fetch(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    /** Posts {@code json} with these {@code headers}. */
    public HttpResponse<String> postJson(String path, String json, String... headers) {
        return send("POST", path, json, headers);
    }

    /** Sends {@code json} with any method ({@code PUT}, {@code DELETE}…) and these {@code headers}. */
    public HttpResponse<String> send(String method, String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Posts {@code form}, URL-encoding its names and values, with these {@code headers}. */
    public HttpResponse<String> postForm(String path, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * Posts Shequ's login form (with the token of a freshly loaded /login) as {@code user} with any
     * {@code password}, and returns the answer without judging it (compare {@link #login}).
     */
    public HttpResponse<String> submitLogin(String user, String password, String... headers) {
        return postForm("/login", Map.of("username", user, "password", password, "_csrf", csrf(fetch("/login").body())), headers);
    }

    /** The value of a cookie this session holds (e.g. the webapps' XSRF-TOKEN), or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Sends bytes as they are (no client library to clean them up) and returns the whole answer as text. */
    public static String raw(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The CSRF token of a page (a form's hidden field or the page's meta tag). */
    public String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(120));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

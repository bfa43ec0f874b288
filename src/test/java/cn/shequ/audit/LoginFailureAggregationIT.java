package cn.shequ.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.identity.LoginThrottle;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10, finding 5: 1,000 bad logins in a few seconds wrote 1,000 audit entries. Now they are
 * one entry per account and minute, with the count, and the chain still verifies.
 */
@ShequIT
class LoginFailureAggregationIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LoginFailureAudit loginFailures;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    AuditLog audit;

    @AfterEach
    void forget() {
        throttle.clear();
    }

    @Test
    void aThousandBadLoginsWriteOneEntryPerMinuteWithTheCount() throws Exception {
        loginFailures.flushAll();
        long before = jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) FROM audit_entry", Long.class);
        HttpClient http = HttpClient.newBuilder().build();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        List<Future<?>> runs = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            runs.add(pool.submit(() -> {
                for (int i = 0; i < 250; i++) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me"))
                            .header("Authorization", "Basic " + Base64.getEncoder()
                                    .encodeToString(("civil1:wrong" + i).getBytes(StandardCharsets.UTF_8)))
                            .header("X-Forwarded-For", "198.51.100.99").timeout(Duration.ofSeconds(20)).GET().build();
                    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 401 || status == 429) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        loginFailures.flushAll();

        assertThat(refused).hasValue(1000);
        List<String> details = jdbc.queryForList(
                "SELECT details FROM audit_entry WHERE action = 'LOGIN_FAILED' AND actor = 'civil1' AND seq > ? ORDER BY seq",
                String.class, before);
        long minutes = took.toMinutes() + 2;
        assertThat(details).hasSizeBetween(1, (int) minutes);
        int counted = 0;
        for (String d : details) {
            JsonNode node = JSON.readTree(d);
            counted += node.path("count").asInt();
            assertThat(node.path("remoteAddresses").toString()).contains("198.51.100.99");
            assertThat(d).doesNotContain("wrong");
        }
        assertThat(counted).isEqualTo(1000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE seq > ?", Long.class, before)).isLessThan(minutes + 5);
        assertThat(audit.verify().ok()).isTrue();
        System.out.println("[login-audit] 1000 refused logins in " + took.toMillis() + " ms wrote " + details.size() + " entries");
    }
}

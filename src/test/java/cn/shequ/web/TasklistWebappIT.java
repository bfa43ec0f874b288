package cn.shequ.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist itself: it logs in to the webapps and completes tasks through their own engine API
 * ({@code /camunda/api/engine}), not through /engine-rest. A refused form is answered with the
 * rule's status and error body, and a form sent for a task already completed (a second click, a
 * colleague a moment before) with 409, where the engine alone would answer 500.
 */
@ShequIT
class TasklistWebappIT {

    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRefusedFormAndAFormForACompletedTaskAreAnsweredWithTheirRuleNotA500() throws Exception {
        ProjectScenario scenario = new ProjectScenario(http);
        String code = scenario.submitted(ProjectScenario.proposal("6000.00", "VOLUNTEER", "F2026-CITY", "SELF"));
        String meeting = scenario.openTaskId(code, "record-resident-meeting");
        Tasklist committee2 = Tasklist.login(port, "committee2");

        HttpResponse<String> inconsistent = committee2.submit(meeting, meetingForm(10, 20, 5));
        assertThat(inconsistent.statusCode()).as(inconsistent.body()).isEqualTo(400);
        assertThat(json.readTree(inconsistent.body()).path("fields").has("present")).isTrue();
        assertThat(scenario.status(code)).isEqualTo("AWAITING_MEETING");

        HttpResponse<String> valid = committee2.submit(meeting, meetingForm(10, 6, 4));
        assertThat(valid.statusCode()).as(valid.body()).isBetween(200, 299);
        assertThat(scenario.status(code)).isEqualTo("IN_REVIEW");

        HttpResponse<String> again = committee2.submit(meeting, meetingForm(10, 6, 4));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        JsonNode body = json.readTree(again.body());
        assertThat(body.path("error").asText()).isEqualTo("TASK_ALREADY_COMPLETED");

        HttpResponse<String> unknown = committee2.submit("no-such-task", meetingForm(10, 6, 4));
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
    }

    private static Map<String, Object> meetingForm(int eligible, int present, int yes) {
        return Map.of("variables", Map.of(
                "kind", Map.of("value", "RESIDENTS_MEETING"), "mode", Map.of("value", "ALL_ADULTS"),
                "eligible", Map.of("value", eligible), "present", Map.of("value", present), "yes", Map.of("value", yes),
                "no", Map.of("value", present - yes), "abstain", Map.of("value", 0),
                "heldOn", Map.of("value", "2026-11-20"), "minutes", Map.of("value", "表决记录")));
    }

    /** A browser session in the Camunda webapps: their login and their CSRF token (cookie XSRF-TOKEN, header X-XSRF-TOKEN). */
    private record Tasklist(HttpClient client, CookieManager cookies, String base) {

        static Tasklist login(int port, String user) throws Exception {
            CookieManager cookies = new CookieManager();
            HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
            Tasklist tasklist = new Tasklist(client, cookies, "http://localhost:" + port + "/camunda");
            tasklist.send(HttpRequest.newBuilder(URI.create(tasklist.base + "/app/tasklist/default/")).GET());
            HttpResponse<String> login = tasklist.send(tasklist.withToken(
                    HttpRequest.newBuilder(URI.create(tasklist.base + "/api/admin/auth/user/default/login/tasklist")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")));
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            // the login starts a new session, with a new token: the next page the browser loads brings it
            tasklist.send(HttpRequest.newBuilder(URI.create(tasklist.base + "/api/admin/auth/user/default")).GET());
            return tasklist;
        }

        HttpResponse<String> submit(String taskId, Map<String, Object> form) throws Exception {
            return send(withToken(HttpRequest.newBuilder(URI.create(base + "/api/engine/engine/default/task/" + taskId + "/submit-form")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(form))));
        }

        private HttpRequest.Builder withToken(HttpRequest.Builder request) {
            String token = cookies.getCookieStore().getCookies().stream().filter(c -> "XSRF-TOKEN".equals(c.getName()))
                    .map(HttpCookie::getValue).reduce((first, last) -> last).orElse("");
            return request.header("X-XSRF-TOKEN", token);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}

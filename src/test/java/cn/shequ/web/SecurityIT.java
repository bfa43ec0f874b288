package cn.shequ.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.engine.ShequClock;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Who may reach what, over real HTTP, as the demo users of API.md. */
@ShequIT
class SecurityIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ShequClock clock;

    @Autowired
    HistoryService history;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void anonymousGets401WithTheJsonErrorBodyOnApiAndEngineRest() {
        for (String path : new String[] {"/api/me", "/engine-rest/task", "/api/funds"}) {
            ResponseEntity<JsonNode> response = http.getForEntity(path, JsonNode.class);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(response.getBody().path("error").asText()).as(path).isEqualTo("UNAUTHENTICATED");
            assertThat(response.getBody().path("message").asText()).as(path).isNotBlank();
        }
    }

    @Test
    void wrongPasswordGets401() {
        // expert7 only: a failed login makes the engine delay that user's next attempts
        ResponseEntity<JsonNode> response = http.withBasicAuth("expert7", "wrong").getForEntity("/api/me", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void committeeMemberSeesTheirGroupsAndCommunity() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("committee1", "demo").getForEntity("/api/me", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode me = response.getBody();
        assertThat(me.path("userId").asText()).isEqualTo("committee1");
        assertThat(me.path("name").asText()).isEqualTo("张丽");
        assertThat(me.path("groups")).extracting(JsonNode::asText).containsExactly("committee");
        assertThat(me.path("communityCode").asText()).isEqualTo("C001");
        assertThat(me.path("streetCode").asText()).isEqualTo("S01");
    }

    @Test
    void dualRoleUserHasBothGroupsAndProviderHasAnOrganisation() {
        JsonNode dual = http.withBasicAuth("dual1", "demo").getForObject("/api/me", JsonNode.class);
        assertThat(dual.path("groups")).extracting(JsonNode::asText).containsExactlyInAnyOrder("street-office", "finance");
        JsonNode provider = http.withBasicAuth("provider1", "demo").getForObject("/api/me", JsonNode.class);
        assertThat(provider.path("organisationId").isNumber()).isTrue();
        assertThat(provider.has("communityCode")).isFalse();
    }

    @Test
    void theAdminClockRefusesACommitteeMemberAndChangesNothing() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("committee1", "demo")
                .postForEntity("/api/admin/clock", json(Map.of("now", "2030-01-15T09:00:00+08:00")), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody().path("error").asText()).isEqualTo("FORBIDDEN");
        assertThat(clock.today().getYear()).isLessThan(2030);
    }

    @Test
    void theAdminMovesTheClockThatTheEngineReadsAndResetsIt() {
        ResponseEntity<JsonNode> moved = http.withBasicAuth("admin", "demo")
                .postForEntity("/api/admin/clock", json(Map.of("now", "2027-01-15T09:00:00+08:00")), JsonNode.class);
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(clock.today()).hasToString("2027-01-15");
        assertThat(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant())
                .isBetween(OffsetDateTime.parse("2027-01-15T09:00:00+08:00").toInstant(),
                        OffsetDateTime.parse("2027-01-15T09:05:00+08:00").toInstant());

        ResponseEntity<JsonNode> reset = http.withBasicAuth("admin", "demo")
                .exchange("/api/admin/clock", HttpMethod.DELETE, null, JsonNode.class);
        assertThat(reset.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reset.getBody().path("adjusted").asBoolean()).isFalse();
    }

    @Test
    void aClockWithoutATimeIsRefusedNamingTheField() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("admin", "demo")
                .postForEntity("/api/admin/clock", json(Map.of()), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("fields").has("now")).isTrue();
        ResponseEntity<JsonNode> garbage = http.withBasicAuth("admin", "demo")
                .postForEntity("/api/admin/clock", json(Map.of("now", "next tuesday")), JsonNode.class);
        assertThat(garbage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theEngineChecksAuthorizationsForTheUserOfTheRequest() {
        // /engine-rest is closed to officials (docs/engine-doors.md)
        ResponseEntity<String> byCommittee = http.withBasicAuth("committee1", "demo")
                .postForEntity("/engine-rest/user/create", json(newUser("intruder" + System.nanoTime())), String.class);
        assertThat(byCommittee.getStatusCode()).as(byCommittee.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byCommittee.getBody()).contains("ENGINE_REST_CLOSED");

        ResponseEntity<String> byAdmin = http.withBasicAuth("admin", "demo")
                .postForEntity("/engine-rest/user/create", json(newUser("newcomer" + System.nanoTime())), String.class);
        assertThat(byAdmin.getStatusCode().is2xxSuccessful()).as(byAdmin.getBody()).isTrue();

        // an integration account passes the door, and the engine checks its own grants for it (it holds none)
        String integration = "integration" + System.nanoTime();
        assertThat(http.withBasicAuth("admin", "demo").postForEntity("/engine-rest/user/create", json(newUser(integration)),
                String.class).getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(http.withBasicAuth("admin", "demo").exchange("/engine-rest/group/engine-integration/members/" + integration,
                HttpMethod.PUT, null, String.class).getStatusCode().is2xxSuccessful()).isTrue();
        ResponseEntity<String> byIntegration = http.withBasicAuth(integration, "abcdefghij")
                .postForEntity("/engine-rest/user/create", json(newUser("intruder" + System.nanoTime())), String.class);
        assertThat(byIntegration.getStatusCode()).as(byIntegration.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byIntegration.getBody()).contains("AuthorizationException").contains(integration);
        // the engine's user operation log names the user that Shequ handed to it
        assertThat(history.createUserOperationLogQuery().userId("admin").entityType("User").count()).isPositive();
    }

    @Test
    void aBrowserSessionNeedsTheCsrfTokenWhileBasicAuthDoesNot() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> login = http.postForEntity("/login",
                new HttpEntity<>("username=admin&password=demo", headers), String.class);
        // without the token from the login page the form post is refused: back to the login page, marked expired
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(login.getBody()).contains("登录页面已过期").contains("name=\"password\"");
    }

    @Test
    void publicPagesNeedNoLogin() {
        assertThat(http.getForEntity("/public/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theH2ConsoleIsNotServed() {
        assertThat(http.withBasicAuth("admin", "demo").getForEntity("/h2-console", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static HttpEntity<Map<String, ?>> json(Map<String, ?> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static Map<String, ?> newUser(String id) {
        return Map.of("profile", Map.of("id", id, "firstName", "新", "lastName", "用户"),
                "credentials", Map.of("password", "abcdefghij"));
    }
}

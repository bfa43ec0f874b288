package cn.shequ.transparency;

import static cn.shequ.support.ProjectScenario.stream;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.support.OcdsSchema;
import cn.shequ.support.PurchaseScenario;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Open data without login: /public/ is the residents' entry (no 404), every public table of a
 * community's accounts as CSV, the OCDS release package of all purchases of a year (schema-valid), and
 * the OpenAPI description with its UI — which opens no other door.
 */
@ShequIT
class PublicOpenDataIT {

    @Autowired
    TestRestTemplate http;

    PurchaseScenario purchases;

    @BeforeEach
    void scenario() {
        purchases = new PurchaseScenario(http);
        purchases.moveClock(PurchaseScenario.JUNE_1);
    }

    @AfterEach
    void realTime() {
        purchases.resetClock();
    }

    @Test
    void thePublicEntryAnswersAtItsAddress() {
        ResponseEntity<String> entry = http.getForEntity("/public/", String.class);
        assertThat(entry.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(entry.getBody()).contains("居务公开", "/public/index.js");
        assertThat(http.getForEntity("/public", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(entry.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(http.getForEntity("/webjars/echarts/5.3.1/dist/echarts.min.js", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void everyTableOfTheAccountsDownloadsAsCsvWithTheSameRowsAsTheJson() {
        JsonNode accounts = http.getForObject("/public/communities/C001/accounts?year=2026", JsonNode.class);
        for (OpenDataController.Table table : OpenDataController.Table.values()) {
            ResponseEntity<byte[]> csv = http.getForEntity("/public/communities/C001/accounts/" + table + ".csv?year=2026", byte[].class);
            assertThat(csv.getStatusCode()).as(table.name()).isEqualTo(HttpStatus.OK);
            assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
            assertThat(csv.getHeaders().getContentDisposition().isAttachment()).isTrue();
            String text = new String(csv.getBody(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFF");
            List<String> lines = text.lines().toList();
            int expected = switch (table) {
                case summary -> 1;
                case payments -> accounts.path("spent").path("payments").size();
                case projects -> accounts.path("projects").size();
                case lines -> accounts.path("lines").size();
                case categories -> accounts.path("byCategory").size();
                case quarters -> accounts.path("byQuarter").size();
                case raised -> accounts.path("raisedFunds").size();
                case reconciliation -> accounts.path("reconciliation").path("checks").size();
            };
            assertThat(lines).as(table.name()).hasSize(expected + 1);
        }
        assertThat(new String(http.getForObject("/public/communities/C001/accounts/quarters.csv?year=2026", byte[].class),
                StandardCharsets.UTF_8)).contains("季度,预留（元）,拨付（元）,退回（元）", "2026年第1季度");
        assertThat(http.getForEntity("/public/communities/C001/accounts/secrets.csv", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        String projects = new String(http.getForObject("/public/projects.csv?communityCode=C001", byte[].class), StandardCharsets.UTF_8);
        assertThat(projects).contains("项目编号,项目名称,社区,类别");
        assertThat(projects).doesNotContain("西园社区");
    }

    @Test
    void theOcdsPackageOfAYearHoldsEveryPublishedPurchaseAndIsSchemaValid() {
        String published = purchases.create(PurchaseScenario.requirement("30000.00", "VOLUNTEER")).path("code").asText();
        purchases.publish(published, "2026-06-20T17:00:00+08:00");
        String unpublished = purchases.create(PurchaseScenario.requirement("20000.00", "VOLUNTEER")).path("code").asText();

        JsonNode pack = http.getForObject("/public/ocds?year=2026", JsonNode.class);
        assertThat(OcdsSchema.validate(pack)).isEmpty();
        List<String> ocids = stream(pack.path("releases")).map(r -> r.path("ocid").asText()).distinct().toList();
        assertThat(ocids).anyMatch(o -> o.endsWith("-" + published)).noneMatch(o -> o.endsWith("-" + unpublished));
        assertThat(stream(pack.path("releases")).map(r -> r.path("id").asText()).distinct().count())
                .isEqualTo(pack.path("releases").size());
        assertThat(http.getForObject("/public/ocds?year=2025", JsonNode.class).path("releases")).isEmpty();
        ResponseEntity<JsonNode> bad = http.getForEntity("/public/ocds?year=abc", JsonNode.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().path("fields").has("year")).isTrue();
    }

    @Test
    void theOpenApiDescriptionAndItsUiAreOpenAndOpenNoOtherDoor() {
        ResponseEntity<JsonNode> docs = http.getForEntity("/v3/api-docs", JsonNode.class);
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode paths = docs.getBody().path("paths");
        assertThat(paths.has("/api/communities/{code}/accounts")).isTrue();
        assertThat(paths.has("/api/projects")).isTrue();
        assertThat(paths.has("/public/ocds")).isTrue();
        paths.fieldNames().forEachRemaining(p -> assertThat(p.startsWith("/api/") || p.startsWith("/public/")).as(p).isTrue());
        assertThat(docs.getBody().path("components").path("securitySchemes").has("basic")).isTrue();
        ResponseEntity<String> ui = http.getForEntity("/swagger-ui/index.html", String.class);
        assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/swagger-ui.html", String.class).getStatusCode().is2xxSuccessful()).isTrue();

        // the doors stay shut without a login
        for (String door : List.of("/api/funds", "/api/communities/C001/accounts", "/engine-rest/task", "/api/admin/clock")) {
            assertThat(http.getForEntity(door, String.class).getStatusCode()).as(door).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        // the public pages' libraries are open (the charts here, htmx for the provider sign-up page, ADR 0035);
        // the auditor's workspace script is not: it still sends a browser to the login page
        assertThat(http.getForEntity("/webjars/htmx.org/dist/htmx.min.js", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> workspace = http.getForEntity("/audit/workspace.js", String.class);
        assertThat(String.valueOf(workspace.getHeaders().getContentType())).doesNotContain("javascript");
        assertThat(workspace.getBody()).contains("登录");
        assertThat(http.exchange("/v3/api-docs", HttpMethod.POST, null, String.class).getStatusCode())
                .isNotEqualTo(HttpStatus.OK);
    }
}

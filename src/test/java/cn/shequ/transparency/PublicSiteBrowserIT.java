package cn.shequ.transparency;

import static cn.shequ.support.ProjectScenario.stream;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.support.Browser;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.PurchaseScenario;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A resident opens {@code /public/} in a real browser (Chinese, no login), finds their community, and
 * sees its projects (status, money approved and paid, grade, satisfaction), its accounts and the
 * budget-execution charts drawn by ECharts, each chart's table beside it holding what the API says.
 * Screenshots: target/public-*.png.
 */
@ShequIT
class PublicSiteBrowserIT {

    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;

    ProjectScenario projects;
    PurchaseScenario purchases;

    @BeforeEach
    void scenario() {
        projects = new ProjectScenario(http);
        purchases = new PurchaseScenario(http);
        purchases.moveClock(PurchaseScenario.JUNE_1);
    }

    @AfterEach
    void realTime() {
        purchases.resetClock();
    }

    @Test
    void aResidentFindsTheirCommunityAndSeesItsProjectsAccountsAndChartsInChinese() throws Exception {
        // a project delivered and graded in C001: reserved, both milestones paid, accepted
        String code = projects.submitted(ProjectScenario.proposal("8000.00", "ELDERLY_CARE", "F2026-CITY", "SELF"));
        projects.meet(code, ProjectScenario.meeting(100, 51, 26, "2026-05-28"));
        projects.approve(code);
        projects.payMilestone(code, 1);
        projects.payMilestone(code, 2);
        projects.complete("committee1", code, Tasks.FINAL_ACCEPTANCE, Map.of("respondents", 40, "satisfied", 36,
                "scores", Map.of("budgetExecution", 9, "outputs", 45, "outcomes", 27, "satisfaction", 9)));
        JsonNode accounts = http.getForObject("/public/communities/C001/accounts?year=2026", JsonNode.class);
        // and rated by a residents' meeting (民主评议): 30 满意, 12 基本满意, 8 不满意 of 51 present
        assertThat(cn.shequ.support.Api.as(http, "committee1").post("/api/communities/C001/democratic-evaluations",
                DemocraticEvaluationIT.evaluation("RESIDENTS_MEETING", 100, 51,
                        List.of(DemocraticEvaluationIT.rating("PROJECT", code, 30, 12, 8)))).getStatusCode().value()).isEqualTo(201);

        try (Browser browser = Browser.open("public", 1280, 2400)) {
            browser.driver().get("http://localhost:" + port + "/public/?community=C001&year=2026");
            browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("community-view")));
            browser.await().until(d -> d.findElement(By.id("chart-category")).getAttribute("data-rendered") != null
                    && d.findElement(By.id("chart-quarter")).getAttribute("data-rendered") != null);

            String page = browser.body();
            assertThat(page).contains("居务公开", "金霞街道办事处", "东湖社区", "社区服务收支", "预算执行（按服务类别）",
                    "预算执行（按季度）", "对账结果");
            assertThat(page).doesNotContain("undefined", "null", "NaN", "加载失败");
            // the project as residents see it: status in Chinese, money approved and paid, grade, satisfaction
            WebElement row = browser.driver().findElement(By.xpath("//tbody[@id='projects']/tr[td[1]='" + code + "']"));
            List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
            assertThat(cells.get(3)).isEqualTo("审计中");
            // amounts printed with thousands separators, as everywhere in Shequ
            assertThat(cells.get(4)).isEqualTo("8,000.00");
            assertThat(cells.get(5)).isEqualTo("8,000.00");
            assertThat(cells.get(7)).isEqualTo("优");
            assertThat(cells.get(8)).isEqualTo("36/40（90%）");

            // charts drawn by ECharts (a canvas each), and their tables hold the API's figures
            for (String chart : List.of("chart-category", "chart-quarter")) {
                assertThat(browser.driver().findElements(By.cssSelector("#" + chart + " canvas"))).as(chart).isNotEmpty();
                Object drawn = ((JavascriptExecutor) browser.driver()).executeScript(
                        "return echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption().series[1].data.length", chart);
                assertThat(((Number) drawn).intValue()).as(chart).isPositive();
            }
            assertThat(table(browser, "categories")).isEqualTo(rows(accounts.path("byCategory")));
            assertThat(table(browser, "quarters")).isEqualTo(rows(accounts.path("byQuarter")));
            assertThat(table(browser, "quarters")).hasSize(4);
            assertThat(table(browser, "summary")).extracting(r -> r.get(1)).containsExactly(
                    yuan(accounts.path("received").path("reservedForProjects")),
                    yuan(accounts.path("received").path("raisedFromResidents")),
                    yuan(accounts.path("received").path("total")), yuan(accounts.path("spent").path("disbursed")),
                    yuan(accounts.path("released")), yuan(accounts.path("reservedNotPaid")));
            browser.screenshot("community");
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('chart-category').scrollIntoView()");
            browser.screenshot("charts");

            // another community: chosen from the list, its own (different) accounts
            new Select(browser.driver().findElement(By.id("community"))).selectByVisibleText("西园社区");
            browser.await().until(d -> d.getCurrentUrl().contains("community=C002"));
            browser.await().until(d -> d.findElement(By.id("community-title")).getText().contains("西园社区"));
            browser.await().until(d -> d.findElements(By.xpath("//tbody[@id='projects']/tr[td[1]='" + code + "']")).isEmpty());
            browser.screenshot("other-community");

            // the residents' meeting's evaluation on C001's page, and the assessment of departments with its chart
            browser.driver().get("http://localhost:" + port + "/public/?community=C001&year=2026");
            browser.await().until(d -> !d.findElements(By.xpath("//tbody[@id='evaluations']/tr[td[8]='84.0%']")).isEmpty());
            assertThat(browser.driver().findElement(By.xpath("//tbody[@id='evaluations']/tr[td[8]='84.0%']")).getText())
                    .contains("2026-05-30", "居民会议", "51/100", "30", "12", "8");
            browser.click(browser.driver().findElement(By.id("link-assessment")));
            browser.await().until(d -> d.findElement(By.id("chart-timeliness")).getAttribute("data-rendered") != null);
            JsonNode assessment = http.getForObject("/public/assessment?year=2026", JsonNode.class);
            assertThat(browser.driver().findElements(By.cssSelector("#chart-timeliness canvas"))).isNotEmpty();
            assertThat(table(browser, "timeliness")).isEqualTo(stream(assessment).map(d -> List.of(d.path("name").asText(),
                    d.path("reviewsOnTime").asText(), d.path("reviewsOverdue").asText(), d.path("paymentsOnTime").asText(),
                    d.path("paymentsLate").asText())).toList());
            Object drawn = ((JavascriptExecutor) browser.driver()).executeScript(
                    "return echarts.getInstanceByDom(document.getElementById('chart-timeliness')).getOption().series[0].data");
            assertThat(((List<?>) drawn).stream().map(String::valueOf).toList())
                    .isEqualTo(stream(assessment).map(d -> d.path("reviewsOnTime").asText()).toList());
            String street = stream(assessment).filter(d -> d.path("department").asText().equals("S01")).findFirst().orElseThrow()
                    .path("servicesRate").asText();
            assertThat(browser.driver().findElement(By.xpath("//tbody[@id='assessment']/tr[td[1]='金霞街道办事处']")).getText())
                    .contains(street);
            assertThat(browser.body()).contains("部门考评", "奖优罚劣").doesNotContain("undefined", "null", "NaN", "加载失败");
            assertThat(browser.driver().findElement(By.id("csv-assessment")).getAttribute("href")).endsWith("/public/assessment.csv?year=2026");
            browser.screenshot("assessment");

            // the OpenAPI UI loads under the same content security policy (no inline script) and shows Shequ's API
            browser.driver().get("http://localhost:" + port + "/swagger-ui/index.html");
            browser.await().until(d -> !d.findElements(By.cssSelector(".swagger-ui .info .title")).isEmpty()
                    && d.findElement(By.cssSelector(".swagger-ui .info .title")).getText().contains("Shequ"));
            browser.await().until(d -> d.findElement(By.tagName("body")).getText().contains("/api/communities/{code}/accounts"));
            browser.screenshot("openapi");
        }
    }

    private static List<List<String>> table(Browser browser, String bodyId) {
        return browser.driver().findElements(By.cssSelector("#" + bodyId + " tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
    }

    private static List<List<String>> rows(JsonNode execution) {
        return stream(execution).map(r -> List.of(r.path("label").asText(), yuan(r.path("reserved")),
                yuan(r.path("disbursed")), yuan(r.path("released")))).toList();
    }

    /** The API's "12345.67" as the page prints it: 12,345.67. */
    private static String yuan(JsonNode amount) {
        return cn.shequ.document.Amounts.format(new java.math.BigDecimal(amount.asText()));
    }
}

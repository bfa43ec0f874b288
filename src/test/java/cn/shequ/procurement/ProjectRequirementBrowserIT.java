package cn.shequ.procurement;

import static cn.shequ.support.PurchaseScenario.JUNE_1;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.fund.FundLedger;
import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.support.Browser;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.PurchaseScenario;
import cn.shequ.support.ShequIT;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * street1 states the requirement of a service project's purchase only by clicking: from 我的待办 to
 * the task page with the project's dossier, the purchase's budget and the method the rules pick
 * (loaded by htmx), a 37-month term refused beside its field, then saved onto the purchase's page.
 * Screenshots target/requirement-*.png. The project is paid from a fund of this test's own.
 */
@ShequIT
class ProjectRequirementBrowserIT {

    static final String FUND = "F2026-IT-REQBROWSER";

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    FundLedger funds;

    ProjectScenario projects;
    PurchaseScenario purchases;

    @BeforeEach
    void scenario() {
        projects = new ProjectScenario(http);
        purchases = new PurchaseScenario(http);
        purchases.moveClock(JUNE_1);
        if (funds.find(FUND).isEmpty()) {
            funds.open(FUND, "需求页面浏览器测试资金", "区财政预算", 2026, null, new BigDecimal("100000.00"), List.of(), "system");
        }
    }

    @AfterEach
    void realTime() {
        purchases.resetClock();
    }

    @Test
    void street1StatesAProjectsRequirementByClicking() throws IOException {
        String project = projects.submitted(ProjectScenario.proposal("20000.00", "CULTURE_EDU_SPORTS", FUND, "PURCHASE"));
        projects.meet(project, ProjectScenario.meeting(100, 51, 26, "2026-05-28"));
        projects.approve(project);
        String code = projects.project(project).path("procurementCode").asText();
        String taskId = ProjectScenario.stream(projects.tasks("street1"))
                .filter(t -> PurchaseProcess.Tasks.DEFINE_REQUIREMENT.equals(t.path("key").asText())
                        && code.equals(t.path("procurementCode").asText()))
                .map(t -> t.path("id").asText()).findFirst().orElseThrow();

        try (Browser browser = Browser.open("requirement", 1280, 2000)) {
            WebDriver driver = browser.driver();
            browser.login("http://localhost:" + port + "/workbench/", "street1");

            // from 我的待办 to the task page: the project's dossier, the budget and the method the rules pick
            // (the home list shows the oldest 200 tasks: after a whole suite's run street1's may be further down;
            // then the purchase's own address, which leads to the same task page)
            List<WebElement> links = driver.findElements(By.cssSelector("a.task-link[href$='/workbench/tasks/" + taskId + "']"));
            if (links.isEmpty()) {
                driver.get("http://localhost:" + port + "/workbench/purchases/" + code);
            } else {
                browser.click(links.get(0));
            }
            browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("method-name"), "小额采购"));
            assertThat(driver.findElement(By.id("purchase-amount")).getText()).isEqualTo("¥20,000.00");
            assertThat(driver.findElement(By.id("purchase-budget")).getText()).contains("文化教育体育", "不重复预留");
            assertThat(browser.body()).contains(project, "餐费补贴", "102号令第五、六条").doesNotContain("任务清单");
            browser.screenshot("dossier");

            // a term of 37 months: refused beside its field, what was typed kept
            driver.findElement(By.id("f-title")).sendKeys("文体活动服务采购（工作台）");
            driver.findElement(By.id("f-termMonths")).sendKeys("37");
            driver.findElement(By.id("f-priceWeight")).sendKeys("20");
            browser.click(driver.findElement(By.id("complete")));
            WebElement refused = browser.await().until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-field=termMonths] .field-error")));
            assertThat(refused.getText()).contains("102号令第二十四条");
            assertThat(driver.findElement(By.id("f-title")).getAttribute("value")).isEqualTo("文体活动服务采购（工作台）");
            assertThat(browser.body()).doesNotContain("Exception", "/ the");
            assertThat(purchases.procurement(code).path("status").asText()).isEqualTo("AWAITING_REQUIREMENT");
            browser.screenshot("refused");

            // six months: saved, on the purchase's page with its next step
            WebElement term = driver.findElement(By.id("f-termMonths"));
            term.clear();
            term.sendKeys("6");
            browser.click(driver.findElement(By.id("complete")));
            browser.await().until(ExpectedConditions.urlContains("/workbench/purchases/" + code));
            browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "发布采购公告"));
            assertThat(browser.body()).contains("文体活动服务采购（工作台）");
            browser.screenshot("saved");
        }
        assertThat(purchases.procurement(code).path("method").asText()).isEqualTo("SMALL_PURCHASE");
        assertThat(purchases.procurement(code).path("termMonths").asInt()).isEqualTo(6);
    }
}

package cn.shequ.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.project.ServiceProjectProcess;
import cn.shequ.support.Browser;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import cn.shequ.support.WithBrowser;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist as finance1 sees it in a real headless browser (Debian's chromium and chromium-driver;
 * skipped, loudly, without them), on Beijing time: the login page and the task list in Chinese, no
 * migrate-to-Camunda-8 banner, the payment task named after its project, milestone and amount,
 * its form showing the milestone and what approving pays; finance1 signs for it (签收), approves and
 * submits, and the milestone is paid. Screenshots in target/tasklist-*.png.
 */
@ShequIT
class TasklistBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @WithBrowser(prefix = "tasklist", width = 1440, height = 1100)
    Browser window;
    WebDriver browser;

    @Test
    void finance1ApprovesAMilestonePaymentInChineseTasklistWithTheAmountOnTheScreen() throws IOException {
        ProjectScenario scenario = new ProjectScenario(http);
        String code = scenario.inReview(ProjectScenario.proposal("20000.00", "VOLUNTEER", "F2026-CITY", "SELF"));
        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, Map.of("decision", "APPROVE", "comment", "同意"));
        scenario.complete("finance2", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW, Map.of("decision", "APPROVE"));
        scenario.reportAndAccept(code, 1);
        String taskName = "财政审批拨付 · " + code + " 东湖社区长者助餐服务 · 第1期 ¥8,000.00";
        WebDriverWait wait = window.await();

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        // one login for the product: Tasklist sends a browser without a session to Shequ's Chinese login page
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.findElement(By.cssSelector("button[type=submit]")).getText()).contains("登录");
        assertThat(body()).doesNotContain("Camunda 8", "Log in", "Please sign in");
        window.screenshot("login");
        user.sendKeys("finance1");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));

        try {
            new WebDriverWait(browser, java.time.Duration.ofSeconds(120))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "本组待办"));
        } catch (org.openqa.selenium.TimeoutException stillLoading) {
            // on a starved build machine Tasklist's few MB of scripts once never finished loading (a spinner, no
            // request refused, no server error): a person would reload the page, and so does the test, once
            window.screenshot("stalled");
            browser.navigate().refresh();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "本组待办"));
        }
        browser.findElement(By.xpath("//*[contains(@class,'filters')]//*[normalize-space(text())='本组待办']")).click();
        By listed = By.xpath("//*[contains(@class,'tasks-list')]//*[normalize-space(text())='" + taskName + "']");
        wait.until(ExpectedConditions.elementToBeClickable(listed));
        assertThat(body()).contains("黄磊").doesNotContain("磊 黄", "Camunda 8", "migrate", "Claim", "Created")
                .doesNotContain("全部任务"); // the administrators' filter, which the engine doors would refuse to list
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")))
                .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
        window.screenshot("list");

        // the filter refreshes itself: find the entry again until a click lands
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(b -> {
            b.findElement(listed).click();
            return true;
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "本期里程碑"));
        assertThat(body()).contains("第1期 服务启动", "¥8,000.00", "拨付 ¥8,000.00", "F2026-CITY", "项目金额：¥20,000.00",
                "餐费补贴 ¥12,000.00", "居民会议：通过", "付款期限 30 日");
        window.screenshot("task");

        browser.findElement(By.xpath("//button[normalize-space(.)='签收'] | //a[normalize-space(.)='签收']")).click();
        WebElement approve = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//label[contains(normalize-space(.),'同意拨付')]")));
        click(approve);
        window.screenshot("filled");
        click(browser.findElement(By.xpath("//button[normalize-space(.)='提交']")));
        // the task leaves the form and the lists; Tasklist asks for the next one
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "请在列表中选择一项任务"));
        assertThat(browser.findElements(By.xpath("//*[normalize-space(text())='" + taskName + "']"))).isEmpty();
        window.screenshot("completed");

        scenario.awaitPaid(code, 1);
        assertThat(scenario.task("finance1", code, ServiceProjectProcess.Tasks.APPROVE_PAYMENT)).isEmpty();
    }

    private void click(WebElement element) {
        window.click(element);
    }

    private String body() {
        return window.body();
    }
}

package cn.shequ.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.project.ServiceProjectProcess;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.Browser;
import cn.shequ.support.ShequIT;
import cn.shequ.support.WithBrowser;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
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
 * The auditor's workspace in a real headless browser (Debian's chromium and chromium-driver, which
 * .ci/run installs): an auditor opens /audit/, is sent to the login form, logs in, searches a
 * project made through the API, opens it and reads its timeline, looks at the anomaly rules and a
 * fund's ledger, and switches to English. Leaves screenshots in target/ (auditor-workspace-*.png). Without chromium or chromedriver the test is
 * skipped, loudly.
 */
@ShequIT
class AuditorWorkspaceBrowserIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @WithBrowser(prefix = "auditor-workspace", width = 1440, height = 2000)
    Browser window;
    WebDriver browser;

    @Test
    void anAuditorLogsInFindsAProjectAndReadsItsTimeline() throws IOException {
        ProjectScenario scenario = new ProjectScenario(http);
        String code = scenario.inReview(ProjectScenario.proposal("8000.00", "ELDERLY_CARE", "F2026-CITY", "SELF"));
        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, Map.of("decision", "APPROVE", "comment", "同意立项"));
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);

        browser.get("http://localhost:" + port + "/audit/");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("auditor1");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(ExpectedConditions.urlContains("/audit/"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("me"), "auditor1"));
        browser.findElement(By.id("q-code")).sendKeys(code);
        browser.findElement(By.id("q-submit")).click();
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.linkText(code)));
        assertThat(browser.findElements(By.cssSelector("a.project-link"))).extracting(WebElement::getText).containsExactly(code);
        link.click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline tr.entry")));
        List<String> actions = browser.findElements(By.cssSelector("#timeline tr.entry")).stream()
                .map(row -> row.getAttribute("data-action")).toList();
        assertThat(actions).containsSubsequence("PROJECT_CREATED", "TASK_COMPLETED", "TASK_COMPLETED", "TASK_COMPLETED");
        String timeline = browser.findElement(By.id("timeline")).getText();
        assertThat(timeline).contains("PROJECT_CREATED").contains("编制项目报告书").contains("张丽").contains("同意立项")
                .contains(ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW);
        assertThat(browser.findElement(By.id("open-tasks")).getText()).contains(ServiceProjectProcess.Tasks.FINANCE_REVIEW);
        assertThat(browser.findElement(By.id("documents")).getText()).contains("项目报告书");
        assertThat(browser.findElement(By.id("timeline-csv")).getAttribute("href"))
                .endsWith("/api/audit/projects/" + code + "/timeline?format=csv");
        window.screenshot("zh");

        browser.findElement(By.cssSelector("nav a[data-tab=anomalies]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rule-list tbody tr")));
        assertThat(browser.findElement(By.id("rule-list")).getText()).contains("SEGREGATION_OF_DUTIES").contains("运行中")
                .contains("SPLIT_PURCHASE").contains("政府采购法第二十八条");
        window.screenshot("anomalies");

        browser.get("http://localhost:" + port + "/audit/#/funds/F2026-CITY");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#fund-ledger tbody tr")));
        assertThat(browser.findElement(By.id("fund-ledger")).getText()).contains("下达").contains("500,000.00");
        window.screenshot("ledger");

        browser.get("http://localhost:" + port + "/audit/#/project/" + code);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline tr.entry")));
        browser.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("project"), "Timeline"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline tr.entry")));
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("project created").contains("PROJECT_CREATED");
        window.screenshot("en");
        browser.findElement(By.id("lang")).click(); // leave the browser profile's choice as it was: Chinese
    }
}

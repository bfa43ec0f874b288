package cn.shequ.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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

    static final Path CHROMIUM = Path.of(System.getProperty("shequ.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("shequ.chromedriver", "/usr/bin/chromedriver"));
    /** Tasklist loads a few MB of scripts: generous on a shared, busy build machine. */
    static final Duration PATIENCE = Duration.ofSeconds(240);

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    WebDriver browser;
    Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            System.err.println("""

                    ****************************************************************************
                    *  TASKLIST BROWSER TEST SKIPPED: no %s or no %s
                    *  Install them with: apt-get install -y chromium chromium-driver
                    ****************************************************************************
                    """.formatted(CHROMIUM, CHROMEDRIVER));
        }
        assumeTrue(present, "SKIPPED: no headless browser (" + CHROMIUM + ", " + CHROMEDRIVER
                + "); apt-get install -y chromium chromium-driver");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("shequ-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1440,1100", "--lang=zh-CN", "--accept-lang=zh-CN,zh");
        // an office PC in China: the webapps show dates in the browser's zone
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .withEnvironment(Map.of("TZ", "Asia/Shanghai")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void quit() throws IOException {
        if (browser != null) {
            screenshot("tasklist-last.png");
            System.out.println("[browser] page text:\n" + browser.findElement(By.tagName("body")).getText());
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void finance1ApprovesAMilestonePaymentInChineseTasklistWithTheAmountOnTheScreen() throws IOException {
        ProjectScenario scenario = new ProjectScenario(http);
        String code = scenario.inReview(ProjectScenario.proposal("20000.00", "VOLUNTEER", "F2026-CITY", "SELF"));
        scenario.complete("street1", code, "street-office-review", Map.of("decision", "APPROVE", "comment", "同意"));
        scenario.complete("finance2", code, "finance-review", Map.of("decision", "APPROVE"));
        scenario.reportAndAccept(code, 1);
        String taskName = "财政审批拨付 · " + code + " 东湖社区长者助餐服务 · 第1期 ¥8,000.00";
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        // one login for the product: Tasklist sends a browser without a session to Shequ's Chinese login page
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.findElement(By.cssSelector("button[type=submit]")).getText()).contains("登录");
        assertThat(body()).doesNotContain("Camunda 8", "Log in", "Please sign in");
        screenshot("tasklist-login.png");
        user.sendKeys("finance1");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "本组待办"));
        browser.findElement(By.xpath("//*[contains(@class,'filters')]//*[normalize-space(text())='本组待办']")).click();
        By listed = By.xpath("//*[contains(@class,'tasks-list')]//*[normalize-space(text())='" + taskName + "']");
        wait.until(ExpectedConditions.elementToBeClickable(listed));
        assertThat(body()).contains("黄磊").doesNotContain("磊 黄", "Camunda 8", "migrate", "Claim", "Created");
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")))
                .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
        screenshot("tasklist-list.png");

        // the filter refreshes itself: find the entry again until a click lands
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(b -> {
            b.findElement(listed).click();
            return true;
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "本期里程碑"));
        assertThat(body()).contains("第1期 服务启动", "¥8,000.00", "拨付 ¥8,000.00", "F2026-CITY", "项目金额：¥20,000.00",
                "餐费补贴 ¥12,000.00", "居民会议：通过", "付款期限 30 日");
        screenshot("tasklist-task.png");

        browser.findElement(By.xpath("//button[normalize-space(.)='签收'] | //a[normalize-space(.)='签收']")).click();
        WebElement approve = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//label[contains(normalize-space(.),'同意拨付')]")));
        click(approve);
        screenshot("tasklist-filled.png");
        click(browser.findElement(By.xpath("//button[normalize-space(.)='提交']")));
        // the task leaves the form and the lists; Tasklist asks for the next one
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "请在列表中选择一项任务"));
        assertThat(browser.findElements(By.xpath("//*[normalize-space(text())='" + taskName + "']"))).isEmpty();
        screenshot("tasklist-completed.png");

        scenario.awaitPaid(code, 1);
        assertThat(scenario.task("finance1", code, "approve-payment")).isEmpty();
    }

    /**
     * Clicks {@code element} as the page's script sees a click (Tasklist's fixed footer and the form's
     * scrolling pane make a pointer click at its coordinates land on something else).
     */
    private void click(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    private String body() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
                StandardCopyOption.REPLACE_EXISTING);
        System.out.println("[browser] screenshot " + target.toAbsolutePath());
    }
}

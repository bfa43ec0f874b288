package cn.shequ.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.identity.LoginThrottle;
import cn.shequ.support.Browser;
import cn.shequ.support.ShequIT;
import cn.shequ.support.WithBrowser;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One Chinese login for the whole product, in a real headless browser (Debian's chromium, as
 * AuditorWorkspaceBrowserIT): on a 375-pixel phone an auditor opening /audit/ meets Shequ's login
 * page, types a wrong password and reads why in Chinese with the user id kept, logs in, reaches
 * /audit/, then opens Tasklist without a second login (the webapps take the same session); the
 * browser reports no CSP violation. Screenshots in target/login-*.png.
 */
@ShequIT
class LoginBrowserIT {

    static final Duration PATIENCE = Duration.ofSeconds(40);

    @LocalServerPort
    int port;

    @Autowired
    LoginThrottle throttle;

    @WithBrowser(prefix = "login", width = 375, height = 812)
    Browser window;
    WebDriver browser;

    @Test
    void oneChineseLoginOpensTheAuditWorkspaceAndTasklist() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        String base = "http://localhost:" + port;

        browser.get(base + "/audit/");
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.getTitle()).startsWith("登录");
        WebElement form = browser.findElement(By.tagName("form"));
        assertThat(form.getSize().getWidth()).as("the form fits a 375 px phone").isLessThanOrEqualTo(375);
        window.screenshot("phone");

        browser.findElement(By.id("username")).sendKeys("auditor1");
        browser.findElement(By.id("password")).sendKeys("not-my-password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-error")));
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("用户名或密码错误");
        assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo("auditor1");
        window.screenshot("phone-wrong-password");

        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/audit/"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("me"), "auditor1"));
        window.screenshot("then-audit");

        // Tasklist with the same session: no second login form
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(base + "/camunda/app/tasklist/");
        wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
        wait.until(d -> !d.findElements(By.cssSelector(".three-cols-layout, [cam-tasklist-filters], .tasks-list")).isEmpty());
        Object who = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/camunda/api/admin/auth/user/default', {credentials: 'same-origin'})"
                        + ".then(r => r.text()).then(done, e => done('error ' + e));");
        assertThat(String.valueOf(who)).contains("\"userId\":\"auditor1\"");
        assertThat(browser.findElements(By.cssSelector("input[type=password]")).stream().filter(WebElement::isDisplayed))
                .as("Camunda's own login form never appears").isEmpty();
        try {
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.findElement(By.tagName("body")).getText().contains("Loading"));
        } catch (org.openqa.selenium.TimeoutException stillLoading) {
            // the screenshot shows it as it is; the assertions above already hold
        }
        window.screenshot("then-tasklist");

        // Shequ's pages ran under the CSP without a violation (inline code would have been blocked and reported)
        browser.get(base + "/public/index.html");
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("projects"), "正在加载")));
        assertThat(browser.findElement(By.id("projects")).getText()).doesNotContain("加载失败");
    }
}

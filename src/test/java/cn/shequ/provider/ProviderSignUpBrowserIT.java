package cn.shequ.provider;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.identity.LoginThrottle;
import cn.shequ.support.Browser;
import cn.shequ.support.ShequIT;
import cn.shequ.support.WithBrowser;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sign-up page in chromium (ADR 0035): the credit code checked as typed and again by the server, a weak password
 * refused beside its field with what was typed kept, the user id shown once, the applicant's status page, and a
 * workbench page refused in Chinese. Screenshots {@code target/signup-*.png}.
 */
@ShequIT
class ProviderSignUpBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    LoginThrottle throttle;

    @WithBrowser(prefix = "signup", width = 1280, height = 1600)
    Browser browser;
    WebDriver driver;

    @AfterEach
    void forgetSignUps() {
        throttle.clear();
    }

    @Test
    void aProviderSignsUpInTheBrowserAndSeesOnlyItsStatus() {
        String suffix = String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        String first17 = "5144050" + "7MU" + suffix;
        String code = first17 + CreditCode.checkCharacter(first17);
        char wrong = code.charAt(17) == '0' ? '1' : '0';

        driver.get(url("/signup/provider"));
        await(By.id("signup"));
        type(By.id("f-name"), "龙湖区自助注册服务中心" + suffix);
        type(By.id("f-creditCode"), first17 + wrong);
        assertThat(text("#credit-code-check")).contains("校验位错误");
        type(By.id("f-creditCode"), code);
        assertThat(text("#credit-code-check")).contains("校验通过");
        new Select(driver.findElement(By.id("f-type"))).selectByValue("SOCIAL_ORGANISATION");
        browser.click(driver.findElement(By.cssSelector("input[name=categories][value=ELDERLY_CARE]")));
        type(By.id("f-contactName"), "陈晓梅");
        // past the script: a wrong check character and a weak password, both refused by the server beside their fields
        ((JavascriptExecutor) driver).executeScript("document.getElementById('f-creditCode').value = arguments[0];", first17 + wrong);
        type(By.id("f-password"), "password");
        type(By.id("f-passwordRepeat"), "password");
        submit(By.id("sign-up"));
        assertThat(text("#creditCode-error")).contains("校验位错误").contains("GB 32100");
        assertThat(text("#password-error")).contains("密码不符合密码规则");
        assertThat(driver.findElement(By.id("f-name")).getAttribute("value")).startsWith("龙湖区自助注册服务中心");
        browser.screenshot("refused");

        type(By.id("f-creditCode"), code);
        type(By.id("f-password"), "Longhu-Care-2026");
        type(By.id("f-passwordRepeat"), "Longhu-Care-2026");
        submit(By.id("sign-up"));
        String user = ProviderSignUp.userIdFor(code);
        assertThat(text("#user-id")).isEqualTo(user);
        browser.screenshot("done");

        browser.click(driver.findElement(By.id("to-status")));
        browser.await().until(ExpectedConditions.urlContains("/login"));
        driver.findElement(By.name("username")).sendKeys(user);
        WebElement password = driver.findElement(By.name("password"));
        password.sendKeys("Longhu-Care-2026");
        password.submit();
        await(By.id("certification-status"));
        assertThat(text("#certification-status")).isEqualTo("待区民政部门认证");
        assertThat(text("#credit-code")).isEqualTo(code);
        browser.screenshot("status");

        driver.get(url("/workbench/tenders"));
        await(By.id("applicant-refused"));
        assertThat(text("#applicant-refused")).contains("尚待区民政部门认证");
        browser.screenshot("workbench-refused");
        assertThat(browser.body()).doesNotContainPattern("[A-Za-z]{4,} [a-z]{3,} [a-z]{3,}");
    }

    private void submit(By button) {
        WebElement old = driver.findElement(By.tagName("main"));
        browser.click(driver.findElement(button));
        browser.await().until(ExpectedConditions.stalenessOf(old));
        await(By.tagName("main"));
    }

    private void await(By element) {
        browser.await().until(ExpectedConditions.presenceOfElementLocated(element));
    }

    private void type(By field, String value) {
        WebElement input = driver.findElement(field);
        input.clear();
        input.sendKeys(value);
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

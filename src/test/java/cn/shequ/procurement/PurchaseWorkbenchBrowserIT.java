package cn.shequ.procurement;

import static cn.shequ.support.PurchaseScenario.JUNE_1;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.support.Browser;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.PurchaseScenario;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * The purchaser's side of a purchase of services in the workbench, in a real headless chromium
 * (skipped loudly without it): street1 starts an open tender of ¥2,400,000 by clicking (a price
 * weight of 40% refused beside its field, nothing reserved; the method the rules pick shown before
 * saving), publishes the notice (a deadline one day short of 20 days refused naming 采购法第三十五条),
 * sees the bids sealed until the deadline and opened after it (providers bid through the API), forms
 * the committee from lists (themself as a member refused, 采购法第十二条), reads the ranking and
 * the award, dismisses a challenge, signs the contract (a bond above 10% refused, 条例第四十八条),
 * publishes it and accepts the first milestone, which finance1 approves in the workbench and which
 * is paid. Screenshots: target/purchaser-*.png.
 */
@ShequIT
class PurchaseWorkbenchBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    /** This test's own purchasing fund: its purchases leave the shared F2026-PURCHASE to the others. */
    static final String OWN_FUND = "F2026-IT-PURCHASERBROWSER";

    @Autowired
    cn.shequ.fund.FundLedger funds;

    PurchaseScenario scenario;

    @BeforeEach
    void clock() {
        scenario = new PurchaseScenario(http);
        scenario.moveClock(JUNE_1);
        PurchaseScenario.ownFund(funds, OWN_FUND);
    }

    @AfterEach
    void realTime() {
        scenario.resetClock();
    }

    @Test
    void street1RunsAnOpenTenderInTheWorkbench() throws IOException {
        try (Browser browser = Browser.open("purchaser", 1440, 2200)) {
            WebDriver driver = browser.driver();
            login(browser, "street1");

            // start: the method the rules will pick is shown before saving
            browser.click(driver.findElement(By.id("nav-purchases")));
            browser.click(browser.await().until(ExpectedConditions.elementToBeClickable(By.id("new-purchase"))));
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("purchase-form")));
            driver.findElement(By.id("f-title")).sendKeys("金霞街道居家养老上门服务（工作台）");
            new Select(driver.findElement(By.id("f-category"))).selectByValue("ELDERLY_CARE");
            driver.findElement(By.id("f-amount")).sendKeys("2400000");
            browser.await().until(ExpectedConditions.textToBe(By.id("method-name"), "公开招标"));
            assertThat(driver.findElement(By.id("method-counted")).getText()).contains("合计", "¥");
            new Select(driver.findElement(By.id("f-fundCode"))).selectByValue(OWN_FUND);
            driver.findElement(By.id("f-termMonths")).sendKeys("12");
            setValue(driver, driver.findElement(By.id("f-priceWeight")), "40");
            browser.screenshot("01-new");
            int before = purchases();
            browser.click(driver.findElement(By.id("save-purchase")));
            WebElement refused = browser.await().until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//p[@class='field-error'][contains(., '87号令第五十五条')]")));
            assertThat(refused.getText()).doesNotContainPattern("[A-Za-z]{4,}");
            assertThat(purchases()).as("nothing saved").isEqualTo(before);
            assertThat(driver.findElement(By.id("f-title")).getAttribute("value")).contains("工作台");
            browser.screenshot("02-refused-weight");
            setValue(driver, driver.findElement(By.id("f-priceWeight")), "30");
            browser.click(driver.findElement(By.id("save-purchase")));
            String code = browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("purchase-code"))).getText();
            assertThat(code).matches("PS-2026-\\d{4}");
            assertThat(purchases()).isEqualTo(before + 1);
            assertThat(scenario.procurement(code).path("method").asText()).isEqualTo("OPEN_TENDER");

            // notice: the earliest lawful deadline is shown; one day earlier is refused naming the law
            assertThat(driver.findElement(By.id("earliest-day")).getText()).isEqualTo("2026-06-21");
            assertThat(driver.findElement(By.id("earliest")).getText()).contains("采购法第三十五条");
            browser.screenshot("03-notice");
            setValue(driver, driver.findElement(By.id("f-bidDeadline")), "2026-06-20T09:00");
            browser.click(driver.findElement(By.id("publish-notice")));
            WebElement tooEarly = browser.await().until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//p[@class='field-error'][contains(., '采购法第三十五条')]")));
            assertThat(tooEarly.getText()).contains("2026-06-21");
            assertThat(scenario.status(code)).isEqualTo("AWAITING_NOTICE");
            setValue(driver, driver.findElement(By.id("f-bidDeadline")), "2026-06-22T09:00");
            browser.click(driver.findElement(By.id("publish-notice")));
            browser.await().until(ExpectedConditions.textToBe(By.id("purchase-status"), "投标中"));
            assertThat(driver.findElement(By.id("bid-deadline")).getText()).startsWith("2026-06-22 09:00");

            // bids through the API; sealed on the page until the deadline
            scenario.bids("provider1", code, "2200000.00");
            scenario.bids("provider2", code, "2000000.00");
            scenario.bids("provider3", code, "2300000.00");
            driver.navigate().refresh();
            assertThat(driver.findElement(By.id("bids-sealed")).getText()).contains("第三十三条");
            assertThat(driver.findElements(By.cssSelector("#bids tr.bid"))).isEmpty();
            scenario.moveClock("2026-06-22T09:00:01+08:00");
            scenario.awaitStatus(code, "AWAITING_COMMITTEE");

            // the task list opens the purchase page, not Tasklist
            driver.get(url("/workbench/"));
            browser.click(driver.findElement(By.cssSelector("tr.task[data-subject='" + code + "'][data-key='form-committee'] a.task-link")));
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("committee-form")));
            assertThat(driver.findElements(By.cssSelector("#bids tr.bid"))).hasSize(3);
            assertThat(driver.findElement(By.id("bids")).getText()).contains("¥2,000,000.00");

            // the committee from lists: the purchaser themself is refused, naming the rule
            for (String expert : List.of("expert1", "expert2", "expert3", "expert4")) {
                browser.click(driver.findElement(By.id("expert-" + expert)));
            }
            browser.click(driver.findElement(By.id("rep-street1")));
            browser.screenshot("04-committee");
            browser.click(driver.findElement(By.id("form-committee")));
            WebElement notThePurchaser = browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("committee-error")));
            assertThat(notThePurchaser.getText()).contains("采购法第十二条", "回避").doesNotContain("/ ");
            assertThat(scenario.status(code)).isEqualTo("AWAITING_COMMITTEE");
            browser.screenshot("05-committee-refused");
            assertThat(driver.findElement(By.id("expert-expert1")).isSelected()).as("the choice is kept").isTrue();
            browser.click(driver.findElement(By.id("rep-street1")));
            browser.click(driver.findElement(By.id("rep-street2")));
            browser.click(driver.findElement(By.id("form-committee")));
            browser.await().until(ExpectedConditions.textToBe(By.id("purchase-status"), "评审中"));
            assertThat(driver.findElement(By.id("committee")).getText()).contains("expert1", "street2");

            // the members score through the API; street2, a member, learns nothing of the others
            JsonNode asMember = scenario.as("street2").get("/api/procurements/" + code).getBody();
            assertThat(asMember.path("committee")).isEmpty();
            assertThat(ProjectScenario.stream(asMember.path("openTasks")).map(t -> t.path("assignee").asText()).distinct().toList())
                    .containsExactly("street2");
            List<Long> bidIds = ProjectScenario.stream(scenario.procurement(code).path("bids")).map(b -> b.path("id").asLong()).toList();
            for (String member : List.of("expert1", "expert2", "expert3", "expert4", "street2")) {
                for (long bid : bidIds) {
                    assertThat(scenario.score(member, code, bid, 80).getStatusCode()).isEqualTo(HttpStatus.CREATED);
                }
            }
            scenario.awaitStatus(code, "CHALLENGE_PERIOD");
            driver.navigate().refresh();
            assertThat(driver.findElements(By.cssSelector("#ranking tbody tr"))).hasSize(3);
            assertThat(driver.findElement(By.id("award")).getText()).contains("质疑期至");
            browser.screenshot("06-award");

            // a challenge, answered in the page
            scenario.moveClock("2026-06-23T10:00:00+08:00");
            assertThat(scenario.as("provider1").post("/api/procurements/" + code + "/challenges",
                    Map.of("reason", "价格分计算有误")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
            driver.navigate().refresh();
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("form-" + Tasks.ANSWER_CHALLENGE)));
            assertThat(driver.findElement(By.id("challenge")).getText()).contains("价格分计算有误", "采购法第五十三条");
            browser.click(driver.findElement(By.id("f-decision-DISMISS")));
            driver.findElement(By.id("f-answer")).sendKeys("经复核，价格分按87号令第五十五条计算无误，质疑不成立。");
            browser.screenshot("07-challenge");
            browser.click(driver.findElement(By.id("complete-" + Tasks.ANSWER_CHALLENGE)));
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
            assertThat(driver.findElements(By.id("form-" + Tasks.ANSWER_CHALLENGE))).isEmpty();

            // the contract: due dates shown, a bond above 10% refused, then signed and published
            scenario.moveClock("2026-07-03T09:00:00+08:00");
            scenario.awaitStatus(code, "AWAITING_CONTRACT");
            driver.navigate().refresh();
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("form-" + Tasks.SIGN_CONTRACT)));
            assertThat(driver.findElement(By.cssSelector("#task-sign-contract .task-due")).getText()).startsWith("2026-07");
            setValue(driver, driver.findElement(By.id("f-signedOn")), "2026-07-03");
            WebElement bond = driver.findElement(By.id("f-performanceBond"));
            setValue(driver, bond, "1000000");
            browser.click(driver.findElement(By.id("complete-" + Tasks.SIGN_CONTRACT)));
            WebElement bondRefused = browser.await().until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//p[@class='field-error'][contains(., '条例第四十八条')]")));
            assertThat(bondRefused.getText()).doesNotContain("/ ");
            assertThat(scenario.status(code)).isEqualTo("AWAITING_CONTRACT");
            setValue(driver, driver.findElement(By.id("f-performanceBond")), "100000");
            setValue(driver, driver.findElement(By.id("f-signedOn")), "2026-07-03");
            browser.click(driver.findElement(By.id("complete-" + Tasks.SIGN_CONTRACT)));
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("form-" + Tasks.PUBLISH_CONTRACT)));
            assertThat(driver.findElement(By.id("contract-published")).getText()).contains("条例第五十条");
            browser.screenshot("08-contract");
            browser.click(driver.findElement(By.id("f-confirmed")));
            browser.click(driver.findElement(By.id("complete-" + Tasks.PUBLISH_CONTRACT)));
            browser.await().until(ExpectedConditions.textToBe(By.id("purchase-status"), "合同履行中"));

            // the first milestone: the provider reports (API), street1 accepts with the people served
            scenario.complete("provider2", code, Tasks.REPORT_MILESTONE, Map.of("summary", "第1期服务完成", "evidence", "服务记录"));
            driver.navigate().refresh();
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("form-" + Tasks.ACCEPT_MILESTONE)));
            assertThat(driver.findElement(By.id("milestone")).getText()).contains("第1期服务完成");
            browser.click(driver.findElement(By.id("f-decision-APPROVE")));
            driver.findElement(By.id("f-servedParticipants")).sendKeys("30");
            browser.screenshot("09-accept");
            browser.click(driver.findElement(By.id("complete-" + Tasks.ACCEPT_MILESTONE)));
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
            logout(browser);

            // finance1 approves the payment in the workbench
            login(browser, "finance1");
            driver.get(url("/workbench/"));
            browser.click(driver.findElement(By.cssSelector("tr.task[data-subject='" + code + "'][data-key='approve-contract-payment'] a.task-link")));
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("form-" + Tasks.APPROVE_PAYMENT)));
            browser.click(driver.findElement(By.id("f-decision-APPROVE")));
            browser.click(driver.findElement(By.id("complete-" + Tasks.APPROVE_PAYMENT)));
            scenario.await(code, "milestone 1 paid",
                    p -> "PAID".equals(p.path("contract").path("milestones").get(0).path("status").asText()));
            driver.navigate().refresh();
            assertThat(driver.findElement(By.id("contract-milestones")).getText()).contains("已付款");
            browser.screenshot("10-paid");
        }
    }

    private int purchases() {
        return scenario.as("auditor2").get("/api/procurements").getBody().size();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void login(Browser browser, String user) {
        browser.login(url("/workbench/"), user);
    }

    private void logout(Browser browser) {
        browser.logout();
    }

    /** Sets an input's value as the browser's own picker would (date pickers take no typing portably). */
    private static void setValue(WebDriver driver, WebElement input, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
    }
}

package cn.shequ.workbench;

import static cn.shequ.support.PurchaseScenario.JUNE_1;
import static cn.shequ.support.PurchaseScenario.PURCHASER;
import static cn.shequ.support.PurchaseScenario.committee;
import static cn.shequ.support.PurchaseScenario.requirement;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.engine.EngineIdentity;
import cn.shequ.procurement.PurchaseProcess;
import cn.shequ.provider.CreditCode;
import cn.shequ.provider.ProviderCertificationProcess;
import cn.shequ.support.Browser;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.PurchaseScenario;
import cn.shequ.support.ShequIT;
import cn.shequ.support.WithBrowser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
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
import org.springframework.http.ResponseEntity;

/**
 * The provider's and the expert's side of a purchase of services in a real browser (issue 13): a
 * provider who has never seen Shequ registers its organisation (a wrong credit code refused as typed
 * and by the server) and, once certified, sees its certification on the home page; provider1–3 bid
 * by clicking (provider1 double-clicks and leaves one bid, with a PDF attached; provider3 revises);
 * provider4, whose certification expired, is refused with the rule; the new provider's bid one
 * second after the deadline is refused with the deadline named and nothing changes; expert1 scores
 * in the browser, never seeing who else sits on the committee; provider2 challenges on the last day
 * (accepted) and provider3 a day later (refused); provider1 reports its first milestone with
 * evidence and sees the payment with its due date. The purchaser's steps go through the API.
 * Screenshots: target/provider-*.png.
 */
@ShequIT
class ProviderWorkbenchBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    /** This test's own purchasing fund: its purchases leave the shared F2026-PURCHASE to the others. */
    @Autowired
    cn.shequ.fund.FundLedger funds;

    @Autowired
    EngineIdentity identity;

    PurchaseScenario scenario;
    @WithBrowser(prefix = "provider", width = 1280, height = 1800)
    Browser browser;
    WebDriver driver;

    @BeforeEach
    void setUp() {
        scenario = new PurchaseScenario(http);
        scenario.moveClock(JUNE_1);
    }

    @AfterEach
    void tearDown() {
        scenario.resetClock();
    }

    @Test
    void aProviderRegistersBidsWinsReportsAndIsPaid() throws IOException {
        // ---- a new provider registers its organisation ------------------------------------------------
        String suffix = String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        String newcomer = "np" + suffix;
        identity.createDemoUserIfAbsent(newcomer, "", "林晓", "demo");
        identity.ensureMembership(newcomer, "provider");
        String first17 = "5244050" + "7MJ" + suffix;
        String creditCode = first17 + CreditCode.checkCharacter(first17);
        char wrong = creditCode.charAt(17) == '0' ? '1' : '0';

        login(newcomer);
        assertThat(text("#provider-card")).contains("尚未登记");
        browser.click(driver.findElement(By.id("start-registration")));
        await(By.id("registration"));
        type(By.id("f-name"), "汕头市新晓社会工作服务中心" + suffix);
        type(By.id("f-creditCode"), first17 + wrong);
        assertThat(text("#credit-code-check")).contains("校验位错误");
        type(By.id("f-creditCode"), creditCode);
        assertThat(text("#credit-code-check")).contains("校验通过");
        new Select(driver.findElement(By.id("f-type"))).selectByValue("SOCIAL_ORGANISATION");
        browser.click(driver.findElement(By.cssSelector("input[name=categories][value=ELDERLY_CARE]")));
        // the server checks the code again: a wrong check character typed past the script is refused beside the field
        ((JavascriptExecutor) driver).executeScript("document.getElementById('f-creditCode').value = arguments[0];", first17 + wrong);
        submit(By.id("register"));
        assertThat(text("#creditCode-error")).contains("校验位错误").contains("GB 32100");
        assertThat(driver.findElement(By.id("f-name")).getAttribute("value")).startsWith("汕头市新晓社会工作服务中心");
        browser.screenshot("register-refused");
        type(By.id("f-creditCode"), creditCode);
        submit(By.id("register"));
        assertThat(text("#notice")).contains("已登记");
        assertThat(text("#certification-status")).contains("待区民政部门认证");
        browser.screenshot("registered");
        long newcomerId = certify(newcomer);
        driver.get(url("/workbench/"));
        assertThat(text("#home-certification")).contains("已认证");
        assertThat(text("#home-validity")).contains("2029-06-01");
        browser.screenshot("home-certified");
        logout();

        // ---- the purchaser publishes a purchase (API) -------------------------------------------------
        String code = scenario.create(requirement("2400000.00", "ELDERLY_CARE", PurchaseScenario.ownFund(funds, "F2026-IT-PROVIDERBROWSER"))).path("code").asText();
        scenario.publish(code, "2026-06-22T09:00:00+08:00");

        // ---- provider1 bids (two clicks, one bid) and attaches its proposal ----------------------------
        login("provider1");
        browser.click(driver.findElement(By.id("nav-tenders")));
        await(By.id("open-purchases"));
        assertThat(text("#open-purchases")).contains(code).contains("2026-06-22 09:00");
        browser.screenshot("open-purchases");
        browser.click(driver.findElement(By.cssSelector("tr.purchase[data-code='" + code + "'] a.purchase-link")));
        await(By.id("bid-form"));
        type(By.id("f-price"), "2400000.01");
        type(By.id("f-proposal"), "每周三次上门助餐、助洁。");
        submit(By.id("submit-bid"));
        assertThat(text("#price-error")).contains("超过采购预算").contains("87号令第六十三条");
        assertThat(bidsOf("provider1", code)).isEmpty();
        type(By.id("f-price"), "2,200,000");
        WebElement submitBid = driver.findElement(By.id("submit-bid"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].click(); arguments[0].click();", submitBid);
        await(By.id("notice"));
        assertThat(text("#notice")).contains("投标文件已提交");
        assertThat(text("#my-price")).contains("2,200,000.00");
        assertThat(bidsOf("provider1", code)).hasSize(1);
        upload(By.id("bid-file"), By.id("upload-bid-file"), pdf("服务方案.pdf"));
        assertThat(text("#attached")).contains("服务方案.pdf");
        assertThat(text("#bid-files")).contains("服务方案.pdf").contains("SHA-256");
        // sealed: no other bid, no count
        assertThat(browser.body()).doesNotContain("开标").doesNotContain("郭峰").doesNotContain("共 ");
        browser.screenshot("bid-submitted");
        logout();

        login("provider2");
        bidByClicking(code, "2000000.00", "专业护理员上门服务。");
        logout();
        login("provider3");
        bidByClicking(code, "2390000.00", "助残与助老结合。");
        bidByClicking(code, "2300000.00", "修订后的服务方案：助残与助老结合。");
        assertThat(text("#notice")).contains("投标文件已修改");
        assertThat(bidsOf("provider3", code)).hasSize(1);
        logout();

        // ---- provider4's certification expired: refused with the rule --------------------------------
        login("provider4");
        driver.get(url("/workbench/tenders/" + code));
        assertThat(text("#not-eligible")).contains("认证已于").contains("到期").contains("政府购买服务管理办法第六条至第八条");
        type(By.id("f-price"), "1900000");
        type(By.id("f-proposal"), "家政服务。");
        submit(By.id("submit-bid"));
        assertThat(text("#bid-error")).contains("认证已于").contains("第六条至第八条");
        assertThat(bidsOf("provider4", code)).isEmpty();
        browser.screenshot("provider4-refused");
        logout();

        // ---- one second after the deadline: the newcomer's bid is refused, the deadline named ---------
        login(newcomer);
        driver.get(url("/workbench/tenders/" + code));
        type(By.id("f-price"), "2100000");
        type(By.id("f-proposal"), "新来者的服务方案。");
        scenario.moveClock("2026-06-22T09:00:01+08:00");
        submit(By.id("submit-bid"));
        assertThat(text("#bid-error")).contains("投标截止时间 2026-06-22 09:00").contains("不予接收");
        browser.screenshot("late-bid-refused");
        logout();
        scenario.awaitStatus(code, "AWAITING_COMMITTEE");
        assertThat(scenario.procurement(code).path("bids")).hasSize(3);
        assertThat(newcomerId).isPositive();

        // ---- the committee (API); expert1 scores in the browser ----------------------------------------
        List<String> experts = List.of("expert1", "expert2", "expert3", "expert4", "expert5");
        ResponseEntity<JsonNode> appointed = scenario.appoint(code, committee(experts, List.of()));
        assertThat(appointed.getStatusCode()).as(String.valueOf(appointed.getBody())).isEqualTo(HttpStatus.CREATED);
        JsonNode bids = scenario.procurement(code).path("bids");
        Map<String, Integer> technical = Map.of("汕头市龙湖区东湖社会工作服务中心", 90, "汕头市阳光居家养老服务有限公司", 70,
                "汕头市龙湖区助残服务社", 80);
        login("expert1");
        for (int i = 0; i < 3; i++) {
            driver.get(url("/workbench/"));
            List<WebElement> tasks = driver.findElements(By.cssSelector("tr.task[data-key='score-bid'][data-subject='" + code + "'] a.task-link"));
            assertThat(tasks).hasSize(3 - i);
            browser.click(tasks.get(0));
            await(By.id("score-form"));
            String page = browser.body();
            // the committee stays confidential: no other member's name, nor anyone's score
            for (String other : List.of("评审专家2", "评审专家3", "评审专家4", "评审专家5", "expert2", "expert3", "expert4", "expert5")) {
                assertThat(page).doesNotContain(other);
            }
            assertThat(page).contains("0–100 分").contains("87号令第五十五条").doesNotContain("/api/");
            String bidder = text("#bidder");
            if (i == 0) {
                type(By.id("f-technicalScore"), "100.5");
                ((JavascriptExecutor) driver).executeScript("document.getElementById('f-technicalScore').removeAttribute('max');");
                submit(By.id("submit-score"));
                assertThat(text("#technicalScore-error")).contains("技术得分");
                browser.screenshot("score-refused");
            }
            type(By.id("f-technicalScore"), String.valueOf(technical.get(bidder)));
            browser.screenshot("scoring-" + i);
            submit(By.id("submit-score"));
        }
        logout();
        for (String expert : experts.subList(1, 5)) {
            for (JsonNode bid : bids) {
                ResponseEntity<JsonNode> scored = scenario.score(expert, code, bid.path("id").asLong(),
                        technical.get(bid.path("provider").asText()));
                assertThat(scored.getStatusCode()).as(expert + ": " + scored.getBody()).isEqualTo(HttpStatus.CREATED);
            }
        }
        JsonNode awarded = scenario.awaitStatus(code, "CHALLENGE_PERIOD");
        assertThat(awarded.path("award").path("provider").asText()).isEqualTo("汕头市龙湖区东湖社会工作服务中心");

        // ---- challenges: on the last day accepted, a day later refused -------------------------------
        scenario.moveClock("2026-07-02T16:00:00+08:00");
        login("provider2");
        driver.get(url("/workbench/tenders/" + code));
        assertThat(text("#ranking")).contains("90.27").contains("汕头市阳光居家养老服务有限公司");
        assertThat(text("#challenge-last-day")).contains("2026-07-02");
        type(By.id("f-reason"), "对技术评分有异议，请复核。");
        submit(By.id("submit-challenge"));
        assertThat(text("#notice")).contains("质疑已提交");
        browser.screenshot("challenge-accepted");
        logout();
        login("provider3");
        driver.get(url("/workbench/tenders/" + code));
        type(By.id("f-reason"), "晚一天的质疑。");
        scenario.moveClock("2026-07-03T09:00:00+08:00");
        submit(By.id("submit-challenge"));
        assertThat(text("#reason-error")).contains("不在质疑期内").contains("2026-07-02").contains("采购法第五十二条");
        browser.screenshot("challenge-refused");
        logout();
        assertThat(scenario.procurement(code).path("challenges")).hasSize(1);
        scenario.complete(PURCHASER, code, PurchaseProcess.Tasks.ANSWER_CHALLENGE, Map.of("decision", "DISMISS",
                "answer", "经复核，评审符合规定，质疑不成立。"));
        scenario.awaitStatus(code, "AWAITING_CONTRACT");

        // ---- contract (API); provider1 reports milestone 1 with evidence and sees the payment ----------
        assertThat(scenario.as(PURCHASER).post("/api/procurements/" + code + "/contract", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(scenario.as(PURCHASER).post("/api/procurements/" + code + "/contract/publish", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        scenario.awaitStatus(code, "IN_DELIVERY");
        login("provider1");
        driver.get(url("/workbench/tenders/" + code));
        assertThat(text("#contract")).contains("CT-2026-").contains("660,000.00");
        browser.click(driver.findElement(By.id("report-milestone")));
        await(By.id("task-form"));
        upload(By.id("file"), By.id("upload"), pdf("第1期服务记录.pdf"));
        assertThat(text("#evidence-files")).contains("第1期服务记录.pdf");
        type(By.id("f-summary"), "第一期服务完成，上门服务 320 人次。");
        type(By.id("f-evidence"), "签到表、服务记录（见附件）");
        browser.screenshot("milestone-report");
        submit(By.id("complete"));
        assertThat(text("#notice")).contains("履约情况已报告");
        logout();
        scenario.complete(PURCHASER, code, PurchaseProcess.Tasks.ACCEPT_MILESTONE, Map.of("decision", "APPROVE", "servedParticipants", 30));
        scenario.complete("finance1", code, PurchaseProcess.Tasks.APPROVE_PAYMENT, Map.of("decision", "APPROVE"));
        scenario.await(code, "milestone 1 paid",
                p -> "PAID".equals(p.path("contract").path("milestones").get(0).path("status").asText()));
        login("provider1");
        driver.get(url("/workbench/tenders/" + code));
        WebElement first = driver.findElement(By.cssSelector("#contract-milestones tr.milestone[data-seq='1']"));
        assertThat(first.findElement(By.className("milestone-status")).getText()).isEqualTo("已拨付");
        assertThat(first.findElement(By.className("paid-on")).getText()).startsWith("2026-07-03");
        assertThat(first.findElement(By.className("payment-due")).getText()).startsWith("2026-08");
        assertThat(first.findElement(By.className("late-interest")).getText()).isEqualTo("按期支付");
        browser.screenshot("paid");
        assertThat(browser.body()).doesNotContainPattern("[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}");
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private long certify(String user) {
        JsonNode provider = ProjectScenario.stream(scenario.as("civil1").get("/api/tasks").getBody())
                .filter(t -> ProviderCertificationProcess.Tasks.CERTIFY_PROVIDER.equals(t.path("key").asText())).toList().stream()
                .filter(t -> t.toString().contains(providerCode(user))).findFirst().orElseThrow();
        ResponseEntity<JsonNode> certified = scenario.as("civil1").post("/api/tasks/" + provider.path("id").asText() + "/complete",
                Map.of("decision", "CERTIFY", "comment", "材料齐全，予以认证"));
        assertThat(certified.getStatusCode()).as(String.valueOf(certified.getBody())).isEqualTo(HttpStatus.OK);
        return Long.parseLong(providerCode(user).substring(3));
    }

    private String providerCode(String user) {
        JsonNode me = scenario.as(user).get("/api/me").getBody();
        return ProviderCertificationProcess.SUBJECT_PREFIX + me.path("organisationId").asText();
    }

    private List<JsonNode> bidsOf(String provider, String code) {
        return ProjectScenario.stream(scenario.as(provider).get("/api/procurements/" + code).getBody().path("bids")).toList();
    }

    private void bidByClicking(String code, String price, String proposal) {
        driver.get(url("/workbench/tenders/" + code));
        await(By.id("bid-form"));
        type(By.id("f-price"), price);
        type(By.id("f-proposal"), proposal);
        submit(By.id("submit-bid"));
        assertThat(text("#notice")).contains("投标文件已");
    }

    private void login(String user) {
        browser.login(url("/workbench/"), user);
    }

    private void logout() {
        browser.logout();
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

    private void upload(By input, By button, Path file) {
        driver.findElement(input).sendKeys(file.toAbsolutePath().toString());
        submit(button);
    }

    private Path pdf(String name) throws IOException {
        Path file = Files.createTempDirectory("upload-").resolve(name);
        Files.writeString(file, "%PDF-1.4\n% " + name + "\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
        return file;
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

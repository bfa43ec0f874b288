package cn.shequ.procurement;

import static cn.shequ.support.PurchaseScenario.JUNE_1;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.identity.LoginThrottle;
import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.provider.CreditCode;
import cn.shequ.provider.ProviderSignUp;
import cn.shequ.support.Browser;
import cn.shequ.support.PurchaseClicks;
import cn.shequ.support.PurchaseScenario;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One purchase of services from the requirement to the final evaluation, every step clicked in the
 * workbench by the person whose step it is (issue 13): a provider who has never seen Shequ signs up
 * with its organisation and civil1 certifies it on the certification page; street1 states the requirement
 * and publishes the notice; the newcomer, provider2 and provider3 bid (the newcomer attaches its
 * proposal); after the deadline street1 forms the committee of five experts, who score each bid on
 * their own page; street1 reads the award (the newcomer wins), signs the contract (two milestones of
 * 50%) and publishes it; the newcomer reports each milestone, street1 accepts it with the people
 * served, finance1 approves the payment; the newcomer sees both paid; street1 enters the final
 * evaluation, and the newcomer's performance record shows the grade. The newcomer signs itself up
 * on the public sign-up page (ADR 0035) and logs in once civil1 has certified it. A second run walks the
 * paths never clicked before: a purchase with too few bids fails, street1 re-tenders, a new bid comes
 * in, three experts score, provider2's challenge is upheld by street1 and the committee scores anew, so
 * that provider2 now wins.
 *
 * <p>The only thing not done by a person: the test moves the demo clock (the bid deadline and the
 * challenge period must pass), and reads the purchase through the API to check what the pages said.
 * Screenshots: target/e2e-*.png.
 */
@ShequIT
class WholePurchaseBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    cn.shequ.fund.FundLedger funds;

    @Autowired
    LoginThrottle throttle;

    PurchaseScenario scenario;

    static final List<String> EXPERTS = List.of("expert1", "expert2", "expert3", "expert4", "expert5");
    /** Each provider's technical score, by the name the expert's page shows. */
    static final Map<String, String> TECHNICAL = Map.of("汕头市龙湖区东湖社会工作服务中心", "90",
            "汕头市阳光居家养老服务有限公司", "70", "汕头市龙湖区助残服务社", "80");
    /** The scores given anew after provider2's upheld challenge: provider2's proposal now comes first. */
    static final Map<String, String> RESCORED = Map.of("汕头市龙湖区东湖社会工作服务中心", "90",
            "汕头市阳光居家养老服务有限公司", "95", "汕头市龙湖区助残服务社", "80");

    @BeforeEach
    void clock() {
        scenario = new PurchaseScenario(http);
        scenario.moveClock(JUNE_1);
    }

    @AfterEach
    void realTime() {
        scenario.resetClock();
    }

    @Test
    void everyRoleClicksAPurchaseFromRequirementToFinalEvaluation() throws IOException {
        String fund = PurchaseScenario.ownFund(funds, "F2026-IT-E2E-WHOLE");
        // a provider who has never seen Shequ signs itself up on the public page (ADR 0035)
        throttle.clear();
        String suffix = String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        String newcomerName = "汕头市金霞长者关爱服务中心" + suffix;
        String first17 = "5244050" + "7MK" + suffix;
        String creditCode = first17 + CreditCode.checkCharacter(first17);
        String newcomer = ProviderSignUp.userIdFor(creditCode);
        String secret = "Jinxia-Care-2026";
        Map<String, String> technical = Map.of(newcomerName, "90", "汕头市阳光居家养老服务有限公司", "70",
                "汕头市龙湖区助残服务社", "80");
        try (Browser browser = Browser.open("e2e", 1440, 2200)) {
            PurchaseClicks pages = new PurchaseClicks(browser, port);
            pages.remember(newcomer, secret);

            // ---- the newcomer signs up with its organisation; civil1 certifies it on the certification page ---
            pages.open("/signup/provider");
            pages.await(By.id("signup"));
            pages.type("f-name", newcomerName);
            pages.type("f-creditCode", creditCode);
            assertThat(pages.text("#credit-code-check")).contains("校验通过");
            new Select(pages.driver().findElement(By.id("f-type"))).selectByValue("SOCIAL_ORGANISATION");
            browser.click(pages.driver().findElement(By.cssSelector("input[name=categories][value=ELDERLY_CARE]")));
            pages.type("f-contactName", "陈敏");
            pages.type("f-password", secret);
            pages.type("f-passwordRepeat", secret);
            pages.shot("00-sign-up");
            pages.submit("sign-up");
            assertThat(pages.text("#user-id")).isEqualTo(newcomer);
            pages.login("civil1");
            certify(pages, newcomerName);
            pages.logout();

            // ---- street1: the requirement, then the notice ------------------------------------------------
            pages.login("street1");
            String code = newPurchase(pages, "金霞街道居家养老上门服务（全流程）", "ELDERLY_CARE", "2400000", fund, "公开招标");
            pages.shot("01-requirement-saved");
            pages.pick("f-bidDeadline", "2026-06-22T09:00");
            pages.submit("publish-notice");
            assertThat(pages.text("#purchase-status")).isEqualTo("投标中");
            assertThat(pages.text("#bid-deadline")).startsWith("2026-06-22 09:00");
            pages.shot("02-notice-published");
            pages.logout();

            // ---- the newcomer, provider2 and provider3 bid; the newcomer attaches its proposal ---------------
            bid(pages, newcomer, code, "2200000", "每周三次上门助餐、助洁。");
            pages.upload("bid-file", "upload-bid-file", PurchaseClicks.pdf("服务方案.pdf"));
            assertThat(pages.text("#bid-files")).contains("服务方案.pdf").contains("SHA-256");
            pages.shot("03-newcomer-bid");
            pages.logout();
            bid(pages, "provider2", code, "2000000", "专业护理员上门服务。");
            pages.logout();
            bid(pages, "provider3", code, "2300000", "助残与助老结合。");
            pages.logout();

            // ---- the deadline passes; street1 forms the committee from 我的待办 ------------------------------
            scenario.moveClock("2026-06-22T09:00:01+08:00");
            pages.login("street1");
            pages.open("/workbench/purchases/" + code);
            pages.awaitStatus("待组建评审委员会");
            pages.openTask(code, Tasks.FORM_COMMITTEE);
            assertThat(pages.driver().findElements(By.cssSelector("#bids tr.bid"))).hasSize(3);
            for (String expert : EXPERTS) {
                pages.click("expert-" + expert);
            }
            pages.shot("04-committee");
            pages.submit("form-committee");
            assertThat(pages.text("#purchase-status")).isEqualTo("评审中");
            pages.logout();

            // ---- five experts score on their own pages ----------------------------------------------------
            for (String expert : EXPERTS) {
                scoreAll(pages, expert, code, 3, technical, "score-");
            }

            // ---- street1 reads the ranking and the award -------------------------------------------------
            pages.login("street1");
            pages.open("/workbench/purchases/" + code);
            pages.awaitStatus("中标公告，质疑期内");
            assertThat(pages.driver().findElements(By.cssSelector("#ranking tbody tr"))).hasSize(3);
            assertThat(pages.text("#award")).contains(newcomerName).contains("质疑期至");
            pages.shot("05-award");

            // ---- the challenge period ends: sign and publish the contract ---------------------------------
            scenario.moveClock("2026-07-03T09:00:00+08:00");
            pages.awaitStatus("待签订合同");
            pages.openTask(code, Tasks.SIGN_CONTRACT);
            pages.pick("f-signedOn", "2026-07-03");
            pages.type("f-performanceBond", "100000");
            pages.type("f-milestones", "首期服务:50;终期验收:50");
            pages.shot("06-sign-contract");
            pages.submit("complete-" + Tasks.SIGN_CONTRACT);
            pages.await(By.id("form-" + Tasks.PUBLISH_CONTRACT));
            pages.click("f-confirmed");
            pages.submit("complete-" + Tasks.PUBLISH_CONTRACT);
            assertThat(pages.text("#purchase-status")).isEqualTo("合同履行中");
            assertThat(pages.text("#contract-milestones")).contains("首期服务").contains("终期验收").contains("1,100,000.00");
            pages.shot("07-contract-published");
            pages.logout();

            // ---- each milestone: reported by the newcomer, accepted by street1, paid by finance1 -------------
            for (int seq = 1; seq <= 2; seq++) {
                pages.login(newcomer);
                pages.open("/workbench/tenders/" + code);
                pages.submit("report-milestone");
                pages.upload("file", "upload", PurchaseClicks.pdf("第" + seq + "期服务记录.pdf"));
                pages.type("f-summary", "第" + seq + "期服务完成，上门服务 320 人次。");
                pages.type("f-evidence", "签到表、服务记录（见附件）");
                pages.shot("08-report-" + seq);
                pages.submit("complete");
                assertThat(pages.text("#notice")).contains("履约情况已报告");
                pages.logout();

                pages.login("street1");
                pages.openTask(code, Tasks.ACCEPT_MILESTONE);
                assertThat(pages.text("#milestone")).contains("第" + seq + "期服务完成");
                pages.click("f-decision-APPROVE");
                pages.type("f-servedParticipants", "30");
                pages.shot("09-accept-" + seq);
                pages.submit("complete-" + Tasks.ACCEPT_MILESTONE);
                assertThat(pages.text("#notice")).contains("已办结");
                pages.logout();

                pages.login("finance1");
                pages.openTask(code, Tasks.APPROVE_PAYMENT);
                pages.click("f-decision-APPROVE");
                pages.shot("10-pay-" + seq);
                pages.submit("complete-" + Tasks.APPROVE_PAYMENT);
                pages.logout();
            }

            // ---- the newcomer sees both payments ---------------------------------------------------------------
            pages.login(newcomer);
            pages.open("/workbench/tenders/" + code);
            for (int seq = 1; seq <= 2; seq++) {
                String row = "#contract-milestones tr.milestone[data-seq='" + seq + "'] ";
                assertThat(pages.text(row + ".milestone-status")).isEqualTo("已拨付");
                assertThat(pages.text(row + ".paid-on")).startsWith("2026-07-03");
                assertThat(pages.text(row + ".late-interest")).isEqualTo("按期支付");
            }
            pages.shot("11-provider-paid");
            pages.logout();

            // ---- street1: the final evaluation -------------------------------------------------------------
            pages.login("street1");
            pages.openTask(code, Tasks.FINAL_EVALUATION);
            pages.type("f-respondents", "40");
            pages.type("f-satisfied", "36");
            pages.type("f-budgetExecution", "9");
            pages.type("f-outputs", "46");
            pages.type("f-outcomes", "27");
            pages.type("f-satisfaction", "9");
            pages.shot("12-final-evaluation");
            pages.submit("complete-" + Tasks.FINAL_EVALUATION);
            pages.awaitStatus("已完成");
            pages.shot("13-completed");
            pages.logout();

            // ---- the newcomer's performance record carries the grade -----------------------------------------
            pages.login(newcomer);
            pages.open("/workbench/provider");
            assertThat(pages.text("#performance")).contains(code).contains("优");
            pages.shot("14-performance");

            // what the pages said is what Shequ holds
            JsonNode done = scenario.procurement(code);
            assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(done.path("grade").asText()).isEqualTo("EXCELLENT");
            assertThat(done.path("disbursed").asText()).isEqualTo("2200000.00");
            assertThat(done.path("bids")).hasSize(3);
        }
    }

    @Test
    void aFailedPurchaseIsReTenderedAndAnUpheldChallengeReopensTheScoring() throws IOException {
        String fund = PurchaseScenario.ownFund(funds, "F2026-IT-E2E-PATHS");
        try (Browser browser = Browser.open("e2e-paths", 1440, 2200)) {
            PurchaseClicks pages = new PurchaseClicks(browser, port);

            pages.login("street1");
            // a small amount: a purchaser's purchases of one category in a fiscal year count together (采购法 art. 28),
            // and other tests of this shared application buy DISABILITY services as small purchases below ¥1,000,000
            String code = newPurchase(pages, "金霞街道助残康复服务（重新招标）", "DISABILITY", "20000", fund, null);
            pages.pick("f-bidDeadline", "2026-06-04T17:00");
            pages.submit("publish-notice");
            assertThat(pages.text("#purchase-status")).isEqualTo("投标中");
            pages.logout();

            // two bids only: the purchase fails (采购法第三十六条)
            bid(pages, "provider1", code, "18000", "第一轮：助残康复上门服务。");
            pages.logout();
            bid(pages, "provider2", code, "16000", "第一轮：康复训练与陪护。");
            pages.logout();
            scenario.moveClock("2026-06-04T17:00:01+08:00");

            // street1 decides to tender again, and publishes a new notice
            pages.login("street1");
            pages.open("/workbench/purchases/" + code);
            pages.awaitStatus("投标不足，待决定");
            pages.shot("01-failed");
            pages.openTask(code, Tasks.DECIDE_AFTER_FAILURE);
            pages.submit("complete-" + Tasks.DECIDE_AFTER_FAILURE);
            assertThat(pages.has(".field-error")).as("a decision is required").isTrue();
            assertThat(pages.text("#purchase-status")).isEqualTo("投标不足，待决定");
            pages.shot("02-no-decision-refused");
            pages.click("f-decision-RETENDER");
            pages.type("f-comment", "投标人不足三家，重新招标。");
            pages.submit("complete-" + Tasks.DECIDE_AFTER_FAILURE);
            pages.awaitStatus("待发布采购公告");
            pages.openTask(code, Tasks.PUBLISH_NOTICE);
            pages.pick("f-bidDeadline", "2026-06-09T17:00");
            pages.submit("publish-notice");
            assertThat(pages.text("#purchase-status")).isEqualTo("投标中");
            assertThat(pages.text("#notice-on")).contains("第 2 轮");
            pages.shot("03-retender-notice");
            pages.logout();

            bid(pages, "provider3", code, "19200", "第二轮：助残与助老结合。");
            pages.logout();
            scenario.moveClock("2026-06-09T17:00:01+08:00");

            // three bids now: a committee of three experts, who score
            pages.login("street1");
            pages.open("/workbench/purchases/" + code);
            pages.awaitStatus("待组建评审委员会");
            pages.openTask(code, Tasks.FORM_COMMITTEE);
            assertThat(pages.driver().findElements(By.cssSelector("#bids tr.bid"))).hasSize(3);
            for (String expert : EXPERTS.subList(0, 3)) {
                pages.click("expert-" + expert);
            }
            pages.submit("form-committee");
            assertThat(pages.text("#purchase-status")).isEqualTo("评审中");
            pages.logout();
            for (String expert : EXPERTS.subList(0, 3)) {
                scoreAll(pages, expert, code, 3, TECHNICAL, "score-");
            }
            pages.login("street1");
            pages.open("/workbench/purchases/" + code);
            pages.awaitStatus("中标公告，质疑期内");
            assertThat(pages.text("#award")).contains("汕头市龙湖区东湖社会工作服务中心");
            pages.logout();

            // provider2 challenges the award in its page; street1 upholds it
            pages.login("provider2");
            pages.open("/workbench/tenders/" + code);
            assertThat(pages.has("#challenge-form")).isTrue();
            pages.type("f-reason", "我方报价最低，技术评分未按评分标准，请复核。");
            pages.submit("submit-challenge");
            assertThat(pages.text("#notice")).contains("质疑已提交");
            pages.shot("04-challenge");
            pages.logout();

            pages.login("street1");
            pages.openTask(code, Tasks.ANSWER_CHALLENGE);
            assertThat(pages.text("#challenge")).contains("技术评分未按评分标准");
            pages.click("f-decision-UPHOLD");
            pages.type("f-answer", "经复核，质疑成立，由原评审委员会重新评审。");
            pages.shot("05-uphold");
            pages.submit("complete-" + Tasks.ANSWER_CHALLENGE);
            pages.open("/workbench/purchases/" + code);
            pages.awaitStatus("评审中");
            assertThat(pages.has("#award")).as("the award is withdrawn").isFalse();
            assertThat(pages.text("#challenges")).contains("成立");
            pages.shot("06-reopened");
            pages.logout();

            // the committee scores anew; a new award is published
            for (String expert : EXPERTS.subList(0, 3)) {
                scoreAll(pages, expert, code, 3, RESCORED, "rescore-");
            }
            pages.login("street1");
            pages.open("/workbench/purchases/" + code);
            pages.awaitStatus("中标公告，质疑期内");
            assertThat(pages.text("#award")).contains("汕头市阳光居家养老服务有限公司").contains("质疑期至");
            pages.shot("07-new-award");

            JsonNode again = scenario.procurement(code);
            assertThat(again.path("tenderRound").asInt()).isEqualTo(2);
            assertThat(again.path("challenges").get(0).path("upheld").asBoolean()).isTrue();
            assertThat(again.path("status").asText()).isEqualTo("CHALLENGE_PERIOD");
            assertThat(again.path("award").path("provider").asText()).isEqualTo("汕头市阳光居家养老服务有限公司");
        }
    }

    // ---- steps used by both runs --------------------------------------------------------------------

    /** civil1 (logged in) opens the certification tasks of 我的待办 until the one of {@code name}, and certifies it. */
    private void certify(PurchaseClicks pages, String name) {
        pages.open("/workbench/");
        List<String> links = pages.driver().findElements(By.cssSelector("tr.task[data-key='certify-provider'] a.task-link"))
                .stream().map(a -> a.getAttribute("href")).toList();
        for (String link : links) {
            pages.driver().get(link);
            pages.await(By.id("provider-name"));
            if (pages.text("#provider-name").equals(name)) {
                assertThat(pages.text("#provider-status")).isEqualTo("待认证");
                pages.click("f-decision-CERTIFY");
                pages.type("f-comment", "材料齐全，信用代码核验无误，予以认证。");
                pages.shot("00-certify");
                pages.submit("complete");
                pages.assertNothingForeign();
                return;
            }
        }
        throw new AssertionError("no certification task for " + name + " in civil1's 我的待办");
    }

    /** street1 (logged in) starts a purchase on 发起政府购买服务; returns its code, the purchase page open. */
    private String newPurchase(PurchaseClicks pages, String title, String category, String amount, String fund,
                               String expectedMethod) {
        pages.click("nav-purchases");
        pages.await(By.id("new-purchase"));
        pages.submit("new-purchase");
        pages.await(By.id("purchase-form"));
        pages.type("f-title", title);
        new Select(pages.driver().findElement(By.id("f-category"))).selectByValue(category);
        pages.type("f-amount", amount);
        if (expectedMethod != null) {
            new org.openqa.selenium.support.ui.WebDriverWait(pages.driver(), Browser.PATIENCE)
                    .until(ExpectedConditions.textToBe(By.id("method-name"), expectedMethod));
        }
        new Select(pages.driver().findElement(By.id("f-fundCode"))).selectByValue(fund);
        pages.type("f-termMonths", "12");
        pages.type("f-priceWeight", "30");
        pages.submit("save-purchase");
        String code = pages.text("#purchase-code");
        assertThat(code).matches("PS-2026-\\d{4}");
        return code;
    }

    /** {@code provider} logs in, finds the purchase among 可投标项目 and bids; stays logged in on the purchase. */
    private void bid(PurchaseClicks pages, String provider, String code, String price, String proposal) {
        pages.login(provider);
        pages.click("nav-tenders");
        pages.await(By.id("open-purchases"));
        assertThat(pages.text("#open-purchases")).contains(code);
        pages.driver().findElement(By.cssSelector("tr.purchase[data-code='" + code + "'] a.purchase-link")).click();
        pages.await(By.id("bid-form"));
        pages.type("f-price", price);
        pages.type("f-proposal", proposal);
        pages.submit("submit-bid");
        assertThat(pages.text("#notice")).contains("投标文件已提交");
    }

    /** {@code expert} logs in and scores every bid from 我的待办, never seeing another member's name. */
    private void scoreAll(PurchaseClicks pages, String expert, String code, int bids, Map<String, String> technical,
                          String shot) {
        pages.login(expert);
        for (int i = 0; i < bids; i++) {
            pages.open("/workbench/");
            pages.driver().navigate().refresh();
            assertThat(pages.tasks(code, Tasks.SCORE_BID)).hasSize(bids - i);
            pages.openTask(code, Tasks.SCORE_BID);
            pages.await(By.id("score-form"));
            String page = pages.driver().findElement(By.tagName("body")).getText();
            for (String other : EXPERTS) {
                if (!other.equals(expert)) {
                    assertThat(page).doesNotContain(other).doesNotContain("评审专家" + other.substring(6));
                }
            }
            pages.type("f-technicalScore", technical.get(pages.text("#bidder")));
            if (i == 0) {
                pages.shot(shot + expert);
            }
            pages.submit("submit-score");
        }
        pages.logout();
    }
}

package cn.shequ.procurement;

import static cn.shequ.support.PurchaseScenario.JUNE_1;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.provider.ProviderCertificationProcess;
import cn.shequ.support.PurchaseScenario;
import cn.shequ.support.ShequIT;
import cn.shequ.support.WebSession;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The purchaser's workbench pages over HTTP as a browser session (login form, CSRF, one-time
 * tokens): refusals come back in Chinese beside the field with nothing changed (no purchase, no
 * reservation, the task still open); the method shown before saving counts the purchaser's earlier
 * purchases of the category this fiscal year, as the saving does; a double submission leaves one
 * purchase; a committee member who is not an official is sent away in Chinese.
 */
@ShequIT
class PurchasePagesIT {

    static final String HTML = "text/html,application/xhtml+xml";
    static final Pattern ONCE = Pattern.compile("name=\"once\" value=\"([^\"]+)\"");
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    PurchaseScenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new PurchaseScenario(http);
        scenario.moveClock(JUNE_1);
    }

    @AfterEach
    void realTime() {
        scenario.resetClock();
    }

    @Test
    void refusalsInChineseChangeNothingAndTheMethodCountsEarlierPurchases() {
        WebSession street1 = new WebSession(port);
        assertThat(street1.submitLogin("street1", "demo").statusCode()).isEqualTo(302);
        String form = street1.fetch("/workbench/purchases/new", "Accept", HTML).body();
        assertThat(form).contains("发起政府购买服务", "F2026-PURCHASE");

        // the method before saving: the same table on this amount plus this year's earlier purchases of the category
        BigDecimal before = purchasedBefore(street1, form, "100000");
        int purchases = purchases();
        BigDecimal available = scenario.available();

        // a price weight of 40%: refused beside its field in Chinese, nothing reserved or started
        Map<String, String> requirement = requirement(form, "40");
        HttpResponse<String> refused = street1.postForm("/workbench/purchases", requirement, "Accept", HTML);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("class=\"field-error\"", "87号令第五十五条", "工作台测试采购")
                .doesNotContain("the price weight", "Exception");
        assertThat(purchases()).isEqualTo(purchases);
        assertThat(scenario.available()).isEqualByComparingTo(available);

        // an amount that is no number: named beside its field, nothing sent to the service
        Map<String, String> noNumber = requirement(refused.body(), "30");
        noNumber.put("amount", "十万元");
        HttpResponse<String> notAmount = street1.postForm("/workbench/purchases", noNumber, "Accept", HTML);
        assertThat(notAmount.statusCode()).isEqualTo(400);
        assertThat(notAmount.body()).contains("预算金额须为金额");
        assertThat(purchases()).isEqualTo(purchases);

        // saved, twice with the same form (two clicks): one purchase, one reservation
        Map<String, String> good = requirement(notAmount.body(), "30");
        HttpResponse<String> saved = street1.postForm("/workbench/purchases", good, "Accept", HTML);
        HttpResponse<String> again = street1.postForm("/workbench/purchases", good, "Accept", HTML);
        assertThat(saved.statusCode()).isEqualTo(302);
        String location = saved.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/workbench/purchases/PS-2026-\\d{4}\\?done=created");
        assertThat(again.headers().firstValue("Location")).contains(location);
        assertThat(purchases()).isEqualTo(purchases + 1);
        assertThat(scenario.available()).isEqualByComparingTo(available.subtract(new BigDecimal("2400000.00")));
        String code = location.replaceAll(".*/workbench/purchases/([A-Z0-9-]+).*", "$1");
        assertThat(scenario.procurement(code).path("method").asText()).isEqualTo("OPEN_TENDER");

        // the next preview of the category counts this purchase with the earlier ones (采购法 art. 28)
        assertThat(purchasedBefore(street1, form, "100000")).isEqualByComparingTo(before.add(new BigDecimal("2400000.00")));

        // the notice: a deadline one day short of 20 days refused naming the law and the earliest day; still open
        String page = street1.fetch("/workbench/purchases/" + code, "Accept", HTML).body();
        assertThat(page).contains("2026-06-21", "采购法第三十五条");
        Map<String, String> notice = new LinkedHashMap<>();
        notice.put("_csrf", token(CSRF, page));
        notice.put("once", token(ONCE, page));
        notice.put("bidDeadline", "2026-06-20T09:00");
        HttpResponse<String> early = street1.postForm("/workbench/purchases/" + code + "/notice", notice, "Accept", HTML);
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("采购法第三十五条", "2026-06-21").doesNotContain("/ the bid period");
        assertThat(scenario.status(code)).isEqualTo("AWAITING_NOTICE");
        assertThat(scenario.procurement(code).path("noticePublishedOn").isMissingNode()).isTrue();

        // a committee member is no official: sent away in Chinese, not to JSON
        WebSession committee1 = new WebSession(port);
        committee1.submitLogin("committee1", "demo");
        HttpResponse<String> notHers = committee1.fetch("/workbench/purchases/" + code, "Accept", HTML);
        assertThat(notHers.statusCode()).isEqualTo(403);
        assertThat(notHers.body()).contains("采购工作页面供采购人").doesNotContain("\"code\"");
    }

    @Autowired
    cn.shequ.engine.EngineIdentity identity;

    /** Civil affairs certifies a new provider with its registration on the screen (no "call GET /api/providers/{id}"). */
    @Test
    void civilAffairsCertifiesWithTheRegistrationOnTheScreen() {
        String user = "pv" + System.nanoTime();
        identity.createDemoUserIfAbsent(user, "", "新承接", "demo");
        identity.ensureMembership(user, "provider");
        long n = System.nanoTime();
        StringBuilder first17 = new StringBuilder("91440507");
        for (int i = 0; i < 9; i++) {
            first17.append("0123456789ABCDEFGHJKLMNPQRTUWXY".charAt((int) (n % 31)));
            n /= 31;
        }
        String creditCode = first17 + String.valueOf(cn.shequ.provider.CreditCode.checkCharacter(first17.toString()));
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("name", "汕头市龙湖区工作台认证服务社" + creditCode.substring(8, 12));
        registration.put("type", "ENTERPRISE");
        registration.put("creditCode", creditCode);
        registration.put("categories", java.util.List.of("ELDERLY_CARE"));
        registration.put("seriousViolationInLast3Years", false);
        var created = scenario.as(user).post("/api/providers", registration);
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        long id = created.getBody().path("id").asLong();

        WebSession civil1 = new WebSession(port);
        civil1.submitLogin("civil1", "demo");
        String taskId = cn.shequ.support.ProjectScenario.stream(scenario.as("civil1").get("/api/tasks").getBody())
                .filter(t -> t.path("name").asText().contains(ProviderCertificationProcess.SUBJECT_PREFIX + id)).map(t -> t.path("id").asText()).findFirst().orElseThrow();
        // the workbench's task list opens it on the certification page
        HttpResponse<String> opened = civil1.fetch("/workbench/tasks/" + taskId, "Accept", HTML);
        assertThat(opened.statusCode()).isEqualTo(302);
        String address = opened.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(address).isEqualTo("/workbench/certifications/" + taskId);
        String page = civil1.fetch(address, "Accept", HTML).body();
        assertThat(page).contains("承接主体登记信息", creditCode, "校验位正确", "居家养老", "待认证", "申报：近三年无重大违法记录")
                .doesNotContain("/api/providers");

        // refusing without a reason is refused beside the field; the provider stays pending
        Map<String, String> refuse = new LinkedHashMap<>();
        refuse.put("_csrf", token(CSRF, page));
        refuse.put("once", token(ONCE, page));
        refuse.put("decision", "REFUSE");
        HttpResponse<String> noReason = civil1.postForm(address, refuse, "Accept", HTML);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("class=\"field-error\"", "未办结");
        assertThat(scenario.as("civil1").get("/api/providers/" + id).getBody().path("status").asText()).isEqualTo("PENDING");

        Map<String, String> certify = new LinkedHashMap<>();
        certify.put("_csrf", token(CSRF, noReason.body()));
        certify.put("once", token(ONCE, noReason.body()));
        certify.put("decision", "CERTIFY");
        assertThat(civil1.postForm(address, certify, "Accept", HTML).statusCode()).isEqualTo(302);
        assertThat(scenario.as("civil1").get("/api/providers/" + id).getBody().path("status").asText()).isEqualTo("CERTIFIED");
    }

    private BigDecimal purchasedBefore(WebSession client, String page, String amount) {
        Map<String, String> preview = new LinkedHashMap<>();
        preview.put("_csrf", token(CSRF, page));
        preview.put("category", "ELDERLY_CARE");
        preview.put("amount", amount);
        String fragment = client.postForm("/workbench/purchases/method", preview, "Accept", HTML, "HX-Request", "true").body();
        assertThat(fragment).contains("method-name");
        BigDecimal before = money(fragment, "purchased-before");
        assertThat(money(fragment, "counted-amount")).isEqualByComparingTo(before.add(new BigDecimal(amount)));
        return before;
    }

    private static BigDecimal money(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>¥([0-9,.]+)<").matcher(html);
        assertThat(m.find()).as(id + " in " + html).isTrue();
        return new BigDecimal(m.group(1).replace(",", ""));
    }

    private static Map<String, String> requirement(String page, String priceWeight) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", token(CSRF, page));
        form.put("once", token(ONCE, page));
        form.put("title", "工作台测试采购");
        form.put("category", "ELDERLY_CARE");
        form.put("amount", "2400000");
        form.put("fundCode", PurchaseScenario.FUND);
        form.put("termMonths", "12");
        form.put("priceWeight", priceWeight);
        return form;
    }

    private static String token(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        assertThat(m.find()).as(pattern + " in the page").isTrue();
        return m.group(1);
    }

    private int purchases() {
        return scenario.as("auditor2").get("/api/procurements").getBody().size();
    }
}

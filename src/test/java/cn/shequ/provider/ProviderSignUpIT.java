package cn.shequ.provider;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.identity.LoginThrottle;
import cn.shequ.support.Api;
import cn.shequ.support.PurchaseScenario;
import cn.shequ.support.ShequIT;
import cn.shequ.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A provider's self sign-up over HTTP (ADR 0035): every refusal is a 4xx in Chinese naming the field or rule with
 * nothing stored; the new account is an applicant refused on every door (/api, workbench pages, Tasklist's engine
 * API, /engine-rest) until civil1 certifies its organisation, after which it bids.
 */
@ShequIT
class ProviderSignUpIT {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final String PASSWORD = "Longhu-Care-2026";

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    cn.shequ.fund.FundLedger funds;

    @Autowired
    ObjectMapper json;

    PurchaseScenario scenario;

    @BeforeEach
    void start() {
        throttle.clear();
        scenario = new PurchaseScenario(http);
        scenario.moveClock(PurchaseScenario.JUNE_1);
    }

    @AfterEach
    void end() {
        throttle.clear();
        scenario.resetClock();
    }

    @Test
    void refusalsNameTheFieldAndStoreNothing() throws Exception {
        String code = newCreditCode();
        // weak password: the policy of every password (ADR 0007)
        ResponseEntity<JsonNode> weak = signUp(body(code, "demo"));
        assertThat(weak.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(weak.getBody().path("fields").path("password").asText()).contains("密码不符合密码规则").contains("至少 10 个字符");
        // the password may not contain the user id made from the credit code
        ResponseEntity<JsonNode> withId = signUp(body(code, "x" + ProviderSignUp.userIdFor(code) + "!"));
        assertThat(withId.getBody().path("fields").path("password").asText()).contains("不得包含用户名");
        // a wrong check character (GB 32100), a missing contact person
        String wrong = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        ResponseEntity<JsonNode> badCode = signUp(body(wrong, PASSWORD));
        assertThat(badCode.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badCode.getBody().path("fields").path("creditCode").asText()).contains("校验");
        Map<String, Object> noContact = body(code, PASSWORD);
        noContact.remove("contactName");
        assertThat(signUp(noContact).getBody().path("fields").path("contactName").asText()).isEqualTo("联系人姓名必填");
        // not JSON (a form of another site): refused before anything is read
        HttpHeaders form = new HttpHeaders();
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> notJson = http.exchange("/api/signup/provider", HttpMethod.POST,
                new HttpEntity<>("contactName=x&password=" + PASSWORD + "&creditCode=" + code, form), String.class);
        assertThat(notJson.getStatusCode().is4xxClientError()).isTrue();
        // the page: without its CSRF token 403; with a weak password 400 beside the field
        WebSession browser = new WebSession(port);
        String page = browser.get("/signup/provider").body();
        assertThat(page).contains("承接主体注册").contains("统一社会信用代码");
        Map<String, String> fields = pageForm(code, "demo");
        assertThat(browser.postForm("/signup/provider", fields, "Accept", "text/html").statusCode()).isEqualTo(403);
        fields.put("_csrf", browser.csrf(page));
        HttpResponse<String> weakPage = browser.postForm("/signup/provider", fields, "Accept", "text/html");
        assertThat(weakPage.statusCode()).isEqualTo(400);
        assertThat(weakPage.body()).contains("id=\"password-error\"").contains("密码不符合密码规则");
        assertThat(stored(code)).isZero();
        assertThat(accounts(ProviderSignUp.userIdFor(code))).isZero();

        // an existing user id cannot be taken over: admin made "pv<code>" before; the sign-up is refused
        String taken = newCreditCode();
        String takenId = ProviderSignUp.userIdFor(taken);
        ResponseEntity<JsonNode> made = Api.as(http, "admin").post("/api/admin/users", Map.of("userId", takenId,
                "lastName", "王", "firstName", "五", "password", "Admin-Made-2026", "groups", List.of()));
        assertThat(made.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> takeOver = signUp(body(taken, PASSWORD));
        assertThat(takeOver.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(takeOver.getBody().path("message").asText()).contains("已存在");
        assertThat(stored(taken)).isZero();
        assertThat(http.withBasicAuth(takenId, "Admin-Made-2026").getForEntity("/api/me", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth(takenId, PASSWORD).getForEntity("/api/me", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        // one registration per credit code; a sign-up cannot name its groups
        Map<String, Object> greedy = body(code, PASSWORD);
        greedy.put("groups", List.of("admin", "civil-affairs"));
        assertThat(signUp(greedy).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(groupsOf(ProviderSignUp.userIdFor(code))).containsExactly("provider-applicant");
        ResponseEntity<JsonNode> again = signUp(body(code, "Another-Pass-2026"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().path("fields").path("creditCode").asText()).contains("每个代码只能登记一次");
        assertThat(stored(code)).isEqualTo(1);

        // at most 3 sign-ups per address in 24 hours: the fourth is 429, nothing stored, once in the audit chain
        assertThat(signUp(body(newCreditCode(), PASSWORD)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(signUp(body(newCreditCode(), PASSWORD)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long throttledBefore = audits(ProviderSignUp.SIGN_UP_THROTTLED);
        String fourth = newCreditCode();
        ResponseEntity<JsonNode> tooMany = signUp(body(fourth, PASSWORD));
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(tooMany.getBody().path("message").asText()).contains("同一网络地址 24 小时内");
        assertThat(signUp(body(newCreditCode(), PASSWORD)).getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(stored(fourth)).isZero();
        assertThat(accounts(ProviderSignUp.userIdFor(fourth))).isZero();
        assertThat(audits(ProviderSignUp.SIGN_UP_THROTTLED)).isEqualTo(throttledBefore + 1);
    }

    @Test
    void anApplicantSeesOnlyItsRegistrationUntilCertifiedAndThenBids() throws Exception {
        String purchase = scenario.create(PurchaseScenario.requirement("2400000.00", "ELDERLY_CARE",
                PurchaseScenario.ownFund(funds, "F2026-IT-SIGNUP"))).path("code").asText();
        scenario.publish(purchase, "2026-06-22T09:00:00+08:00");

        // the page, as a browser: the account is made, its user id shown once
        String code = newCreditCode();
        String user = ProviderSignUp.userIdFor(code);
        WebSession browser = new WebSession(port);
        Map<String, String> fields = pageForm(code, PASSWORD);
        fields.put("_csrf", browser.csrf(browser.get("/signup/provider").body()));
        HttpResponse<String> created = browser.postForm("/signup/provider", fields, "Accept", "text/html");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/signup/provider/done");
        assertThat(browser.get("/signup/provider/done").body()).contains("注册成功").contains(user);
        assertThat(groupsOf(user)).containsExactly("provider-applicant");
        assertThat(audits(ProviderSignUp.SIGNED_UP, user)).isEqualTo(1);

        // the applicant: its own registration only
        ResponseEntity<JsonNode> own = http.withBasicAuth(user, PASSWORD).getForEntity("/api/signup/provider/me", JsonNode.class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody().path("status").asText()).isEqualTo("PENDING");
        assertThat(own.getBody().path("creditCode").asText()).isEqualTo(code);
        long providerId = own.getBody().path("providerId").asLong();
        for (String path : List.of("/api/providers/1", "/api/providers/" + providerId, "/api/me", "/api/tasks",
                "/api/procurements/" + purchase, "/api/projects", "/engine-rest/task", "/engine-rest/process-definition")) {
            ResponseEntity<JsonNode> refused = http.withBasicAuth(user, PASSWORD).getForEntity(path, JsonNode.class);
            assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody().path("message").asText()).as(path).contains("尚待区民政部门认证");
        }
        ResponseEntity<JsonNode> earlyBid = scenario.bid(user, purchase, "2100000");  // password "demo": 401
        assertThat(earlyBid.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(bid(user, purchase).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(bids(purchase, providerId)).isZero();
        // the workbench and Tasklist in a logged-in browser session
        WebSession session = new WebSession(port);
        assertThat(session.submitLogin(user, PASSWORD).statusCode()).isEqualTo(302);
        assertThat(session.get("/signup/provider/status").body()).contains("待区民政部门认证").contains(code);
        for (String pagePath : List.of("/workbench/", "/workbench/tenders", "/workbench/tenders/" + purchase, "/workbench/provider",
                "/camunda/app/tasklist/default/", "/audit/")) {
            HttpResponse<String> refused = session.get(pagePath);
            assertThat(refused.statusCode()).as(pagePath).isEqualTo(403);
            assertThat(refused.body()).as(pagePath).contains("尚待认证");
        }
        HttpResponse<String> engine = session.fetch("/camunda/api/engine/engine/default/task", "Accept", "application/json");
        assertThat(engine.statusCode()).isEqualTo(403);
        assertThat(engine.body()).contains("APPLICANT_NOT_CERTIFIED");

        // civil1 certifies the organisation: the account becomes a provider's and bids
        JsonNode task = taskOf("civil1", ProviderCertificationProcess.SUBJECT_PREFIX + providerId);
        assertThat(task).isNotNull();
        ResponseEntity<JsonNode> certified = Api.as(http, "civil1").post("/api/tasks/" + task.path("id").asText() + "/complete",
                Map.of("decision", "CERTIFY", "comment", "材料齐全，予以认证"));
        assertThat(certified.getStatusCode()).as(String.valueOf(certified.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(groupsOf(user)).containsExactly("provider");
        assertThat(audits(ProviderSignUp.APPLICANT_PROMOTED)).isPositive();
        ResponseEntity<JsonNode> bid = bid(user, purchase);
        assertThat(bid.getStatusCode()).as(String.valueOf(bid.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(bids(purchase, providerId)).isEqualTo(1);
        assertThat(http.withBasicAuth(user, PASSWORD).getForEntity("/api/signup/provider/me", JsonNode.class).getBody()
                .path("status").asText()).isEqualTo("CERTIFIED");
    }

    private ResponseEntity<JsonNode> bid(String user, String purchase) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, PASSWORD).exchange("/api/procurements/" + purchase + "/bids", HttpMethod.POST,
                new HttpEntity<>(Map.of("price", "2100000", "proposal", "上门助餐、助洁、探访。"), headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> signUp(Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/api/signup/provider", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static Map<String, Object> body(String code, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("contactName", "陈晓梅");
        body.put("password", password);
        body.put("name", "龙湖区自助注册服务社" + code.substring(8, 12));
        body.put("type", "SOCIAL_ORGANISATION");
        body.put("creditCode", code);
        body.put("categories", List.of("ELDERLY_CARE"));
        return body;
    }

    private static Map<String, String> pageForm(String code, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("contactName", "陈晓梅");
        form.put("password", password);
        form.put("passwordRepeat", password);
        form.put("name", "龙湖区自助注册服务社" + code.substring(8, 12));
        form.put("type", "SOCIAL_ORGANISATION");
        form.put("creditCode", code);
        form.put("categories", "ELDERLY_CARE");
        return form;
    }

    private int stored(String code) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM provider WHERE credit_code = ?", Integer.class, code);
    }

    private int accounts(String userId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_USER WHERE ID_ = ?", Integer.class, userId);
    }

    private List<String> groupsOf(String userId) {
        return jdbc.queryForList("SELECT GROUP_ID_ FROM ACT_ID_MEMBERSHIP WHERE USER_ID_ = ? ORDER BY GROUP_ID_", String.class, userId);
    }

    private long audits(String action) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = ?", Long.class, action);
    }

    private long audits(String action, String actor) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND actor = ?", Long.class, action, actor);
    }

    private int bids(String purchase, long providerId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM bid b "
                + "WHERE b.procurement_code = ? AND b.provider_id = ?", Integer.class, purchase, providerId);
    }

    private JsonNode taskOf(String user, String subject) {
        for (int first = 0; first <= 10_000; first += 200) {
            JsonNode page = Api.as(http, user).get("/api/tasks?first=" + first + "&max=200").getBody();
            for (JsonNode task : page) {
                if (subject.equals(task.path("providerCode").asText())) {
                    return task;
                }
            }
            if (page.size() < 200) {
                return null;
            }
        }
        return null;
    }

    /** An unused valid code of a 汕头市龙湖区 social organisation: 5144 0507 + 9 characters from the clock + check character. */
    private static String newCreditCode() {
        long n = System.nanoTime();
        StringBuilder first17 = new StringBuilder("51440507");
        for (int i = 0; i < 9; i++) {
            first17.append(ALPHABET.charAt((int) (n % 31)));
            n /= 31;
        }
        return first17 + String.valueOf(CreditCode.checkCharacter(first17.toString()));
    }
}

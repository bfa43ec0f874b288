package cn.shequ.workbench;

import static cn.shequ.support.PurchaseScenario.JUNE_1;
import static cn.shequ.support.PurchaseScenario.PURCHASER;
import static cn.shequ.support.PurchaseScenario.committee;
import static cn.shequ.support.PurchaseScenario.requirement;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.PurchaseScenario;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * The provider's and expert's pages over plain HTTP as a browser sends them (session cookie, CSRF
 * token, the form's one-time token), at the legal edges: a bid posted twice leaves one bid; a bid
 * above the budget, by provider4 (expired), one second after the deadline, and a file added after
 * the deadline are refused in Chinese with nothing changed; sealed bids; an expert cannot open
 * another's scoring task and their page names no other member; a challenge on the last day of the
 * period is accepted and one a day later refused.
 */
@ShequIT
class ProviderPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    /** This test's own purchasing fund: its purchases leave the shared F2026-PURCHASE to the others. */
    @Autowired
    cn.shequ.fund.FundLedger funds;

    PurchaseScenario scenario;

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
    void bidsAreRefusedAtTheirLegalEdgesAndAChallengeOnTheLastDayOnly() throws Exception {
        String code = scenario.create(requirement("2400000.00", "ELDERLY_CARE", PurchaseScenario.ownFund(funds, "F2026-IT-PROVIDERPAGES"))).path("code").asText();
        scenario.publish(code, "2026-06-22T09:00:00+08:00");

        // provider1: above the budget refused beside the price; then the same form posted twice leaves one bid
        Session provider1 = login("provider1");
        String page = provider1.get("/workbench/tenders/" + code).body();
        assertThat(page).contains("2026-06-22 09:00").contains("提交投标");
        HttpResponse<String> tooHigh = provider1.post("/workbench/tenders/" + code + "/bid",
                form(page, "price", "2400000.01", "proposal", "方案"));
        assertThat(tooHigh.statusCode()).isEqualTo(400);
        assertThat(tooHigh.body()).contains("id=\"price-error\"").contains("87号令第六十三条").contains("2400000.01");
        assertThat(bids("provider1", code)).isEmpty();
        page = provider1.get("/workbench/tenders/" + code).body();
        String twice = form(page, "price", "2200000", "proposal", "上门助餐");
        HttpResponse<String> first = provider1.post("/workbench/tenders/" + code + "/bid", twice);
        HttpResponse<String> second = provider1.post("/workbench/tenders/" + code + "/bid", twice);
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(bids("provider1", code)).hasSize(1);
        // a second form (a new token): the one bid is revised, not doubled
        page = provider1.get("/workbench/tenders/" + code).body();
        assertThat(provider1.post("/workbench/tenders/" + code + "/bid", form(page, "price", "2150000", "proposal", "修订"))
                .headers().firstValue("Location").orElseThrow()).endsWith("done=revised");
        assertThat(bids("provider1", code)).extracting(b -> b.path("price").asText()).containsExactly("2150000.00");
        HttpResponse<String> file = provider1.upload("/workbench/tenders/" + code + "/bid-attachments",
                provider1.csrf(page), "方案.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.UTF_8));
        assertThat(file.statusCode()).isEqualTo(302);

        // provider2 bids; it sees its own bid only, no count, not provider1's file
        Session provider2 = login("provider2");
        page = provider2.get("/workbench/tenders/" + code).body();
        provider2.post("/workbench/tenders/" + code + "/bid", form(page, "price", "2000000", "proposal", "护理"));
        String sealed = provider2.get("/workbench/tenders/" + code).body();
        assertThat(sealed).contains("2,000,000.00").doesNotContain("2,150,000.00").doesNotContain("东湖社会工作服务中心")
                .doesNotContain("方案.pdf").doesNotContain("开标");
        long fileId = Long.parseLong(match(provider1.get("/workbench/tenders/" + code).body(), "/workbench/purchase-attachments/(\\d+)"));
        assertThat(provider2.get("/workbench/purchase-attachments/" + fileId).statusCode()).isEqualTo(404);
        assertThat(login("street1").get("/workbench/purchase-attachments/" + fileId).statusCode()).isEqualTo(404);
        Session provider3 = login("provider3");
        page = provider3.get("/workbench/tenders/" + code).body();
        provider3.post("/workbench/tenders/" + code + "/bid", form(page, "price", "2300000", "proposal", "助残"));

        // provider4: its certification expired; refused naming the rule, nothing stored
        Session provider4 = login("provider4");
        page = provider4.get("/workbench/tenders/" + code).body();
        assertThat(page).contains("id=\"not-eligible\"").contains("政府购买服务管理办法第六条至第八条");
        HttpResponse<String> expired = provider4.post("/workbench/tenders/" + code + "/bid", form(page, "price", "1900000", "proposal", "家政"));
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("id=\"bid-error\"").contains("认证已于").contains("第六条至第八条");
        assertThat(bids("provider4", code)).isEmpty();

        // one second after the deadline: a revision and a file are refused naming the deadline; nothing changes
        page = provider1.get("/workbench/tenders/" + code).body();
        String late = form(page, "price", "2100000", "proposal", "迟到的修改");
        scenario.moveClock("2026-06-22T09:00:01+08:00");
        HttpResponse<String> tooLate = provider1.post("/workbench/tenders/" + code + "/bid", late);
        assertThat(tooLate.statusCode()).isEqualTo(409);
        assertThat(tooLate.body()).contains("id=\"bid-error\"").contains("投标截止时间 2026-06-22 09:00").contains("不予接收")
                .contains("2100000");
        HttpResponse<String> lateFile = provider1.upload("/workbench/tenders/" + code + "/bid-attachments",
                provider1.csrf(page), "补充.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.UTF_8));
        assertThat(lateFile.statusCode()).isEqualTo(302);
        assertThat(provider1.get("/workbench/tenders/" + code).body()).doesNotContain("补充.pdf");
        scenario.awaitStatus(code, "AWAITING_COMMITTEE");
        assertThat(bids("provider1", code)).hasSize(3);
        assertThat(bids("provider1", code)).filteredOn(b -> b.path("provider").asText().contains("东湖"))
                .extracting(b -> b.path("price").asText()).containsExactly("2150000.00");

        // the committee; expert1's page shows the bid and the rule, no other member; expert2 cannot open expert1's task
        List<String> experts = List.of("expert1", "expert2", "expert3", "expert4", "expert5");
        scenario.appoint(code, committee(experts, List.of()));
        String task = scenario.taskId("expert1", code, Tasks.SCORE_BID);
        Session expert1 = login("expert1");
        HttpResponse<String> toPage = expert1.get("/workbench/tasks/" + task);
        assertThat(toPage.statusCode()).isEqualTo(302);
        String scoring = expert1.get("/workbench/scoring/" + task).body();
        assertThat(scoring).contains("技术得分").contains("0–100").contains("87号令第五十五条");
        for (String other : List.of("评审专家2", "评审专家3", "评审专家4", "评审专家5", "expert2", "expert3", "expert4", "expert5")) {
            assertThat(scoring).doesNotContain(other);
        }
        assertThat(login("expert2").get("/workbench/scoring/" + task).statusCode()).isEqualTo(404);
        assertThat(provider1.get("/workbench/scoring/" + task).statusCode()).isEqualTo(404);
        HttpResponse<String> outOfRange = expert1.post("/workbench/scoring/" + task, form(scoring, "technicalScore", "101"));
        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(outOfRange.body()).contains("id=\"technicalScore-error\"");
        assertThat(expert1.post("/workbench/scoring/" + task, form(scoring, "technicalScore", "90")).statusCode()).isEqualTo(302);
        for (String expert : experts) {
            for (JsonNode t : ProjectScenario.stream(new ProjectScenario(http).tasks(expert))
                    .filter(t -> code.equals(t.path("procurementCode").asText())).toList()) {
                scenario.as(expert).post("/api/tasks/" + t.path("id").asText() + "/complete", Map.of("technicalScore", 80));
            }
        }
        scenario.awaitStatus(code, "CHALLENGE_PERIOD");

        // challenges: the last day (2026-07-02) shown and accepted; a day later refused naming the deadline
        scenario.moveClock("2026-07-02T23:00:00+08:00");
        page = provider2.get("/workbench/tenders/" + code).body();
        assertThat(page).contains("id=\"challenge-last-day\">2026-07-02<");
        assertThat(provider2.post("/workbench/tenders/" + code + "/challenge", form(page, "reason", "评分有误")).statusCode())
                .isEqualTo(302);
        page = provider3.get("/workbench/tenders/" + code).body();
        scenario.moveClock("2026-07-03T09:00:00+08:00");
        HttpResponse<String> dayLate = provider3.post("/workbench/tenders/" + code + "/challenge", form(page, "reason", "晚了"));
        assertThat(dayLate.statusCode()).isEqualTo(409);
        assertThat(dayLate.body()).contains("id=\"reason-error\"").contains("不在质疑期内").contains("2026-07-02")
                .contains("采购法第五十二条");
        assertThat(scenario.procurement(code).path("challenges")).hasSize(1);
        scenario.complete(PURCHASER, code, Tasks.ANSWER_CHALLENGE, Map.of("decision", "DISMISS", "answer", "质疑不成立。"));
    }

    // ---- a browser's session over HTTP ---------------------------------------------------------------

    private List<JsonNode> bids(String provider, String code) {
        return ProjectScenario.stream(scenario.as(provider).get("/api/procurements/" + code).getBody().path("bids")).toList();
    }

    private static String form(String page, String... fields) {
        StringBuilder body = new StringBuilder("_csrf=" + enc(csrfOf(page)) + "&once=" + enc(match(page, "name=\"once\" value=\"([^\"]*)\"")));
        for (int i = 0; i < fields.length; i += 2) {
            body.append('&').append(fields[i]).append('=').append(enc(fields[i + 1]));
        }
        return body.toString();
    }

    private static String csrfOf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]*)\"|name=\"_csrf\" content=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private static String match(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertThat(m.find()).as(regex + " in the page").isTrue();
        return m.group(1);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private Session login(String user) throws Exception {
        Session session = new Session();
        String form = session.get("/login").body();
        HttpResponse<String> done = session.post("/login", "username=" + user + "&password=demo&_csrf=" + enc(csrfOf(form)));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return session;
    }

    final class Session {
        static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", HTML).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", HTML)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String csrf(String html) {
            return csrfOf(html);
        }

        HttpResponse<String> upload(String path, String csrf, String fileName, byte[] content) throws IOException, InterruptedException {
            String boundary = "----shequ" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", HTML)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}

package cn.shequ.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The workbench's pages over plain HTTP as the demo users' browsers would send them (session
 * cookie, CSRF token): /public/ and /, a proposal sent twice with the same form token, a proposal
 * the service refuses, attachments refused or kept, and who may download them.
 */
@ShequIT
class WorkbenchPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Test
    void publicIndexAndTheLandingPageAnswerAndALoggedInUserGoesToTheWorkbench() throws Exception {
        Browser anonymous = new Browser();
        assertThat(anonymous.get("/public/").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/public/").body()).contains("<html");
        assertThat(anonymous.get("/").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/workbench/").statusCode()).isEqualTo(302);
        Browser committee1 = login("committee1");
        HttpResponse<String> root = committee1.get("/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location").orElseThrow()).endsWith("/workbench/");
        String home = committee1.get("/workbench/").body();
        assertThat(home).contains("我的待办").contains("张丽").contains("社区居委会").doesNotContain("<script>");
    }

    @Test
    void aProposalSentTwiceWithTheSameFormTokenIsCreatedOnce() throws Exception {
        Browser committee1 = login("committee1");
        String title = "双击测试项目 " + System.nanoTime();
        String form = committee1.get("/workbench/proposals/new").body();
        String body = proposal(committee1.csrf(form), value(form, "once"), title, "60000", "40000", "20000");
        HttpResponse<String> first = committee1.post("/workbench/proposals", body);
        HttpResponse<String> second = committee1.post("/workbench/proposals", body);
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(second.statusCode()).isEqualTo(302);
        assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        long created = StreamSupport.stream(new ProjectScenario(http).as("committee1").get("/api/projects").getBody().spliterator(), false)
                .filter(p -> title.equals(p.path("title").asText())).count();
        assertThat(created).isEqualTo(1);
        String code = first.headers().firstValue("Location").orElseThrow().replaceAll(".*/projects/([^?]+).*", "$1");
        assertThat(new ProjectScenario(http).status(code)).isEqualTo("AWAITING_MEETING");
    }

    @Test
    void aRefusedProposalIsShownInChineseBesideItsFieldsWithWhatWasTyped() throws Exception {
        Browser committee1 = login("committee1");
        String form = committee1.get("/workbench/proposals/new").body();
        HttpResponse<String> refused = committee1.post("/workbench/proposals",
                proposal(committee1.csrf(form), value(form, "once"), "预算不平的项目", "60000", "40000", "abc"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("项目报告书未保存").contains("金额须为数字").contains("value=\"预算不平的项目\"")
                .contains("value=\"abc\"");
        form = committee1.get("/workbench/proposals/new").body();
        refused = committee1.post("/workbench/proposals",
                proposal(committee1.csrf(form), value(form, "once"), "预算不平的项目", "60000", "40000", "10000"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("预算明细合计 50000.00 元，须等于项目金额 60000.00 元").doesNotContain("must sum");
    }

    @Test
    void attachmentsAreCheckedByContentAndReadOnlyByThoseWhoMayReadTheProject() throws Exception {
        ProjectScenario scenario = new ProjectScenario(http);
        String code = scenario.submitted(ProjectScenario.proposal("8000.00", "ELDERLY_CARE", "F2026-CITY", "SELF"));
        Browser committee2 = login("committee2");
        String page = committee2.get("/workbench/projects/" + code).body();
        String csrf = committee2.csrf(page);

        HttpResponse<String> ok = committee2.upload(code, csrf, "会议纪要.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(ok.statusCode()).isEqualTo(302);
        HttpResponse<String> exe = committee2.upload(code, csrf, "纪要.pdf", new byte[] {'M', 'Z', (byte) 0x90, 0});
        assertThat(exe.statusCode()).isEqualTo(302);
        committee2.upload(code, csrf, "空.pdf", new byte[0]);
        committee2.upload(code, csrf, "../纪要.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
        String dossier = committee2.get("/workbench/projects/" + code).body();
        Matcher link = Pattern.compile("/workbench/attachments/(\\d+)\">会议纪要.pdf").matcher(dossier);
        assertThat(link.find()).isTrue();
        assertThat(Pattern.compile("/workbench/attachments/\\d+").matcher(dossier).results().count()).isEqualTo(1);

        Browser committee3 = login("committee3");
        HttpResponse<String> otherCommunity = committee3.upload(code, committee3.csrf(committee3.get("/workbench/").body()), "a.pdf",
                "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
        assertThat(otherCommunity.statusCode()).isEqualTo(403);
        assertThat(otherCommunity.body()).contains("无权查看其他社区的项目").doesNotContain("OTHER_COMMUNITY");
        HttpResponse<String> download = committee3.get("/workbench/attachments/" + link.group(1));
        assertThat(download.statusCode()).isEqualTo(403);
        assertThat(download.body()).contains("无法办理").doesNotContain("not your community");

        HttpResponse<String> finance = login("finance1").get("/workbench/attachments/" + link.group(1));
        assertThat(finance.statusCode()).isEqualTo(200);
        assertThat(finance.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(finance.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(finance.body()).startsWith("%PDF-1.4");

        List<String> actions = new ArrayList<>();
        scenario.as("auditor1").get("/api/audit/projects/" + code + "/timeline").getBody()
                .forEach(e -> actions.add(e.path("action").asText()));
        assertThat(actions).containsOnlyOnce("ATTACHMENT_ADDED");
    }

    private static String proposal(String csrf, String once, String title, String amount, String line1, String line2) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("_csrf", csrf);
        fields.put("once", once);
        fields.put("title", title);
        fields.put("category", "ELDERLY_CARE");
        fields.put("beneficiaries", "辖区老人40人");
        fields.put("description", "上门助浴");
        fields.put("amount", amount);
        fields.put("fundCode", "F2026-CITY");
        fields.put("deliveryMode", "SELF");
        fields.put("plannedStart", "2026-12-10");
        fields.put("plannedEnd", "2027-06-30");
        fields.put("action", "submit");
        StringBuilder body = new StringBuilder(encode(fields));
        body.append("&lineItem=").append(enc("护理员劳务")).append("&lineAmount=").append(enc(line1));
        body.append("&lineItem=").append(enc("用品，耗材")).append("&lineAmount=").append(enc(line2));
        body.append("&milestoneName=").append(enc("启动")).append("&milestonePercent=40");
        body.append("&milestoneName=").append(enc("完成")).append("&milestonePercent=60");
        return body.toString();
    }

    private static String encode(Map<String, String> fields) {
        return String.join("&", fields.entrySet().stream().map(e -> e.getKey() + "=" + enc(e.getValue())).toList());
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String value(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as(name + " in the page").isTrue();
        return m.group(1);
    }

    private Browser login(String user) throws Exception {
        Browser browser = new Browser();
        String form = browser.get("/login").body();
        HttpResponse<String> done = browser.post("/login", "username=" + user + "&password=demo&_csrf=" + enc(browser.csrf(form)));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }

    /** A browser's session: its cookies, no redirects followed. */
    final class Browser {
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

        HttpResponse<String> upload(String code, String csrf, String fileName, byte[] content) throws IOException, InterruptedException {
            String boundary = "----shequ" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            part(body, boundary, "_csrf", csrf);
            part(body, boundary, "purpose", "MEETING");
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return client.send(HttpRequest.newBuilder(uri("/workbench/projects/" + code + "/attachments"))
                    .header("Accept", HTML).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        }

        private void part(ByteArrayOutputStream body, String boundary, String name, String value) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }

        String csrf(String html) {
            Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]*)\"|name=\"_csrf\" content=\"([^\"]*)\"").matcher(html);
            assertThat(m.find()).as("a CSRF token in the page").isTrue();
            return m.group(1) != null ? m.group(1) : m.group(2);
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}

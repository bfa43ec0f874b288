package cn.shequ.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import cn.shequ.support.WebSession;
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
        WebSession anonymous = new WebSession(port);
        assertThat(anonymous.get("/public/").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/public/").body()).contains("<html");
        assertThat(anonymous.get("/").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/workbench/").statusCode()).isEqualTo(302);
        WebSession committee1 = login("committee1");
        HttpResponse<String> root = committee1.get("/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location").orElseThrow()).endsWith("/workbench/");
        String home = committee1.get("/workbench/").body();
        assertThat(home).contains("我的待办").contains("张丽").contains("社区居委会").doesNotContain("<script>");
    }

    /** ADR 0043: links are written as they are, and the version-less script link still loads the script. */
    @Test
    void pagesLinkTheVersionLessScriptAndItLoads() {
        WebSession committee1 = login("committee1");
        String home = committee1.get("/workbench/").body();
        assertThat(home).contains("src=\"/webjars/htmx.org/dist/htmx.min.js\"").contains("href=\"/workbench/projects\"");
        HttpResponse<String> script = committee1.get("/webjars/htmx.org/dist/htmx.min.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("htmx");
    }

    @Test
    void aProposalSentTwiceWithTheSameFormTokenIsCreatedOnce() throws Exception {
        WebSession committee1 = login("committee1");
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
        WebSession committee1 = login("committee1");
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
        WebSession committee2 = login("committee2");
        String page = committee2.get("/workbench/projects/" + code).body();
        String csrf = committee2.csrf(page);

        HttpResponse<String> ok = upload(committee2, code, csrf, "会议纪要.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(ok.statusCode()).isEqualTo(302);
        HttpResponse<String> exe = upload(committee2, code, csrf, "纪要.pdf", new byte[] {'M', 'Z', (byte) 0x90, 0});
        assertThat(exe.statusCode()).isEqualTo(302);
        upload(committee2, code, csrf, "空.pdf", new byte[0]);
        upload(committee2, code, csrf, "../纪要.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
        String dossier = committee2.get("/workbench/projects/" + code).body();
        Matcher link = Pattern.compile("/workbench/attachments/(\\d+)\">会议纪要.pdf").matcher(dossier);
        assertThat(link.find()).isTrue();
        assertThat(Pattern.compile("/workbench/attachments/\\d+").matcher(dossier).results().count()).isEqualTo(1);

        WebSession committee3 = login("committee3");
        HttpResponse<String> otherCommunity = upload(committee3, code, committee3.csrf(committee3.get("/workbench/").body()), "a.pdf",
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
        return WebSession.enc(text);
    }

    private static String value(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as(name + " in the page").isTrue();
        return m.group(1);
    }

    private WebSession login(String user) {
        return WebSession.login(port, user);
    }

    /** An attachment sent from the project's page as a person would (MEETING: the minutes). */
    private static HttpResponse<String> upload(WebSession session, String code, String csrf, String fileName, byte[] content) {
        return session.upload("/workbench/projects/" + code + "/attachments", fileName, content, "_csrf", csrf, "purpose", "MEETING");
    }
}

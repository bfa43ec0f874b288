package cn.shequ.procurement;

import static cn.shequ.support.PurchaseScenario.JUNE_1;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.fund.FundLedger;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.PurchaseScenario;
import cn.shequ.support.ShequIT;
import cn.shequ.support.WebSession;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
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
 * A service project that buys its service: the street office states the purchase's requirement
 * (define-requirement) on a workbench page beside the project's dossier — project, amount, budget
 * lines, the budget the purchase gets and the method the rules pick for it — no longer on a page that
 * sends it to Tasklist. The same service decides as through /api: a term over 36 months is refused
 * beside its field with nothing recorded; a committee member may not state it; two clicks leave one
 * purchase; the project's reservation is not reserved a second time. The project is paid from a fund
 * of this test's own, so it takes nothing from the shared funds; CULTURE_EDU_SPORTS is bought by
 * PurchasePathsIT and ProvisionalCalendarIT for less than a tenth of a threshold, which ¥20,000 does
 * not reach either.
 */
@ShequIT
class ProjectRequirementPagesIT {

    static final String HTML = "text/html,application/xhtml+xml";
    static final Pattern ONCE = Pattern.compile("name=\"once\" value=\"([^\"]+)\"");
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"");
    static final String FUND = "F2026-IT-REQUIREMENT";

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    FundLedger funds;

    ProjectScenario projects;
    PurchaseScenario purchases;

    @BeforeEach
    void scenario() {
        projects = new ProjectScenario(http);
        purchases = new PurchaseScenario(http);
        purchases.moveClock(JUNE_1);
        if (funds.find(FUND).isEmpty()) {
            funds.open(FUND, "需求页面测试专项资金", "区财政预算", 2026, null, new BigDecimal("100000.00"), List.of(), "system");
        }
    }

    @AfterEach
    void realTime() {
        purchases.resetClock();
    }

    @Test
    void theStreetOfficeStatesAProjectsRequirementBesideItsDossier() {
        String project = projects.submitted(ProjectScenario.proposal("20000.00", "CULTURE_EDU_SPORTS", FUND, "PURCHASE"));
        projects.meet(project, ProjectScenario.meeting(100, 51, 26, "2026-05-28"));
        projects.approve(project);
        BigDecimal available = projects.available(FUND);
        String code = projects.project(project).path("procurementCode").asText();
        String taskId = ProjectScenario.stream(projects.tasks("street1"))
                .filter(t -> PurchaseProcess.Tasks.DEFINE_REQUIREMENT.equals(t.path("key").asText()) && code.equals(t.path("procurementCode").asText()))
                .map(t -> t.path("id").asText()).findFirst().orElseThrow();

        WebSession street1 = new WebSession(port);
        assertThat(street1.submitLogin("street1", "demo").statusCode()).isEqualTo(302);
        // the purchase's address leads to its requirement while it has none
        HttpResponse<String> purchasePage = street1.fetch("/workbench/purchases/" + code, "Accept", HTML);
        assertThat(purchasePage.statusCode()).isEqualTo(302);
        assertThat(purchasePage.headers().firstValue("Location").orElseThrow()).endsWith("/workbench/tasks/" + taskId);

        HttpResponse<String> opened = street1.fetch("/workbench/tasks/" + taskId, "Accept", HTML);
        assertThat(opened.statusCode()).isEqualTo(200);
        String page = opened.body();
        assertThat(page).contains("确定采购需求", project, "东湖社区长者助餐服务", "餐费补贴", "¥12,000.00", "文化教育体育",
                        "id=\"purchase-amount\"", "¥20,000.00", "不重复预留", "id=\"method-preview\"", "102号令第五、六条")
                .doesNotContain("任务清单", "tasklist");

        // the method the rules pick for the project's budget, as the saving will decide it
        Map<String, String> preview = new LinkedHashMap<>();
        preview.put("_csrf", token(CSRF, page));
        preview.put("category", "CULTURE_EDU_SPORTS");
        preview.put("amount", "20000.00");
        String fragment = street1.postForm("/workbench/purchases/method", preview, "Accept", HTML, "HX-Request", "true").body();
        assertThat(fragment).contains("id=\"method-name\"", "小额采购");

        // a committee member states no requirement (102号令 arts. 5–6): refused, the task stays open
        WebSession committee1 = new WebSession(port);
        committee1.submitLogin("committee1", "demo");
        String theirs = committee1.fetch("/workbench/tasks/" + taskId, "Accept", HTML).body();
        HttpResponse<String> byCommittee = committee1.postForm("/workbench/tasks/" + taskId, requirement(theirs, "6"), "Accept", HTML);
        assertThat(byCommittee.statusCode()).isEqualTo(403);
        assertThat(byCommittee.body()).contains("未办结", "class=\"error\"").doesNotContain("Exception", "\"error\":");
        assertThat(purchases.procurement(code).path("status").asText()).isEqualTo("AWAITING_REQUIREMENT");

        // a term of 37 months: refused beside its field naming the rule, what was typed kept, nothing recorded
        HttpResponse<String> tooLong = street1.postForm("/workbench/tasks/" + taskId, requirement(page, "37"), "Accept", HTML);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("class=\"field-error\"", "102号令第二十四条", "文体活动服务采购", "¥20,000.00")
                .doesNotContain("Exception", "/ the");
        assertThat(purchases.procurement(code).path("status").asText()).isEqualTo("AWAITING_REQUIREMENT");

        // stated, twice with the same form (two clicks): one purchase, on the purchase's page; the project's money not reserved again
        Map<String, String> good = requirement(tooLong.body(), "6");
        HttpResponse<String> stated = street1.postForm("/workbench/tasks/" + taskId, good, "Accept", HTML);
        HttpResponse<String> again = street1.postForm("/workbench/tasks/" + taskId, good, "Accept", HTML);
        assertThat(stated.statusCode()).isEqualTo(302);
        assertThat(stated.headers().firstValue("Location").orElseThrow()).endsWith("/workbench/purchases/" + code + "?done=define-requirement");
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(purchases.procurement(code).path("status").asText()).isNotEqualTo("AWAITING_REQUIREMENT");
        assertThat(purchases.procurement(code).path("title").asText()).isEqualTo("文体活动服务采购");
        assertThat(purchases.procurement(code).path("method").asText()).isEqualTo("SMALL_PURCHASE");
        assertThat(projects.available(FUND)).isEqualByComparingTo(available);
        // the purchase spends the project's reservation, and its page says so (it printed ¥0.00 before)
        assertThat(street1.fetch("/workbench/purchases/" + code, "Accept", HTML).body())
                .contains("文体活动服务采购", "发布采购公告", "已预留 ¥20,000.00，已支付 ¥0.00");
    }

    private static Map<String, String> requirement(String page, String termMonths) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", token(CSRF, page));
        form.put("once", token(ONCE, page));
        form.put("title", "文体活动服务采购");
        form.put("termMonths", termMonths);
        form.put("priceWeight", "20");
        return form;
    }

    private static String token(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        assertThat(m.find()).as(pattern + " in the page").isTrue();
        return m.group(1);
    }
}

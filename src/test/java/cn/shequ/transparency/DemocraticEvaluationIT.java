package cn.shequ.transparency;

import static cn.shequ.support.ProjectScenario.stream;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.support.Api;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.PurchaseScenario;
import cn.shequ.support.ShequIT;
import cn.shequ.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * 民主评议: a residents' meeting of C001 rates a project delivered in the community and its street
 * office; without quorum (exactly half present; a representatives' meeting one short of two thirds) it
 * is refused naming 居委会法第九条, counts above those present or a subject that is not the community's
 * are refused naming the field, another community's committee is refused; the accepted evaluation is
 * public, downloadable, and moves the assessment of exactly the departments it concerns. The
 * committee's workbench page does the same through the same service.
 */
@ShequIT
class DemocraticEvaluationIT {

    static final String PATH = "/api/communities/C001/democratic-evaluations";

    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;

    ProjectScenario projects;
    PurchaseScenario purchases;

    @BeforeEach
    void scenario() {
        projects = new ProjectScenario(http);
        purchases = new PurchaseScenario(http);
        purchases.moveClock(PurchaseScenario.JUNE_1);
    }

    @AfterEach
    void realTime() {
        purchases.resetClock();
    }

    static Map<String, Object> evaluation(String kind, int eligible, int present, List<Map<String, Object>> ratings) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("kind", kind);
        e.put("mode", "HOUSEHOLD_REPS");
        e.put("eligible", eligible);
        e.put("present", present);
        e.put("heldOn", "2026-05-30");
        e.put("minutes", "居民会议对本年度社区服务和街道办事处工作进行民主评议。");
        e.put("ratings", ratings);
        return e;
    }

    static Map<String, Object> rating(String type, String code, int satisfied, int basic, int dissatisfied) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("subjectType", type);
        r.put("subjectCode", code);
        r.put("satisfied", satisfied);
        r.put("basicallySatisfied", basic);
        r.put("dissatisfied", dissatisfied);
        return r;
    }

    private JsonNode department(String code) {
        JsonNode rows = http.getForObject("/public/assessment?year=2026", JsonNode.class);
        return stream(rows).filter(r -> code.equals(r.path("department").asText())).findFirst().orElseThrow();
    }

    private int evaluationsOfC001() {
        return http.getForObject("/public/communities/C001/democratic-evaluations?year=2026", JsonNode.class).size();
    }

    /** A project of C001 approved by the street office and finance, in delivery. */
    private String delivered() {
        String code = projects.submitted(ProjectScenario.proposal("600.00", "ELDERLY_CARE", "F2026-CITY", "SELF"));
        projects.meet(code, ProjectScenario.meeting(100, 51, 26, "2026-05-28"));
        projects.approve(code);
        assertThat(projects.status(code)).isEqualTo("IN_DELIVERY");
        return code;
    }

    @Test
    void aQuorateMeetingRatesItsServicesAndDepartmentsAndTheAssessmentCountsExactlyThat() {
        String project = delivered();
        String draft = projects.draft(ProjectScenario.proposal("500.00", "ELDERLY_CARE", "F2026-CITY", "SELF"));
        Api committee1 = Api.as(http, "committee1");
        JsonNode streetBefore = department("S01");
        JsonNode financeBefore = department("FI-D01");
        JsonNode civilBefore = department("CA-D01");
        int before = evaluationsOfC001();

        // the committee is offered the delivered project and the three departments serving C001, not the draft
        List<String> subjects = stream(committee1.get("/api/communities/C001/democratic-evaluation-subjects").getBody())
                .map(s -> s.path("subjectType").asText() + ":" + s.path("subjectCode").asText()).toList();
        assertThat(subjects).contains("PROJECT:" + project, "DEPARTMENT:S01", "DEPARTMENT:CA-D01", "DEPARTMENT:FI-D01")
                .doesNotContain("PROJECT:" + draft);

        List<Map<String, Object>> ratings = List.of(rating("PROJECT", project, 30, 15, 6), rating("DEPARTMENT", "S01", 20, 20, 11));
        // exactly half present is no quorum (居委会法 art. 9): refused, nothing recorded
        ResponseEntity<JsonNode> half = committee1.post(PATH, evaluation("RESIDENTS_MEETING", 100, 50,
                List.of(rating("PROJECT", project, 30, 15, 5))));
        assertThat(half.getStatusCode()).as(String.valueOf(half.getBody())).isEqualTo(HttpStatus.CONFLICT);
        assertThat(half.getBody().path("error").asText()).isEqualTo("EVALUATION_NO_QUORUM");
        assertThat(half.getBody().path("message").asText()).contains("居委会法第九条").contains("实到 50");
        // a representatives' meeting needs two thirds: 19 of 30 is short, 20 of 30 is enough
        assertThat(committee1.post(PATH, evaluation("REPRESENTATIVES_MEETING", 30, 19,
                List.of(rating("DEPARTMENT", "S01", 10, 5, 4)))).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        // more opinions than people present, a subject that is not C001's, an undelivered project: 400 naming the field
        ResponseEntity<JsonNode> tooMany = committee1.post(PATH, evaluation("RESIDENTS_MEETING", 100, 51,
                List.of(rating("PROJECT", project, 30, 15, 7), rating("DEPARTMENT", "S99", 1, 0, 0), rating("PROJECT", draft, 1, 0, 0))));
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooMany.getBody().path("fields").path("ratings[0].satisfied").asText()).contains("超过实到人数 51");
        assertThat(tooMany.getBody().path("fields").path("ratings[1].subjectCode").asText()).contains("S99");
        assertThat(tooMany.getBody().path("fields").path("ratings[2].subjectCode").asText()).contains(draft);
        // another community's committee may not record C001's evaluation; a street official neither
        assertThat(Api.as(http, "committee3").post(PATH, evaluation("RESIDENTS_MEETING", 100, 51, ratings)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Api.as(http, "street1").post(PATH, evaluation("RESIDENTS_MEETING", 100, 51, ratings)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(evaluationsOfC001()).as("nothing refused was recorded").isEqualTo(before);
        assertThat(department("S01")).isEqualTo(streetBefore);

        ResponseEntity<JsonNode> recorded = committee1.post(PATH, evaluation("RESIDENTS_MEETING", 100, 51, ratings));
        assertThat(recorded.getStatusCode()).as(String.valueOf(recorded.getBody())).isEqualTo(HttpStatus.CREATED);
        long id = recorded.getBody().path("id").asLong();
        ResponseEntity<JsonNode> representatives = committee1.post(PATH, evaluation("REPRESENTATIVES_MEETING", 30, 20,
                List.of(rating("DEPARTMENT", "S01", 10, 5, 5))));
        assertThat(representatives.getStatusCode()).as(String.valueOf(representatives.getBody())).isEqualTo(HttpStatus.CREATED);

        // public, with the rate (satisfied + basically satisfied) ÷ all
        JsonNode published = stream(http.getForObject("/public/communities/C001/democratic-evaluations?year=2026", JsonNode.class))
                .filter(e -> e.path("id").asLong() == id).findFirst().orElseThrow();
        assertThat(published.path("present").asInt()).isEqualTo(51);
        assertThat(published.path("ratings")).extracting(r -> r.path("subjectCode").asText() + " " + r.path("subjectName").asText()
                + " " + r.path("satisfactionRate").asText()).containsExactly(project + " " + projects.project(project).path("title").asText()
                + " 88.2%", "S01 金霞街道办事处 78.4%");
        assertThat(http.getForObject("/public/communities/C001/democratic-evaluations?year=2025", JsonNode.class)).isEmpty();
        ResponseEntity<String> csv = http.getForEntity("/public/communities/C001/democratic-evaluations.csv?year=2026", String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).startsWith("\uFEFF会议日期,会议类型,应到人数,实到人数,评议对象类别")
                .contains("2026-05-30,居民会议,100,51,部门,S01,金霞街道办事处,20,20,11,78.4%");

        // the assessment: the street office rated itself 30/25/16 by the two meetings; the services it approved 30/15/6
        JsonNode street = department("S01");
        assertThat(street.path("evaluatedSatisfied").asLong() - streetBefore.path("evaluatedSatisfied").asLong()).isEqualTo(30);
        assertThat(street.path("evaluatedBasicallySatisfied").asLong() - streetBefore.path("evaluatedBasicallySatisfied").asLong()).isEqualTo(25);
        assertThat(street.path("evaluatedDissatisfied").asLong() - streetBefore.path("evaluatedDissatisfied").asLong()).isEqualTo(16);
        assertThat(street.path("servicesSatisfied").asLong() - streetBefore.path("servicesSatisfied").asLong()).isEqualTo(30);
        assertThat(street.path("servicesDissatisfied").asLong() - streetBefore.path("servicesDissatisfied").asLong()).isEqualTo(6);
        String assessmentCsv = http.getForObject("/public/assessment.csv?year=2026", String.class);
        assertThat(assessmentCsv).startsWith("\uFEFF部门编号,部门,按时审核").contains("\r\nS01,金霞街道办事处,")
                .contains("," + street.path("evaluatedSatisfied").asLong() + "," + street.path("evaluatedBasicallySatisfied").asLong() + ",");
        JsonNode finance = department("FI-D01");
        assertThat(finance.path("servicesSatisfied").asLong() - financeBefore.path("servicesSatisfied").asLong())
                .as("finance approved the project too").isEqualTo(30);
        assertThat(finance.path("evaluatedSatisfied").asLong()).as("finance itself was not rated").isEqualTo(financeBefore.path("evaluatedSatisfied").asLong());
        assertThat(department("CA-D01").path("servicesSatisfied").asLong()).as("civil affairs did not review the project")
                .isEqualTo(civilBefore.path("servicesSatisfied").asLong());
    }

    @Test
    void theCommitteeRecordsAnEvaluationOnItsWorkbenchPageUnderTheSameRules() {
        WebSession committee2 = WebSession.login(port, "committee2");
        String page = committee2.get("/workbench/democratic-evaluations").body();
        assertThat(page).contains("民主评议").contains("金霞街道办事处").contains("龙湖区民政局").contains("居委会法第九条");
        String key = "DEPARTMENT:CA-D01";

        // counts above those present: the row's problem beside it, what was typed kept
        HttpResponse<String> tooMany = committee2.post("/workbench/democratic-evaluations",
                form(committee2.csrf(page), value(page, "once"), "100", "51", key, "40", "10", "2"));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("超过实到人数 51").contains("value=\"40\"").doesNotContain("exceed");

        // without quorum: refused naming the rule, in Chinese
        String again = committee2.get("/workbench/democratic-evaluations").body();
        HttpResponse<String> noQuorum = committee2.post("/workbench/democratic-evaluations",
                form(committee2.csrf(again), value(again, "once"), "100", "50", key, "20", "10", "2"));
        assertThat(noQuorum.statusCode()).isEqualTo(409);
        assertThat(noQuorum.body()).contains("未达法定人数").contains("居委会法第九条").doesNotContain("no quorum");

        JsonNode civilBefore = department("CA-D01");
        String third = committee2.get("/workbench/democratic-evaluations").body();
        String once = value(third, "once");
        HttpResponse<String> done = committee2.post("/workbench/democratic-evaluations",
                form(committee2.csrf(third), once, "100", "51", key, "20", "10", "2"));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        String location = done.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/workbench/democratic-evaluations?done=");
        // a second click on the same form records nothing more
        assertThat(committee2.post("/workbench/democratic-evaluations", form(committee2.csrf(third), once, "100", "51", key, "20", "10", "2"))
                .headers().firstValue("Location").orElseThrow()).isEqualTo(location);
        assertThat(department("CA-D01").path("evaluatedSatisfied").asLong() - civilBefore.path("evaluatedSatisfied").asLong()).isEqualTo(20);
        assertThat(committee2.get(location.replaceFirst("^https?://[^/]+", "")).body()).contains("民主评议已记录").contains("龙湖区民政局");

        // only a committee member records one
        HttpResponse<String> street = WebSession.login(port, "street1").get("/workbench/democratic-evaluations");
        assertThat(street.statusCode()).isEqualTo(403);
        assertThat(street.body()).contains("只有社区居委会成员").doesNotContain("\"error\":");
    }

    private static String form(String csrf, String once, String eligible, String present, String key, String s, String b, String d) {
        List<String> fields = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("_csrf", csrf);
        values.put("once", once);
        values.put("kind", "RESIDENTS_MEETING");
        values.put("mode", "HOUSEHOLD_REPS");
        values.put("eligible", eligible);
        values.put("present", present);
        values.put("heldOn", "2026-05-31");
        values.put("minutes", "居民会议评议区民政局的服务。");
        values.put("s." + key, s);
        values.put("b." + key, b);
        values.put("d." + key, d);
        values.forEach((k, v) -> fields.add(WebSession.enc(k) + "=" + WebSession.enc(v)));
        return String.join("&", fields);
    }

    private static String value(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as(name + " in the page").isTrue();
        return m.group(1);
    }
}

package cn.shequ.procurement;

import static cn.shequ.support.PurchaseScenario.JUNE_1;
import static cn.shequ.support.PurchaseScenario.committee;
import static cn.shequ.support.PurchaseScenario.requirement;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.support.ProjectScenario;
import cn.shequ.support.PurchaseScenario;
import cn.shequ.support.ShequIT;
import cn.shequ.support.Tasklist;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 13's finding: a member of the evaluation committee who is also an official (street2, a
 * representative of the purchaser) saw which experts were scoring. Until the award is published the
 * committee stays confidential to its members (条例 art. 40) on every door: the JSON API, the
 * workbench's purchase page, Tasklist and its engine API, /engine-rest. The purchaser, who is no
 * member, still sees it (the path not taken), and every member sees it once the award is public.
 * Also the public purchase page: no bidder before the deadline, the bidders after it, Chinese for
 * an unknown purchase.
 */
@ShequIT
class PurchaseCommitteeConfidentialityIT {

    static final List<String> EXPERTS = List.of("expert1", "expert2", "expert3", "expert4");

    @Autowired
    TestRestTemplate http;

    /** This test's own purchasing fund: its purchases leave the shared F2026-PURCHASE to the others. */
    @Autowired
    cn.shequ.fund.FundLedger funds;

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
    void aMemberWhoIsAnOfficialSeesNoOtherMemberBeforeTheAward() {
        String code = scenario.create(requirement("2400000.00", "ELDERLY_CARE", PurchaseScenario.ownFund(funds, "F2026-IT-CONFIDENTIAL"))).path("code").asText();
        scenario.publish(code, "2026-06-22T09:00:00+08:00");
        scenario.bids("provider1", code, "2200000.00");
        scenario.bids("provider2", code, "2000000.00");
        scenario.bids("provider3", code, "2300000.00");

        // the public page before the deadline: the notice, no bidder
        ResponseEntity<String> sealed = http.getForEntity("/public/purchases/" + code, String.class);
        assertThat(sealed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(sealed.getBody()).contains("投标截止前不公开投标人", "2026-06-22 09:00", "公开招标", "/public/ocds/" + code)
                .doesNotContain("id=\"bidders\"");
        ResponseEntity<String> unknown = http.getForEntity("/public/purchases/PS-2026-9999", String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).contains("未找到").doesNotContain("\"code\"");

        scenario.moveClock("2026-06-22T09:00:01+08:00");
        scenario.awaitStatus(code, "AWAITING_COMMITTEE");
        String opened = http.getForEntity("/public/purchases/" + code, String.class).getBody();
        assertThat(opened).contains("id=\"bidders\"").doesNotContain("投标截止前不公开投标人");
        assertThat(countOf(opened, "class=\"bidder\"")).isEqualTo(3);

        ResponseEntity<JsonNode> appointed = scenario.appoint(code, committee(EXPERTS, List.of("street2")));
        assertThat(appointed.getStatusCode()).as(String.valueOf(appointed.getBody())).isEqualTo(HttpStatus.CREATED);

        // the JSON API: street2 sees neither the members nor the others' tasks
        JsonNode asMember = scenario.as("street2").get("/api/procurements/" + code).getBody();
        assertThat(asMember.path("committee")).isEmpty();
        assertThat(ProjectScenario.stream(asMember.path("openTasks")).map(t -> t.path("assignee").asText()).toList())
                .hasSize(3).containsOnly("street2");
        // the purchaser, who does not sit on it, does (the path not taken)
        JsonNode asPurchaser = scenario.as("street1").get("/api/procurements/" + code).getBody();
        assertThat(asPurchaser.path("committee")).hasSize(5);
        assertThat(asPurchaser.path("openTasks")).hasSize(15);

        // the workbench's purchase page
        String page = http.withBasicAuth("street2", "demo").getForEntity("/workbench/purchases/" + code, String.class).getBody();
        assertThat(page).contains(code, "评审结果公告前，评审委员会成员名单保密");
        EXPERTS.forEach(expert -> assertThat(page).doesNotContain(expert));
        String purchasersPage = http.withBasicAuth("street1", "demo").getForEntity("/workbench/purchases/" + code, String.class).getBody();
        assertThat(purchasersPage).contains("expert1", "expert4", "street2");

        // Tasklist: street2's lists hold their own tasks only; an expert's task is closed to them
        Tasklist tasklist = Tasklist.as(http, "street2");
        List<JsonNode> listed = tasklist.listedTaskIds().stream().map(id -> tasklist.get("/task/" + id).getBody())
                .filter(t -> t.path("name").asText().contains(code)).toList();
        assertThat(listed).hasSize(3).allSatisfy(t -> assertThat(t.path("assignee").asText()).isEqualTo("street2"));
        String instance = listed.get(0).path("processInstanceId").asText();
        String expertsTask = ProjectScenario.stream(scenario.as("expert1").get("/api/tasks").getBody())
                .filter(t -> code.equals(t.path("procurementCode").asText())).map(t -> t.path("id").asText()).findFirst().orElseThrow();
        for (String path : List.of("/task/" + expertsTask, "/task/" + expertsTask + "/identity-links",
                "/task/" + expertsTask + "/variables", "/task?processInstanceId=" + instance,
                "/process-instance/" + instance + "/activity-instances", "/variable-instance?processInstanceIdIn=" + instance,
                "/history/task?processInstanceId=" + instance, "/history/identity-link-log?processInstanceId=" + instance)) {
            assertThat(tasklist.get(path).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
        }
        // a shared filter narrowed to the instance still lists only their own (other filters are closed to them)
        int shared = 0;
        for (JsonNode filter : tasklist.get("/filter?resourceType=Task").getBody()) {
            ResponseEntity<JsonNode> narrowed = tasklist.post("/filter/" + filter.path("id").asText() + "/list",
                    java.util.Map.of("processInstanceId", instance));
            if (narrowed.getStatusCode() == HttpStatus.FORBIDDEN) {
                assertThat(narrowed.getBody().path("error").asText()).isEqualTo("FILTER_NOT_SHARED");
                continue;
            }
            assertThat(narrowed.getStatusCode()).isEqualTo(HttpStatus.OK);
            narrowed.getBody().forEach(t -> assertThat(t.path("assignee").asText()).isEqualTo("street2"));
            shared++;
        }
        assertThat(shared).as("我的待办 and 本组待办").isEqualTo(2);
        // and /engine-rest is closed to them
        assertThat(scenario.as("street2").get("/engine-rest/task?processInstanceId=" + instance).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // the scoring's progress, in counts only, for the purchaser who does not sit on the committee
        assertThat(purchasersPage).contains("id=\"scoring-progress\"", "评审委员会 <strong>5</strong> 人中",
                "id=\"members-done\">0<", "id=\"scores-done\">0<");
        assertThat(page).doesNotContain("scoring-progress");
        List<Long> bids = ProjectScenario.stream(scenario.procurement(code).path("bids")).map(b -> b.path("id").asLong()).toList();
        bids.forEach(bid -> assertThat(scenario.score("expert1", code, bid, 80).getStatusCode()).isEqualTo(HttpStatus.CREATED));
        assertThat(scenario.score("expert2", code, bids.get(0), 80).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String progressed = http.withBasicAuth("street1", "demo").getForEntity("/workbench/purchases/" + code, String.class).getBody();
        assertThat(progressed).contains("id=\"members-done\">1<", "id=\"scores-done\">4<", "共 <span>15</span> 项");
        // a member who is an official, and an expert, learn nothing of the others' progress (条例 art. 40)
        assertThat(http.withBasicAuth("street2", "demo").getForEntity("/workbench/purchases/" + code, String.class).getBody())
                .doesNotContain("scoring-progress", "评审进度");
        assertThat(scenario.as("street2").get("/api/procurements/" + code).getBody().path("scoringProgress").isMissingNode()).isTrue();
        assertThat(scenario.as("expert3").get("/api/procurements/" + code).getBody().path("scoringProgress").isMissingNode()).isTrue();
        JsonNode progress = scenario.as("street1").get("/api/procurements/" + code).getBody().path("scoringProgress");
        assertThat(progress.path("members").asInt()).isEqualTo(5);
        assertThat(progress.path("membersDone").asInt()).isEqualTo(1);
        assertThat(progress.path("scores").asInt()).isEqualTo(4);
        assertThat(progress.path("scoresDue").asInt()).isEqualTo(15);

        // once the award is published, the committee is public (87号令 art. 69)
        bids.stream().skip(1).forEach(bid -> assertThat(scenario.score("expert2", code, bid, 80).getStatusCode()).isEqualTo(HttpStatus.CREATED));
        for (String member : List.of("expert3", "expert4", "street2")) {
            bids.forEach(bid -> assertThat(scenario.score(member, code, bid, 80).getStatusCode()).isEqualTo(HttpStatus.CREATED));
        }
        scenario.awaitStatus(code, "CHALLENGE_PERIOD");
        assertThat(scenario.as("street2").get("/api/procurements/" + code).getBody().path("committee")).hasSize(5);
        String awarded = http.getForEntity("/public/purchases/" + code, String.class).getBody();
        assertThat(awarded).contains("id=\"ranking\"", "质疑期至");
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}

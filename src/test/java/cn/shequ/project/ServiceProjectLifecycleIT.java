package cn.shequ.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.support.Api;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A service project from proposal to CLOSED through the JSON API as the demo users, with the fund
 * ledger, the project status and the public disclosure checked at every step.
 */
@ShequIT
class ServiceProjectLifecycleIT {

    @Autowired
    TestRestTemplate http;

    static Map<String, Object> proposal(String amount, String category, String fund, String mode) {
        BigDecimal total = new BigDecimal(amount);
        BigDecimal first = total.multiply(new BigDecimal("0.6")).setScale(2, java.math.RoundingMode.HALF_UP);
        return Map.ofEntries(
                Map.entry("title", "东湖社区长者助餐服务"),
                Map.entry("category", category),
                Map.entry("communityCode", "C001"),
                Map.entry("beneficiaries", "辖区80岁以上独居老人约120人"),
                Map.entry("description", "为辖区高龄独居老人提供每日午餐配送和上门探访。"),
                Map.entry("amount", amount),
                Map.entry("fundCode", fund),
                Map.entry("deliveryMode", mode),
                Map.entry("budgetLines", List.of(Map.of("item", "餐费补贴", "amount", first.toPlainString()),
                        Map.of("item", "配送与探访", "amount", total.subtract(first).toPlainString()))),
                Map.entry("plannedStart", "2026-12-01"),
                Map.entry("plannedEnd", "2027-06-30"),
                Map.entry("milestones", List.of(Map.of("name", "服务启动", "percent", 40), Map.of("name", "服务完成", "percent", 60))));
    }

    static Map<String, Object> meeting(int eligible, int present, int yes) {
        return meeting(eligible, present, yes, "2026-11-01");
    }

    static Map<String, Object> meeting(int eligible, int present, int yes, String heldOn) {
        return Map.of("kind", "RESIDENTS_MEETING", "mode", "HOUSEHOLD_REPS", "eligible", eligible, "present", present,
                "yes", yes, "no", present - yes, "abstain", 0, "heldOn", heldOn, "minutes", "居民代表讨论并表决长者助餐项目。");
    }

    @Test
    void aProjectGoesFromProposalToClosedAndTheMoneyAgreesAtEveryStep() {
        Api committee1 = Api.as(http, "committee1");
        Api committee2 = Api.as(http, "committee2");
        BigDecimal availableBefore = available("F2026-CITY");

        ResponseEntity<JsonNode> created = committee1.post("/api/projects", proposal("30000.00", "ELDERLY_CARE", "F2026-CITY", "SELF"));
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        String code = created.getBody().path("code").asText();
        assertThat(code).matches("SP-\\d{4}-\\d{4}");
        assertThat(created.getBody().path("status").asText()).isEqualTo("DRAFT");

        assertThat(committee1.post("/api/projects/" + code + "/submit", null).getBody().path("status").asText())
                .isEqualTo("AWAITING_MEETING");
        JsonNode vote = committee2.post("/api/projects/" + code + "/meetings", meeting(100, 51, 26)).getBody();
        assertThat(vote.path("outcome").asText()).isEqualTo("PASSED");
        assertThat(status(code)).isEqualTo("IN_REVIEW");

        // 30,000 is within the street office's authority: no civil affairs review
        complete("street1", code, "street-office-review", Map.of("decision", "APPROVE", "comment", "同意"));
        assertThat(openTaskKeys(code)).containsExactly("finance-review");
        assertThat(available("F2026-CITY")).isEqualByComparingTo(availableBefore);

        complete("finance1", code, "finance-review", Map.of("decision", "APPROVE"));
        assertThat(status(code)).isEqualTo("IN_DELIVERY");
        assertThat(available("F2026-CITY")).isEqualByComparingTo(availableBefore.subtract(new BigDecimal("30000.00")));
        assertThat(publicProject(code).path("approvedAmount").asText()).isEqualTo("30000.00");

        payMilestone(code, 1);
        payMilestone(code, 2);
        JsonNode fund = Api.as(http, "finance1").get("/api/funds/F2026-CITY").getBody();
        assertThat(fund.path("disbursed").asText()).isNotEqualTo("0.00");
        List<JsonNode> ledger = entries(Api.as(http, "finance1").get("/api/funds/F2026-CITY/ledger").getBody(), code);
        assertThat(ledger).extracting(e -> e.path("type").asText()).containsExactly("RESERVE", "DISBURSE", "DISBURSE");
        assertThat(ledger).extracting(e -> e.path("amount").asText()).containsExactly("30000.00", "12000.00", "18000.00");

        assertThat(status(code)).isEqualTo("AWAITING_FINAL_ACCEPTANCE");
        complete("committee1", code, "final-acceptance", Map.of("respondents", 40, "satisfied", 36,
                "scores", Map.of("budgetExecution", 9, "outputs", 45, "outcomes", 27, "satisfaction", 9)));
        JsonNode project = committee1.get("/api/projects/" + code).getBody();
        assertThat(project.path("status").asText()).isEqualTo("IN_AUDIT");
        assertThat(project.path("grade").asText()).isEqualTo("EXCELLENT");
        assertThat(publicProject(code).path("grade").asText()).isEqualTo("EXCELLENT");
        assertThat(publicProject(code).path("payments")).hasSize(2);

        complete("auditor1", code, "audit-review", Map.of("decision", "FINDINGS", "findings", "第二期佐证材料不全"));
        assertThat(status(code)).isEqualTo("RECTIFYING");
        complete("committee2", code, "rectify", Map.of("rectification", "已补充签到表和照片"));
        complete("auditor1", code, "audit-review", Map.of("decision", "CLEAN"));
        assertThat(status(code)).isEqualTo("CLOSED");
        assertThat(available("F2026-CITY")).isEqualByComparingTo(availableBefore.subtract(new BigDecimal("30000.00")));
    }

    private void payMilestone(String code, int seq) {
        complete("committee1", code, "report-milestone", Map.of("summary", "第" + seq + "期服务已完成", "evidence", "签到表、照片"));
        complete("committee2", code, "accept-milestone", Map.of("decision", "APPROVE", "comment", "验收合格", "servedParticipants", 12));
        complete("finance2", code, "approve-payment", Map.of("decision", "APPROVE"));
        awaitPaid(code, seq);
    }

    private void awaitPaid(String code, int seq) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            JsonNode project = Api.as(http, "finance1").get("/api/projects/" + code).getBody();
            if ("PAID".equals(project.path("milestones").get(seq - 1).path("status").asText())) {
                return;
            }
            sleep();
        }
        throw new AssertionError("milestone " + seq + " of " + code + " was not paid within 30 s");
    }

    String status(String code) {
        return Api.as(http, "auditor2").get("/api/projects/" + code).getBody().path("status").asText();
    }

    List<String> openTaskKeys(String code) {
        JsonNode open = Api.as(http, "auditor2").get("/api/projects/" + code).getBody().path("openTasks");
        return java.util.stream.StreamSupport.stream(open.spliterator(), false).map(t -> t.path("key").asText()).toList();
    }

    void complete(String user, String code, String key, Map<String, Object> fields) {
        String taskId = taskId(user, code, key);
        ResponseEntity<JsonNode> done = Api.as(http, user).post("/api/tasks/" + taskId + "/complete", fields);
        assertThat(done.getStatusCode()).as(user + " " + key + ": " + done.getBody()).isEqualTo(HttpStatus.OK);
    }

    String taskId(String user, String code, String key) {
        JsonNode tasks = Api.as(http, user).get("/api/tasks").getBody();
        for (JsonNode task : tasks) {
            if (code.equals(task.path("projectCode").asText()) && key.equals(task.path("key").asText())) {
                return task.path("id").asText();
            }
        }
        throw new AssertionError(user + " has no task " + key + " of " + code + " in " + tasks);
    }

    BigDecimal available(String fund) {
        return new BigDecimal(Api.as(http, "finance1").get("/api/funds/" + fund).getBody().path("available").asText());
    }

    JsonNode publicProject(String code) {
        for (JsonNode p : http.getForObject("/public/projects", JsonNode.class)) {
            if (code.equals(p.path("code").asText())) {
                return p;
            }
        }
        throw new AssertionError(code + " is not disclosed");
    }

    static List<JsonNode> entries(JsonNode ledger, String code) {
        return java.util.stream.StreamSupport.stream(ledger.spliterator(), false)
                .filter(e -> code.equals(e.path("projectCode").asText())).toList();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

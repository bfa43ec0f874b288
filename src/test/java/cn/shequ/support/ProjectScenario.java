package cn.shequ.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.project.ServiceProjectProcess.Tasks;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Drives service projects through the JSON API as the demo users of API.md, for the integration
 * tests of the project package: the request bodies, the steps a test is not about (drafting,
 * submitting, a meeting that passes, completing a task), and what a user can read back (status,
 * open tasks, the project's own ledger lines). Funds are shared by every test of the context, so
 * the helpers read a project's own ledger lines and callers compare balances as deltas.
 */
public final class ProjectScenario {

    /** The committee member of C001 who drafts every project here (the author). */
    public static final String AUTHOR = "committee1";
    /** The other committee member of C001, who records meetings and accepts milestones. */
    public static final String COMMITTEE = "committee2";

    private final TestRestTemplate http;

    public ProjectScenario(TestRestTemplate http) {
        this.http = http;
    }

    public Api as(String user) {
        return Api.as(http, user);
    }

    /**
     * A complete project report for C001: budget lines 60/40 of the amount, milestones 40/60
     * percent. Mutable, so a test can break one field.
     */
    public static Map<String, Object> proposal(String amount, String category, String fund, String mode) {
        BigDecimal total = new BigDecimal(amount);
        BigDecimal first = total.multiply(new BigDecimal("0.6")).setScale(2, RoundingMode.HALF_UP);
        List<Map<String, Object>> lines = first.signum() > 0 && first.compareTo(total) < 0
                ? List.of(Map.of("item", "餐费补贴", "amount", first.toPlainString()),
                        Map.of("item", "配送与探访", "amount", total.subtract(first).toPlainString()))
                : List.of(Map.of("item", "服务费用", "amount", total.toPlainString()));
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("title", "东湖社区长者助餐服务");
        proposal.put("category", category);
        proposal.put("communityCode", "C001");
        proposal.put("beneficiaries", "辖区80岁以上独居老人约120人");
        proposal.put("description", "为辖区高龄独居老人提供每日午餐配送和上门探访。");
        proposal.put("amount", amount);
        proposal.put("fundCode", fund);
        proposal.put("deliveryMode", mode);
        proposal.put("budgetLines", lines);
        proposal.put("plannedStart", "2026-12-01");
        proposal.put("plannedEnd", "2027-06-30");
        proposal.put("milestones", List.of(Map.of("name", "服务启动", "percent", 40), Map.of("name", "服务完成", "percent", 60)));
        return proposal;
    }

    /** A residents' meeting of household representatives held on 2026-11-01; the rest of those present vote no. */
    public static Map<String, Object> meeting(int eligible, int present, int yes) {
        return meeting(eligible, present, yes, "2026-11-01");
    }

    public static Map<String, Object> meeting(int eligible, int present, int yes, String heldOn) {
        Map<String, Object> meeting = new LinkedHashMap<>();
        meeting.put("kind", "RESIDENTS_MEETING");
        meeting.put("mode", "HOUSEHOLD_REPS");
        meeting.put("eligible", eligible);
        meeting.put("present", present);
        meeting.put("yes", yes);
        meeting.put("no", present - yes);
        meeting.put("abstain", 0);
        meeting.put("heldOn", heldOn);
        meeting.put("minutes", "居民代表讨论并表决长者助餐项目。");
        return meeting;
    }

    /** {@link #AUTHOR} drafts the project; returns its code (status DRAFT). */
    public String draft(Map<String, Object> proposal) {
        ResponseEntity<JsonNode> created = as(AUTHOR).post("/api/projects", proposal);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().path("status").asText()).isEqualTo("DRAFT");
        return created.getBody().path("code").asText();
    }

    /** Drafted and submitted: waiting for the residents' meeting. */
    public String submitted(Map<String, Object> proposal) {
        String code = draft(proposal);
        submit(code);
        return code;
    }

    public void submit(String code) {
        ResponseEntity<JsonNode> submitted = as(AUTHOR).post("/api/projects/" + code + "/submit", null);
        assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(submitted.getBody().path("status").asText()).isEqualTo("AWAITING_MEETING");
    }

    /** Drafted, submitted and passed by the residents (51 of 100 present, 26 in favour): in review. */
    public String inReview(Map<String, Object> proposal) {
        String code = submitted(proposal);
        assertThat(meet(code, meeting(100, 51, 26)).path("outcome").asText()).isEqualTo("PASSED");
        assertThat(status(code)).isEqualTo("IN_REVIEW");
        return code;
    }

    /** {@link #COMMITTEE} records a meeting; 201 expected. */
    public JsonNode meet(String code, Map<String, Object> meeting) {
        ResponseEntity<JsonNode> recorded = as(COMMITTEE).post("/api/projects/" + code + "/meetings", meeting);
        assertThat(recorded.getStatusCode()).as(String.valueOf(recorded.getBody())).isEqualTo(HttpStatus.CREATED);
        return recorded.getBody();
    }

    /** The project as an official (auditor2, who works on none of these projects) reads it. */
    public JsonNode project(String code) {
        ResponseEntity<JsonNode> project = as("auditor2").get("/api/projects/" + code);
        assertThat(project.getStatusCode()).as(String.valueOf(project.getBody())).isEqualTo(HttpStatus.OK);
        return project.getBody();
    }

    public String status(String code) {
        return project(code).path("status").asText();
    }

    public List<String> openTaskKeys(String code) {
        return stream(project(code).path("openTasks")).map(t -> t.path("key").asText()).toList();
    }

    /** Completes the task {@code key} of the project as {@code user}, found in their task list; 200 expected. */
    public void complete(String user, String code, String key, Map<String, Object> fields) {
        ResponseEntity<JsonNode> done = attempt(user, code, key, fields);
        assertThat(done.getStatusCode()).as(user + " " + key + ": " + done.getBody()).isEqualTo(HttpStatus.OK);
    }

    /** Tries to complete the task {@code key} of the project as {@code user}; returns the answer, whatever it is. */
    public ResponseEntity<JsonNode> attempt(String user, String code, String key, Map<String, Object> fields) {
        return completeById(user, taskId(user, code, key), fields);
    }

    public ResponseEntity<JsonNode> completeById(String user, String taskId, Map<String, Object> fields) {
        return as(user).post("/api/tasks/" + taskId + "/complete", fields);
    }

    /** The id of the task {@code key} of the project in {@code user}'s task list. */
    public String taskId(String user, String code, String key) {
        return task(user, code, key).map(t -> t.path("id").asText())
                .orElseThrow(() -> new AssertionError(user + " has no task " + key + " of " + code + " in " + tasks(user)));
    }

    /** The task {@code key} of the project as it appears in {@code user}'s task list, if it does. */
    public Optional<JsonNode> task(String user, String code, String key) {
        return stream(tasks(user)).filter(t -> code.equals(t.path("projectCode").asText()) && key.equals(t.path("key").asText()))
                .findFirst();
    }

    /** The tasks of the project in {@code user}'s task list. */
    public List<JsonNode> tasksOf(String user, String code) {
        return stream(tasks(user)).filter(t -> code.equals(t.path("projectCode").asText())).toList();
    }

    public JsonNode tasks(String user) {
        ResponseEntity<JsonNode> tasks = as(user).get("/api/tasks");
        assertThat(tasks.getStatusCode()).as(String.valueOf(tasks.getBody())).isEqualTo(HttpStatus.OK);
        return tasks.getBody();
    }

    /** The id of the open task {@code key} as the project shows it (also for users whose list does not offer it). */
    public String openTaskId(String code, String key) {
        return stream(project(code).path("openTasks")).filter(t -> key.equals(t.path("key").asText()))
                .map(t -> t.path("id").asText()).findFirst()
                .orElseThrow(() -> new AssertionError(code + " has no open " + key));
    }

    public BigDecimal available(String fund) {
        return new BigDecimal(as("finance1").get("/api/funds/" + fund).getBody().path("available").asText());
    }

    /** The ledger lines of {@code fund} that name the project. */
    public List<JsonNode> ledger(String fund, String code) {
        return entries(as("finance1").get("/api/funds/" + fund + "/ledger").getBody(), code);
    }

    public static List<JsonNode> entries(JsonNode ledger, String code) {
        return stream(ledger).filter(e -> code.equals(e.path("projectCode").asText())).toList();
    }

    public JsonNode publicProject(String code) {
        for (JsonNode p : http.getForObject("/public/projects", JsonNode.class)) {
            if (code.equals(p.path("code").asText())) {
                return p;
            }
        }
        throw new AssertionError(code + " is not disclosed");
    }

    /**
     * street1 approves project {@code code} in review (同意), then finance1: the project is approved, its amount
     * reserved on its fund.
     */
    public void approve(String code) {
        complete("street1", code, Tasks.STREET_OFFICE_REVIEW, Map.of("decision", "APPROVE", "comment", "同意"));
        complete("finance1", code, Tasks.FINANCE_REVIEW, Map.of("decision", "APPROVE"));
    }

    /** Reports, accepts and approves milestone {@code seq}, then waits for the disbursement job to pay it. */
    public void payMilestone(String code, int seq) {
        reportAndAccept(code, seq);
        complete("finance2", code, Tasks.APPROVE_PAYMENT, Map.of("decision", "APPROVE"));
        awaitPaid(code, seq);
    }

    /** committee1 reports milestone {@code seq}, committee2 accepts it: approve-payment is then open. */
    public void reportAndAccept(String code, int seq) {
        complete(AUTHOR, code, Tasks.REPORT_MILESTONE, Map.of("summary", "第" + seq + "期服务已完成", "evidence", "签到表、照片"));
        complete(COMMITTEE, code, Tasks.ACCEPT_MILESTONE, Map.of("decision", "APPROVE", "comment", "验收合格", "servedParticipants", 12));
    }

    public void awaitPaid(String code, int seq) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            JsonNode project = as("finance1").get("/api/projects/" + code).getBody();
            if ("PAID".equals(project.path("milestones").get(seq - 1).path("status").asText())) {
                return;
            }
            pause();
        }
        throw new AssertionError("milestone " + seq + " of " + code + " was not paid within 30 s");
    }

    /** Moves the demo clock (admin, API.md "Clock"). */
    public void moveClock(String now) {
        ResponseEntity<JsonNode> moved = as("admin").post("/api/admin/clock", Map.of("now", now));
        assertThat(moved.getStatusCode()).as(String.valueOf(moved.getBody())).isEqualTo(HttpStatus.OK);
    }

    /** Back to real time. */
    public void resetClock() {
        ResponseEntity<JsonNode> reset = http.withBasicAuth("admin", "demo")
                .exchange("/api/admin/clock", HttpMethod.DELETE, null, JsonNode.class);
        assertThat(reset.getStatusCode()).as(String.valueOf(reset.getBody())).isEqualTo(HttpStatus.OK);
    }

    /** Shequ's (possibly moved) clock. */
    public OffsetDateTime clockNow() {
        return OffsetDateTime.parse(as("admin").get("/api/admin/clock").getBody().path("now").asText());
    }

    public LocalDate clockToday() {
        return clockNow().atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
    }

    /** How many service-project instances the engine ever started (history, so ended ones count too). */
    public long processesStarted() {
        return as("admin").get("/engine-rest/history/process-instance/count?processDefinitionKey=service-project")
                .getBody().path("count").asLong();
    }

    public static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    public static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

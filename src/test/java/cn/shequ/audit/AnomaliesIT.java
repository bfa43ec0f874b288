package cn.shequ.audit;

import static cn.shequ.support.ProjectScenario.meeting;
import static cn.shequ.support.ProjectScenario.proposal;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.project.ServiceProjectProcess;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Each anomaly rule fires on a case built for it and stays silent on a clean lifecycle. Cases are
 * built through the API as the demo users where the system lets them happen (a refused
 * segregation-of-duties attempt, a ring-fenced fund asked to pay for another category, a payment
 * approved 35 days after acceptance, a review left past its deadline); where the system prevents
 * them (a payment without acceptance, a project paid beyond its reservation), synthetic rows are
 * written straight into the tables on a fund of the test's own, and removed afterwards.
 */
@ShequIT
class AnomaliesIT {

    static final Map<String, Object> APPROVE = Map.of("decision", "APPROVE", "comment", "同意");
    static final ZoneId CST = ZoneId.of("Asia/Shanghai");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    ProjectScenario scenario;
    final List<String> testFunds = new ArrayList<>();

    @BeforeEach
    void scenario() {
        scenario = new ProjectScenario(http);
    }

    @AfterEach
    void cleanUp() {
        scenario.resetClock();
        for (String fund : testFunds) {
            jdbc.update("DELETE FROM milestone_payment WHERE ledger_seq IN (SELECT seq FROM fund_ledger WHERE fund_code = ?)", fund);
            jdbc.update("DELETE FROM fund_ledger WHERE fund_code = ?", fund);
            jdbc.update("DELETE FROM fund_category WHERE fund_code = ?", fund);
            jdbc.update("DELETE FROM fund WHERE code = ?", fund);
        }
    }

    @Test
    void aRefusedSegregationOfDutiesAttemptIsAnAnomaly() {
        String code = scenario.inReview(proposal("2000.00", "ELDERLY_CARE", "F2026-CITY", "SELF"));
        scenario.complete("dual1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, APPROVE);
        ResponseEntity<JsonNode> refused = scenario.completeById("dual1", scenario.taskId("dual1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW),
                Map.of("decision", "APPROVE"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody().path("error").asText()).isEqualTo("SOD_REVIEWER");

        JsonNode found = only(anomaliesOf(code), "SEGREGATION_OF_DUTIES");
        assertThat(found.path("detail").asText()).contains("dual1").contains(ServiceProjectProcess.Tasks.FINANCE_REVIEW).contains("SOD_REVIEWER");
        assertThat(found.path("legalSource").asText()).contains("不相容岗位相互分离");
        assertThat(OffsetDateTime.parse(found.path("detectedAt").asText()).getOffset().getId()).isEqualTo("+08:00");
        assertThat(all()).anySatisfy(a -> assertThat(a.path("subject").asText()).isEqualTo(code));
    }

    @Test
    void ringFencedMoneyAskedForAnotherCategoryIsAnAnomaly() {
        String code = scenario.inReview(proposal("1000.00", "CULTURE_EDU_SPORTS", "F2026-DISAB", "SELF"));
        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, APPROVE);
        ResponseEntity<JsonNode> refused = scenario.attempt("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW, APPROVE);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().path("error").asText()).isEqualTo("FUND_CATEGORY_NOT_ALLOWED");

        JsonNode found = only(anomaliesOf(code), "RING_FENCED_FUND");
        assertThat(found.path("detail").asText()).contains("finance1").contains("F2026-DISAB");
        assertThat(found.path("legalSource").asText()).contains("预算法第九十三条");
    }

    @Test
    void aRingFencedFundsLedgerLineForAnotherCategoryIsAnAnomaly() {
        String code = scenario.inReview(proposal("1000.00", "ELDERLY_CARE", "F2026-CITY", "SELF"));
        String fund = testFund(false, "DISABILITY");
        ledgerLine(fund, "RESERVE", "1000.00", code, null);

        JsonNode found = only(anomaliesOf(code), "RING_FENCED_FUND");
        assertThat(found.path("detail").asText()).contains(fund).contains("RESERVE").contains("ELDERLY_CARE");
    }

    @Test
    void aPaymentLaterThanThirtyDaysAfterAcceptanceIsAnAnomalyAndSoIsAnAcceptedMilestoneStillUnpaid() {
        // accepted Monday 1 June: the 30th day is Wednesday 1 July, a working day (民法典 art. 203); in the past,
        // so that no timer of another test's process falls due while the clock stands there
        scenario.moveClock("2026-06-01T09:00:00+08:00");
        String code = scenario.submitted(proposal("5000.00", "ELDERLY_CARE", "F2026-CITY", "SELF"));
        scenario.meet(code, ProjectScenario.meeting(100, 51, 26, "2026-05-29"));
        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, APPROVE);
        scenario.complete("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW, APPROVE);
        scenario.reportAndAccept(code, 1);
        assertThat(anomaliesOf(code)).isEmpty();

        scenario.moveClock(scenario.clockNow().plusDays(35).toString());
        JsonNode unpaid = only(anomaliesOf(code), "LATE_PAYMENT");
        assertThat(unpaid.path("detail").asText()).contains("第 1 期").contains("未付款");

        scenario.complete("finance2", code, ServiceProjectProcess.Tasks.APPROVE_PAYMENT, Map.of("decision", "APPROVE"));
        scenario.awaitPaid(code, 1);
        assertThat(jdbc.queryForObject("SELECT late FROM milestone_payment WHERE subject_code = ? AND milestone_seq = 1",
                Boolean.class, code)).isTrue();
        JsonNode late = only(anomaliesOf(code), "LATE_PAYMENT");
        // 35 days after acceptance (Monday 6 July): 5 days past the deadline, interest 2,000.00 × 0.05% × 5 = 5.00
        assertThat(late.path("detail").asText()).contains("第 1 期 ¥2000.00").contains("逾期 5 天").contains("¥5.00");
        // the same stored figures on the project's milestone
        JsonNode milestone = scenario.project(code).path("milestones").get(0);
        assertThat(milestone.path("lateDays").asInt()).isEqualTo(5);
        assertThat(milestone.path("lateInterest").asText()).isEqualTo("5.00");
        assertThat(late.path("legalSource").asText()).contains("保障中小企业款项支付条例");
    }

    @Test
    void aReviewPastItsDueDateIsAnAnomalyBeforeAndAfterTheTimerEscalatesIt() {
        keepReviewsIn2026();
        String code = scenario.submitted(proposal("3000.00", "ELDERLY_CARE", "F2026-CITY", "SELF"));
        scenario.meet(code, meeting(100, 51, 26, scenario.clockToday().toString()));
        OffsetDateTime due = OffsetDateTime.parse(scenario.task("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW).orElseThrow()
                .path("due").asText());
        assertThat(anomaliesOf(code)).isEmpty();

        scenario.moveClock(due.plusDays(1).toString());
        // past due: reported at once, whether or not the timer has escalated it yet
        assertThat(anomaliesOf(code)).isNotEmpty().allSatisfy(a -> {
            assertThat(a.path("rule").asText()).isEqualTo("REVIEW_OVERDUE");
            assertThat(a.path("detail").asText()).contains(ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW);
        });

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<JsonNode> found = anomaliesOf(code);
        while (found.stream().noneMatch(a -> a.path("detail").asText().contains("已督办")) && Instant.now().isBefore(deadline)) {
            ProjectScenario.pause();
            found = anomaliesOf(code);
        }
        // once escalated, the escalation is the one finding: the open task is not reported twice
        JsonNode escalated = only(found, "REVIEW_OVERDUE");
        assertThat(escalated.path("detail").asText()).contains(ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW).contains("已督办");
    }

    @Test
    void aPaymentForAMilestoneThatWasNeverAcceptedIsAnAnomaly() {
        String code = scenario.inReview(proposal("1000.00", "ELDERLY_CARE", "F2026-CITY", "SELF"));
        String fund = testFund(true);
        ledgerLine(fund, "RESERVE", "1000.00", code, null);
        long paid = ledgerLine(fund, "DISBURSE", "400.00", code, 1);
        LocalDateTime now = LocalDateTime.now(CST);
        jdbc.update("INSERT INTO milestone_payment (subject_code, milestone_seq, amount, ledger_seq, paid_at, paid_by, "
                + "accepted_at, late) VALUES (?, 1, 400.00, ?, ?, 'finance2', ?, FALSE)", code, paid, now, now);

        JsonNode found = only(anomaliesOf(code), "PAYMENT_WITHOUT_ACCEPTANCE");
        assertThat(found.path("detail").asText()).contains("第 1 期").contains("¥400.00").contains("无验收记录");
    }

    @Test
    void paidMoreThanWasReservedIsAnAnomalyPaidExactlyWhatWasReservedIsNot() {
        String fund = testFund(true);
        String over = "AX-" + System.nanoTime() % 100_000_000;
        String exact = over + "E";
        ledgerLine(fund, "RESERVE", "100.00", over, null);
        ledgerLine(fund, "RELEASE", "30.00", over, null);
        ledgerLine(fund, "DISBURSE", "80.00", over, 1);
        ledgerLine(fund, "RESERVE", "100.00", exact, null);
        ledgerLine(fund, "DISBURSE", "100.00", exact, 1);

        JsonNode found = only(anomaliesOf(over), "DISBURSED_BEYOND_RESERVED");
        assertThat(found.path("detail").asText()).contains(fund).contains("拨付 ¥80.00").contains("超出 ¥10.00");
        assertThat(anomaliesOf(exact)).isEmpty();
    }

    @Test
    void aCleanLifecycleRaisesNoAnomaly() {
        keepReviewsIn2026();
        String code = scenario.inReview(proposal("6000.00", "ELDERLY_CARE", "F2026-CITY", "SELF"));
        scenario.complete("street1", code, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, APPROVE);
        scenario.complete("finance1", code, ServiceProjectProcess.Tasks.FINANCE_REVIEW, APPROVE);
        scenario.payMilestone(code, 1);
        scenario.payMilestone(code, 2);
        scenario.complete("committee1", code, ServiceProjectProcess.Tasks.FINAL_ACCEPTANCE, Map.of("respondents", 40, "satisfied", 36,
                "scores", Map.of("budgetExecution", 9, "outputs", 45, "outcomes", 27, "satisfaction", 9)));
        scenario.complete("auditor1", code, ServiceProjectProcess.Tasks.AUDIT_REVIEW, Map.of("decision", "CLEAN"));
        assertThat(scenario.status(code)).isEqualTo("CLOSED");

        assertThat(anomaliesOf(code)).isEmpty();
        assertThat(all()).noneMatch(a -> code.equals(a.path("subject").asText()));
    }

    @Test
    void everyRuleNamesItsSourceAndRunsNowThatThePurchaseTablesExist() {
        JsonNode rules = scenario.as("auditor1").get("/api/audit/anomalies/rules").getBody();
        List<String> live = new ArrayList<>();
        rules.forEach(r -> {
            assertThat(r.path("legalSource").asText()).as(r.toString()).isNotBlank();
            assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("LIVE");
            live.add(r.path("rule").asText());
        });
        assertThat(live).containsExactlyInAnyOrder("SEGREGATION_OF_DUTIES", "PAYMENT_WITHOUT_ACCEPTANCE", "LATE_PAYMENT",
                "DISBURSED_BEYOND_RESERVED", "RING_FENCED_FUND", "REVIEW_OVERDUE", "SPLIT_PURCHASE", "CONTRACT_SIGNED_LATE",
                "CONTRACT_PUBLISHED_LATE", "LATE_ANNUAL_REPORT");
        assertThat(scenario.as("committee1").get("/api/audit/anomalies").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(scenario.as("finance1").get("/api/audit/anomalies/rules").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    // ---- helpers ----

    private List<JsonNode> anomaliesOf(String subject) {
        ResponseEntity<JsonNode> response = scenario.as("auditor1").get("/api/audit/anomalies?subject=" + subject);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        List<JsonNode> found = ProjectScenario.stream(response.getBody()).toList();
        assertThat(found).allSatisfy(a -> assertThat(a.path("subject").asText()).isEqualTo(subject));
        return found;
    }

    private List<JsonNode> all() {
        return ProjectScenario.stream(scenario.as("auditor2").get("/api/audit/anomalies").getBody()).toList();
    }

    /** The one finding of the subject, of {@code rule}. */
    private static JsonNode only(List<JsonNode> found, String rule) {
        assertThat(found).as(found.toString()).extracting(a -> a.path("rule").asText()).containsExactly(rule);
        return found.get(0);
    }

    /** Reviews take 10 working days from a calendar that holds 2026 only: start them early enough in 2026. */
    private void keepReviewsIn2026() {
        LocalDate today = scenario.clockToday();
        if (today.getYear() != 2026 || today.plusDays(21).getYear() != 2026) {
            scenario.moveClock("2026-11-02T09:00:00+08:00");
        }
    }

    private String testFund(boolean allCategories, String... categories) {
        String code = "FT-" + System.nanoTime() % 1_000_000_000L;
        jdbc.update("INSERT INTO fund (code, name, source, fiscal_year, all_categories, owner_street, total, reserved, "
                + "disbursed) VALUES (?, '审计测试资金', 'test', 2026, ?, NULL, 1000.00, 0, 0)", code, allCategories);
        testFunds.add(code);
        for (String category : categories) {
            jdbc.update("INSERT INTO fund_category (fund_code, category_code) VALUES (?, ?)", code, category);
        }
        return code;
    }

    private long ledgerLine(String fund, String type, String amount, String subject, Integer milestone) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO fund_ledger (fund_code, entry_type, amount, "
                    + "project_code, milestone_seq, at, actor, available_after) VALUES (?, ?, ?, ?, ?, ?, 'test', 0)",
                    Statement.RETURN_GENERATED_KEYS);
            insert.setString(1, fund);
            insert.setString(2, type);
            insert.setBigDecimal(3, new BigDecimal(amount));
            insert.setString(4, subject);
            insert.setObject(5, milestone);
            insert.setObject(6, LocalDateTime.now(CST));
            return insert;
        }, key);
        return Objects.requireNonNull(key.getKey()).longValue();
    }
}

package cn.shequ.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.engine.ShequClock;
import cn.shequ.support.Api;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The purchase rules read the purchase tables. The purchase process itself counts earlier purchases
 * against the thresholds and records its dates, so the cases are synthetic rows written straight into
 * procurement and contract — in fiscal year 2099 and under codes PX-…, so that no purchase of another
 * test counts them — and removed afterwards.
 */
@ShequIT
class PurchaseAnomaliesIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ShequClock clock;

    final List<String> procurements = new ArrayList<>();

    @AfterEach
    void remove() {
        clock.reset();
        for (String code : procurements) {
            jdbc.update("DELETE FROM delivery_milestone WHERE subject_kind = 'CONTRACT' AND subject_code = ?", code);
            jdbc.update("DELETE FROM contract WHERE procurement_code = ?", code);
            jdbc.update("DELETE FROM procurement WHERE code = ?", code);
        }
    }

    @Test
    void smallPurchasesOfOneCategoryAddingUpPastTheLimitInOneYearAreSplit() {
        String first = procurement("400000.00", "SMALL_PURCHASE", "IN_DELIVERY", null);
        String second = procurement("400000.00", "SMALL_PURCHASE", "IN_DELIVERY", null);
        String third = procurement("300000.00", "SMALL_PURCHASE", "BIDDING", null);
        String cancelled = procurement("900000.00", "SMALL_PURCHASE", "CANCELLED", null);

        for (String code : List.of(first, second, third)) {
            JsonNode found = only(anomaliesOf(code), "SPLIT_PURCHASE");
            assertThat(found.path("detail").asText()).contains("合计 ¥1100000.00").contains("COMPETITIVE_CONSULTATION");
            assertThat(found.path("legalSource").asText()).contains("政府采购法第二十八条");
        }
        assertThat(anomaliesOf(cancelled)).as("a cancelled purchase bought nothing").isEmpty();
    }

    @Test
    void aContractSignedMoreThanThirtyDaysAfterTheAwardOrPublishedLateIsAnAnomaly() {
        LocalDate award = LocalDate.of(2026, 3, 2);
        String signedLate = procurement("50000.00", "SMALL_PURCHASE", "IN_DELIVERY", award);
        contract(signedLate, award.plusDays(31), award.plusDays(32));
        String publishedLate = procurement("50000.00", "SMALL_PURCHASE", "IN_DELIVERY", LocalDate.of(2026, 4, 20));
        // signed Thursday 30 April; 1–5 May are holidays: due Thursday 7 May, published Friday 8 May
        contract(publishedLate, LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 8));
        String inTime = procurement("50000.00", "SMALL_PURCHASE", "IN_DELIVERY", award);
        contract(inTime, award.plusDays(30), LocalDate.of(2026, 4, 3));

        assertThat(only(anomaliesOf(signedLate), "CONTRACT_SIGNED_LATE").path("detail").asText())
                .contains("2026-03-02").contains("2026-04-02 签订");
        assertThat(only(anomaliesOf(publishedLate), "CONTRACT_PUBLISHED_LATE").path("detail").asText())
                .contains("公告期限 2026-05-07").contains("2026-05-08 公告");
        assertThat(anomaliesOf(inTime)).isEmpty();
    }

    @Test
    void anAcceptedContractMilestoneIsUnpaidLateOnlyOnceTheContractsOwnPaymentTermHasPassed() {
        // Thursday 2 July 2026, 10:00 (in the past: no other test's timer falls due meanwhile): the 60th day
        // after 2 May is Wednesday 1 July, a working day, so no rest day moves the end of the term (民法典 art. 203)
        clock.moveTo(OffsetDateTime.parse("2026-07-02T10:00:00+08:00").toInstant());
        LocalDate today = clock.today();
        String code = procurement("50000.00", "SMALL_PURCHASE", "IN_DELIVERY", today.minusDays(100));
        contract(code, today.minusDays(95), today.minusDays(94));
        jdbc.update("UPDATE contract SET payment_term_days = 60 WHERE procurement_code = ?", code);
        LocalDateTime now = clock.localNow();
        jdbc.update("INSERT INTO delivery_milestone (subject_kind, subject_code, seq, name, percent, amount, status, accepted_by, "
                + "accepted_at) VALUES ('CONTRACT', ?, 1, '中期评估', 100, 50000.00, 'ACCEPTED', 'civil1', ?)", code, now.minusDays(45));
        assertThat(anomaliesOf(code)).as("45 days: late under the default 30, not under the contract's 60").isEmpty();

        jdbc.update("UPDATE delivery_milestone SET accepted_at = ? WHERE subject_kind = 'CONTRACT' AND subject_code = ?",
                now.minusDays(61).plusHours(1), code);
        JsonNode late = only(anomaliesOf(code), "LATE_PAYMENT");
        assertThat(late.path("detail").asText()).contains("第 1 期", "未付款", "已逾期 1 天");
    }

    // ---- helpers ----

    private String procurement(String amount, String method, String status, LocalDate awardNoticeOn) {
        String code = "PX-" + System.nanoTime() % 10_000_000_000L;
        LocalDateTime now = LocalDateTime.now();
        jdbc.update("INSERT INTO procurement (code, title, category, amount, fund_code, purchaser_user, purchaser_district, "
                + "fiscal_year, term_months, price_weight, method, counted_amount, needs_finance_approval, status, "
                + "reserved_amount, disbursed_amount, tender_round, award_notice_on, created_at, updated_at) "
                + "VALUES (?, '审计测试采购', 'INFORMATIZATION', ?, 'F2026-PURCHASE', 'civil1', 'D01', 2099, 12, 20, ?, ?, "
                + "FALSE, ?, 0, 0, 1, ?, ?, ?)", code, new java.math.BigDecimal(amount), method,
                new java.math.BigDecimal(amount), status, awardNoticeOn, now, now);
        procurements.add(code);
        return code;
    }

    private void contract(String procurement, LocalDate signedOn, LocalDate publishedOn) {
        Long provider = jdbc.queryForObject("SELECT MIN(id) FROM provider", Long.class);
        jdbc.update("INSERT INTO contract (code, procurement_code, provider_id, amount, performance_bond, term_months, "
                + "signed_on, signed_by, signed_late, publish_due, published_on, published_late, created_at) "
                + "VALUES (?, ?, ?, 50000.00, 0, 12, ?, 'civil1', FALSE, ?, ?, FALSE, ?)",
                "HX-" + procurement.substring(3), procurement, provider, signedOn, signedOn.plusDays(2), publishedOn,
                LocalDateTime.now());
    }

    private List<JsonNode> anomaliesOf(String subject) {
        JsonNode body = Api.as(http, "auditor1").get("/api/audit/anomalies?subject=" + subject).getBody();
        return ProjectScenario.stream(body).toList();
    }

    private static JsonNode only(List<JsonNode> found, String rule) {
        assertThat(found).as(found.toString()).extracting(a -> a.path("rule").asText()).containsExactly(rule);
        return found.get(0);
    }
}

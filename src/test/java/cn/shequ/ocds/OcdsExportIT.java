package cn.shequ.ocds;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.support.OcdsSchema;
import cn.shequ.support.ShequIT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * GET /public/ocds/{code}: a purchase's OCDS 1.1 release package, valid against the OCDS 1.1.5
 * schemas, with a release for each stage reached. The purchase rows are written directly: this
 * tests the mapping from Shequ's tables to OCDS, whatever process filled them.
 */
@ShequIT
class OcdsExportIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Test
    void aPurchaseNotYetAnnouncedIsNotPublic() {
        String code = purchase("OPEN", false);
        assertThat(http.getForEntity("/public/ocds/" + code, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/public/ocds/PS-0000-0000", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aContractedAndPaidPurchaseHasAReleaseForEveryStageAndValidates() throws Exception {
        String code = purchase("AWARDED", true);
        long[] bids = {bid(code, 1, "95000.00", 1), bid(code, 2, "98000.00", 2), bid(code, 3, "99000.00", 3)};
        jdbc.update("UPDATE procurement SET award_bid_id = ?, award_notice_on = ? WHERE code = ?", bids[0], LocalDate.of(2026, 6, 25), code);
        String contract = "HT" + code.substring(3);
        jdbc.update("INSERT INTO contract (code, procurement_code, provider_id, amount, performance_bond, term_months, signed_on, "
                + "signed_by, signed_late, publish_due, published_on, published_late, created_at) VALUES (?, ?, ?, 95000.00, 9500.00, "
                + "12, ?, 'street1', FALSE, ?, ?, FALSE, ?)", contract, code, provider(1), LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 7, 3), LocalDate.of(2026, 7, 2), LocalDateTime.of(2026, 7, 1, 10, 0));
        milestone(code, 1, "签约预付", 30, "28500.00", LocalDateTime.of(2026, 7, 5, 10, 0));
        milestone(code, 2, "中期评估", 40, "38000.00", null);
        milestone(code, 3, "终期验收", 30, "28500.00", null);
        jdbc.update("INSERT INTO fund_ledger (fund_code, entry_type, amount, project_code, milestone_seq, at, actor, available_after) "
                + "VALUES ('F2026-PURCHASE', 'DISBURSE', 28500.00, ?, 1, ?, 'finance1', 0)", code, LocalDateTime.of(2026, 7, 20, 9, 0));
        long ledgerSeq = jdbc.queryForObject("SELECT MAX(seq) FROM fund_ledger WHERE project_code = ?", Long.class, code);
        jdbc.update("INSERT INTO milestone_payment (subject_code, milestone_seq, amount, ledger_seq, paid_at, paid_by, accepted_at, late) "
                + "VALUES (?, 1, 28500.00, ?, ?, 'finance1', ?, FALSE)", code, ledgerSeq, LocalDateTime.of(2026, 7, 20, 9, 0),
                LocalDateTime.of(2026, 7, 5, 10, 0));

        ResponseEntity<JsonNode> response = http.getForEntity("/public/ocds/" + code, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode pack = response.getBody();
        assertThat(validate(pack)).isEmpty();
        JsonNode releases = pack.path("releases");
        assertThat(releases).extracting(r -> r.path("tag").get(0).asText())
                .containsExactly("planning", "tender", "award", "contract", "implementation");
        JsonNode last = releases.get(4);
        assertThat(last.path("ocid").asText()).endsWith(code);
        assertThat(last.path("tender").path("procurementMethod").asText()).isEqualTo("open");
        assertThat(last.path("tender").path("numberOfTenderers").asInt()).isEqualTo(3);
        assertThat(last.path("awards").get(0).path("value").path("amount").decimalValue()).isEqualByComparingTo("95000.00");
        JsonNode contractNode = last.path("contracts").get(0);
        assertThat(contractNode.path("milestones")).extracting(m -> m.path("status").asText()).containsExactly("met", "scheduled", "scheduled");
        JsonNode transaction = contractNode.path("implementation").path("transactions").get(0);
        assertThat(transaction.path("value").path("amount").decimalValue()).isEqualByComparingTo("28500.00");
        assertThat(transaction.path("value").path("currency").asText()).isEqualTo("CNY");
        assertThat(releases.get(0).has("tender")).as("the planning release holds no tender").isFalse();

        // the validator reads the release schema through the package schema: a wrong tag is caught
        JsonNode broken = pack.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) broken.path("releases").get(0).path("tag")).set(0, "bogus");
        assertThat(validate(broken)).isNotEmpty();
    }

    @Test
    void aFailedTenderIsUnsuccessfulAndStillValid() throws Exception {
        String code = purchase("FAILED", true);
        bid(code, 1, "90000.00", null);
        JsonNode pack = http.getForObject("/public/ocds/" + code, JsonNode.class);
        assertThat(validate(pack)).isEmpty();
        assertThat(pack.path("releases")).hasSize(2);
        assertThat(pack.path("releases").get(1).path("tender").path("status").asText()).isEqualTo("unsuccessful");
    }

    @Test
    void theBundledSchemasAreThoseOfSharedOcds() throws Exception {
        Path shared = Path.of("..", "shared", "ocds");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shared), "../shared/ocds not present");
        for (String file : new String[] {"release-schema.json", "release-package-schema.json"}) {
            try (InputStream bundled = getClass().getResourceAsStream("/ocds/" + file)) {
                assertThat(bundled.readAllBytes()).as(file).isEqualTo(Files.readAllBytes(shared.resolve(file)));
            }
        }
    }

    private static Set<ValidationMessage> validate(JsonNode pack) {
        return OcdsSchema.validate(pack);
    }

    private String purchase(String status, boolean published) {
        String code = "PS-2026-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase().replaceAll("[^0-9A-F]", "0");
        jdbc.update("INSERT INTO procurement (code, title, category, amount, fund_code, purchaser_user, purchaser_street, fiscal_year, "
                + "term_months, price_weight, method, counted_amount, needs_finance_approval, status, reserved_amount, "
                + "disbursed_amount, tender_round, notice_published_on, bid_deadline, created_at, updated_at) "
                + "VALUES (?, '金霞街道居家养老服务', 'ELDERLY_CARE', 100000.00, 'F2026-PURCHASE', 'street1', 'S01', 2026, 12, 20, "
                + "'OPEN_TENDER', 100000.00, FALSE, ?, 100000.00, 0, 1, ?, ?, ?, ?)", code, status,
                published ? LocalDate.of(2026, 6, 1) : null, published ? LocalDateTime.of(2026, 6, 22, 17, 0) : null,
                LocalDateTime.of(2026, 5, 28, 9, 0), LocalDateTime.of(2026, 6, 1, 9, 0));
        return code;
    }

    private long bid(String code, int provider, String price, Integer rank) {
        jdbc.update("INSERT INTO bid (procurement_code, provider_id, submitted_by, price, proposal, submitted_at, qualified, bid_rank) "
                + "VALUES (?, ?, ?, ?, '服务方案', ?, TRUE, ?)", code, provider(provider), "provider" + provider,
                new java.math.BigDecimal(price), LocalDateTime.of(2026, 6, 10, 10, 0), rank);
        return jdbc.queryForObject("SELECT id FROM bid WHERE procurement_code = ? AND provider_id = ?", Long.class, code, provider(provider));
    }

    private long provider(int demo) {
        return jdbc.queryForObject("SELECT organisation_id FROM user_affiliation WHERE user_id = ?", Long.class, "provider" + demo);
    }

    private void milestone(String code, int seq, String name, int percent, String amount, LocalDateTime acceptedAt) {
        jdbc.update("INSERT INTO delivery_milestone (subject_kind, subject_code, seq, name, percent, amount, status, accepted_at) "
                + "VALUES ('CONTRACT', ?, ?, ?, ?, ?, ?, ?)", code, seq, name, percent, new java.math.BigDecimal(amount),
                acceptedAt == null ? "PENDING" : "PAID", acceptedAt);
    }
}

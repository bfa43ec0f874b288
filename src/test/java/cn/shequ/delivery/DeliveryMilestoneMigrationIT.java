package cn.shequ.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shequ.support.DatabaseLegCondition;
import cn.shequ.support.ScratchDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V27 (ADR 0054) moves the milestones of both processes, project_milestone and contract_milestone, into
 * delivery_milestone. This test migrates an empty database to V26, fills both old tables with milestones in
 * every state (and the payments and audit entries that name them), migrates to V27 and checks that every row
 * came across with every column, that nothing else is there, that the old tables are gone, and that every
 * payment and every audit entry naming a milestone (subject code and milestoneSeq) still finds it. On H2 a
 * private in-memory database; on MariaDB (the leg with SHEQU_DB_URL) a scratch database beside the
 * configured one, named after it with "_migration" (the CI grants it; .ci/run), dropped afterwards.
 */
@ExtendWith(DatabaseLegCondition.class)
class DeliveryMilestoneMigrationIT {

    /** The columns the two old tables share, and their name in delivery_milestone. */
    static final Map<String, String> SHARED = columns();

    static Map<String, String> columns() {
        Map<String, String> c = new LinkedHashMap<>();
        for (String name : List.of("seq", "name", "amount", "status", "summary", "evidence", "reported_by", "reported_at",
                "accepted_by", "accepted_at", "served_participants", "approved_by", "approved_at")) {
            c.put(name, name);
        }
        return c;
    }

    final ObjectMapper json = new ObjectMapper();
    ScratchDatabase database;
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        database = new ScratchDatabase("v27");
        jdbc = database.jdbc;
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    Flyway flyway(String target) {
        return database.flyway(target);
    }

    @Test
    void everyMilestoneOfBothTablesIsCopiedWithEveryColumnAndEveryReferenceStillFindsIt() throws Exception {
        flyway("26").migrate();
        // the milestones alone: their projects, procurements and ledger lines do not matter here
        database.withoutForeignKeys();
        LocalDateTime t = LocalDateTime.of(2026, 6, 3, 9, 15, 42, 123_000_000);
        // a project paid in full, one half way, one just planned (one milestone of 0%: the old table allowed it)
        project("SP-2026-0001", 1, "需求调研", 30, "3000.00", "PAID", t, 12);
        project("SP-2026-0001", 2, "服务实施", 40, "4000.00", "PAID", t.plusDays(20), 25);
        project("SP-2026-0001", 3, "总结评估", 30, "3000.01", "PAID", t.plusDays(40), 9);
        project("SP-2026-0002", 1, "启动", 50, "0.01", "APPROVED", t, 3);
        project("SP-2026-0002", 2, "完成", 50, "0.00", "REPORTED", t.plusDays(1), null);
        project("SP-2026-0003", 1, "全部", 100, "88000.00", "PENDING", null, null);
        project("SP-2026-0004", 1, "零期", 0, "0.00", "PENDING", null, null);
        // a contract paid in part, one sent back after acceptance, one signed only
        contract("PS-2026-0001", 1, "首期", 30, "15000.00", "PAID", t, 40);
        contract("PS-2026-0001", 2, "中期评估", 40, "20000.00", "ACCEPTED", t.plusDays(30), 33);
        contract("PS-2026-0001", 3, "末期", 30, "15000.00", "PENDING", null, null);
        contract("PS-2026-0002", 1, "一次付清", 100, "49999.99", "REPORTED", t.plusHours(5), null);
        contract("PS-2026-0003", 1, "首期", 1, "100.00", "PENDING", null, null);
        // the references: one payment per paid milestone, audit entries with the milestone's seq in their details
        payment("SP-2026-0001", 1, "3000.00", t.plusDays(3));
        payment("SP-2026-0001", 2, "4000.00", t.plusDays(23));
        payment("SP-2026-0001", 3, "3000.01", t.plusDays(43));
        payment("PS-2026-0001", 1, "15000.00", t.plusDays(2));
        long seq = 0;
        for (Map<String, Object> m : jdbc.queryForList("SELECT project_code AS code, seq, status FROM project_milestone "
                + "UNION ALL SELECT procurement_code AS code, seq, status FROM contract_milestone")) {
            audit(++seq, (String) m.get("code"), ((Number) m.get("seq")).intValue(), t.plusMinutes(seq));
        }
        audit(++seq, "SP-2026-0003", null, t.plusMinutes(seq)); // a project's entry that names no milestone
        jdbc.update("INSERT INTO audit_entry (seq, at, actor, action, subject_code, task_key, decision, details, prev_hash, "
                + "hash) VALUES (?, ?, 'civil1', 'TASK_COMPLETED', 'PS-2026-0002', 'approve-requirement', 'APPROVE', "
                + "'{\"milestoneSeq\":null}', ?, ?)", ++seq, t.plusMinutes(seq), "0".repeat(64), String.format("%064d", seq));
        // (a purchase's task that is no milestone's writes "milestoneSeq": null, as PurchaseStepDispatch does)

        List<Map<String, Object>> projects = jdbc.queryForList("SELECT * FROM project_milestone ORDER BY project_code, seq");
        List<Map<String, Object>> contracts = jdbc.queryForList("SELECT * FROM contract_milestone ORDER BY procurement_code, seq");
        assertThat(projects).hasSize(7);
        assertThat(contracts).hasSize(5);

        flyway("27").migrate();

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM delivery_milestone ORDER BY subject_kind, subject_code, seq");
        assertThat(rows).as("one row per milestone of the two old tables, none added").hasSize(projects.size() + contracts.size());
        for (Map<String, Object> old : projects) {
            assertCopied(old, "PROJECT", (String) old.get("project_code"), old.get("percent"));
        }
        for (Map<String, Object> old : contracts) {
            assertCopied(old, "CONTRACT", (String) old.get("procurement_code"), old.get("share_percent"));
        }
        for (String gone : List.of("project_milestone", "contract_milestone")) {
            assertThatThrownBy(() -> jdbc.queryForList("SELECT * FROM " + gone)).as(gone + " is dropped")
                    .isInstanceOf(DataAccessException.class);
        }

        for (Map<String, Object> p : jdbc.queryForList("SELECT subject_code, milestone_seq, amount FROM milestone_payment")) {
            assertThat(jdbc.queryForObject("SELECT amount FROM delivery_milestone WHERE subject_code = ? AND seq = ?",
                    BigDecimal.class, p.get("subject_code"), p.get("milestone_seq")))
                    .as("the milestone of payment " + p).isEqualTo(p.get("amount"));
        }
        List<String> found = new ArrayList<>();
        List<String[]> entries = jdbc.query("SELECT subject_code, details FROM audit_entry ORDER BY seq",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)});
        for (String[] e : entries) {
            JsonNode seqOf = json.readTree(e[1]).path("milestoneSeq");
            if (seqOf.isMissingNode() || seqOf.isNull()) {
                continue;
            }
            String code = e[0];
            String kind = code.startsWith("SP-") ? "PROJECT" : "CONTRACT";
            Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM delivery_milestone WHERE subject_kind = ? "
                    + "AND subject_code = ? AND seq = ?", Integer.class, kind, code, seqOf.asInt());
            assertThat(n).as("the milestone of audit entry " + String.join(" ", e)).isEqualTo(1);
            found.add(code + "#" + seqOf.asInt());
        }
        assertThat(found).as("every audit entry that names a milestone").hasSize(projects.size() + contracts.size());
    }

    @Test
    void aContractMilestoneKeepsItsShareBetweenOneAndAHundredPercent() {
        flyway("27").migrate();
        database.withoutForeignKeys();
        String insert = "INSERT INTO delivery_milestone (subject_kind, subject_code, seq, name, percent, amount, status) "
                + "VALUES (?, ?, 1, '首期', ?, 1.00, 'PENDING')";
        assertThatThrownBy(() -> jdbc.update(insert, "CONTRACT", "PS-2026-0009", 0)).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update(insert, "CONTRACT", "PS-2026-0009", 101)).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update(insert, "PURCHASE", "PS-2026-0009", 50)).as("an unknown kind")
                .isInstanceOf(DataAccessException.class);
        jdbc.update(insert, "CONTRACT", "PS-2026-0009", 100);
        assertThatThrownBy(() -> jdbc.update(insert, "PROJECT", "PS-2026-0009", 100)).as("one subject code, one kind")
                .isInstanceOf(DataAccessException.class);
    }

    private void assertCopied(Map<String, Object> old, String kind, String code, Object percent) {
        Map<String, Object> copy = jdbc.queryForMap("SELECT * FROM delivery_milestone WHERE subject_code = ? AND seq = ?",
                code, old.get("seq"));
        assertThat(copy.get("subject_kind")).as(code).isEqualTo(kind);
        assertThat(copy.get("percent")).as(code + " percent").isEqualTo(percent);
        SHARED.forEach((column, renamed) -> assertThat(copy.get(renamed)).as(code + "#" + old.get("seq") + " " + column)
                .isEqualTo(old.get(column)));
    }

    private void project(String code, int seq, String name, int percent, String amount, String status, LocalDateTime at,
                         Integer served) {
        milestone("INSERT INTO project_milestone (project_code, seq, name, percent, ", code, seq, name, percent, amount,
                status, at, served);
    }

    private void contract(String code, int seq, String name, int percent, String amount, String status, LocalDateTime at,
                          Integer served) {
        milestone("INSERT INTO contract_milestone (procurement_code, seq, name, share_percent, ", code, seq, name, percent,
                amount, status, at, served);
    }

    /** A milestone as far as its status took it: reported, then accepted, then approved (a day apart each). */
    private void milestone(String into, String code, int seq, String name, int percent, String amount, String status,
                           LocalDateTime at, Integer served) {
        boolean reported = !"PENDING".equals(status);
        boolean accepted = List.of("ACCEPTED", "APPROVED", "PAID").contains(status);
        boolean approved = List.of("APPROVED", "PAID").contains(status);
        jdbc.update(into + "amount, status, summary, evidence, reported_by, reported_at, accepted_by, accepted_at, "
                        + "served_participants, approved_by, approved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                code, seq, name, percent, new BigDecimal(amount), status,
                reported ? "第" + seq + "期完成情况：服务" + name : null, reported ? "签到表、照片 " + seq : null,
                reported ? (code.startsWith("SP-") ? "committee1" : "provider1") : null, reported ? at : null,
                accepted ? (code.startsWith("SP-") ? "committee2" : "civil1") : null, accepted ? at.plusDays(1) : null,
                accepted ? served : null, approved ? "finance1" : null, approved ? at.plusDays(2) : null);
    }

    private void payment(String code, int seq, String amount, LocalDateTime at) {
        jdbc.update("INSERT INTO milestone_payment (subject_code, milestone_seq, amount, ledger_seq, paid_at, paid_by, "
                + "accepted_at, late) VALUES (?, ?, ?, ?, ?, 'finance2', ?, FALSE)", code, seq, new BigDecimal(amount), seq, at,
                at.minusDays(2));
    }

    private void audit(long seq, String code, Integer milestoneSeq, LocalDateTime at) {
        String details = milestoneSeq == null ? "{\"decision\":\"APPROVE\"}" : "{\"milestoneSeq\":" + milestoneSeq + "}";
        jdbc.update("INSERT INTO audit_entry (seq, at, actor, action, subject_code, task_key, decision, details, prev_hash, "
                + "hash) VALUES (?, ?, 'committee1', 'TASK_COMPLETED', ?, 'report-milestone', 'SUBMIT', ?, ?, ?)",
                seq, at, code, details, "0".repeat(64), String.format("%064d", seq));
    }
}

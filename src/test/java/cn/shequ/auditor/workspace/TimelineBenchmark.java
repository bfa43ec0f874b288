package cn.shequ.auditor.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.audit.AuditEntry;
import cn.shequ.project.ServiceProjectProcess;
import cn.shequ.support.Api;
import cn.shequ.support.ShequIT;
import cn.shequ.support.SyntheticRows;
import cn.shequ.support.TestDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DESIGN.md target: a project's audit timeline answers in under 100 ms with a million history rows.
 * Fills the database with 10,000 synthetic projects shaped like real ones — per project one
 * ACT_HI_PROCINST row, 12 ACT_HI_TASKINST, 35 ACT_HI_ACTINST, 27 ACT_HI_VARINST and 25 audit entries:
 * 1,000,000 rows, the audit entries interleaved across projects as they are in real life and chained
 * by SHA-256 like every entry (the log still verifies) — then times over HTTP, Basic authentication
 * included, GET /api/audit/projects/{code}/timeline (JSON and CSV) and the dossier
 * GET /api/audit/projects/{code} for random projects, beside GET /api/me (what HTTP and
 * authentication cost alone) and the timeline built in the server without HTTP; prints the plans of
 * the timeline's two queries and what its audit query costs without its index. Everything is removed
 * afterwards (filling and removing take about ten minutes on a laptop-class machine).
 * Not part of the normal build (tag "benchmark"); run on MariaDB with:
 * <pre>
 * mvn -o test-compile failsafe:integration-test@it-mariadb -Dit.test=TimelineBenchmark -Dshequ.benchmarks=none
 * </pre>
 */
@ShequIT
@Tag("benchmark")
class TimelineBenchmark {

    static final int PROJECTS = 10_000;
    static final int TASKS = 12;
    static final int ACTIVITIES = 35;
    static final int VARIABLES = 27;
    static final int ENTRIES = 25;
    static final int WARM_UP = 50;
    static final int RUNS = 300;
    static final String ID = "bmtl-";
    static final String PREFIX = "BT-";
    static final String[] KEYS = {ServiceProjectProcess.Tasks.PREPARE_PROPOSAL, ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING, ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW,
        ServiceProjectProcess.Tasks.CIVIL_AFFAIRS_REVIEW, ServiceProjectProcess.Tasks.FINANCE_REVIEW, ServiceProjectProcess.Tasks.REPORT_MILESTONE, ServiceProjectProcess.Tasks.ACCEPT_MILESTONE, ServiceProjectProcess.Tasks.APPROVE_PAYMENT,
        ServiceProjectProcess.Tasks.REPORT_MILESTONE, ServiceProjectProcess.Tasks.ACCEPT_MILESTONE, ServiceProjectProcess.Tasks.APPROVE_PAYMENT, ServiceProjectProcess.Tasks.FINAL_ACCEPTANCE};
    static final DateTimeFormatter STORED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");
    static final ZoneId CST = ZoneId.of("Asia/Shanghai");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Timeline timelines;

    long headBefore;
    String hashBefore;

    @BeforeEach
    void fill() {
        removeEngineRows();
        long t0 = System.nanoTime();
        Random random = new Random(7);
        LocalDateTime start = LocalDateTime.of(2026, 1, 5, 9, 0);
        List<Object[]> projects = new ArrayList<>();
        for (int p = 0; p < PROJECTS; p++) {
            projects.add(new Object[] {code(p), "基准测试项目 " + p, "ELDERLY_CARE", "C00" + (1 + p % 2), "基准", "基准",
                "10000.00", "F2026-CITY", "SELF", "2026-12-01", "2027-06-30", "IN_DELIVERY", "committee1", "10000.00", "0.00",
                Timestamp.valueOf(start.plusMinutes(p)), Timestamp.valueOf(start.plusMinutes(p))});
        }
        new SyntheticRows(jdbc).insert("project (code, title, category, community_code, beneficiaries, description, amount, fund_code, "
                + "delivery_mode, planned_start, planned_end, status, author, reserved_amount, disbursed_amount, created_at, "
                + "updated_at)", projects);
        List<Object[]> procs = new ArrayList<>();
        List<Object[]> tasks = new ArrayList<>();
        List<Object[]> acts = new ArrayList<>();
        List<Object[]> vars = new ArrayList<>();
        for (int p = 0; p < PROJECTS; p++) {
            String pi = ID + UUID.randomUUID();
            LocalDateTime t = start.plusMinutes(p);
            procs.add(new Object[] {pi, pi, code(p), "service-project:1:bm", ServiceProjectProcess.PROCESS_ID, ts(t), pi});
            for (int i = 0; i < TASKS; i++) {
                LocalDateTime created = t.plusDays(i * 3L);
                LocalDateTime ended = created.plusHours(1 + random.nextInt(200));
                boolean review = KEYS[i].endsWith("-review");
                tasks.add(new Object[] {ID + UUID.randomUUID(), KEYS[i], ServiceProjectProcess.PROCESS_ID, "service-project:1:bm", pi, pi, pi,
                    "步骤 " + KEYS[i], "street1", ts(created), ts(ended), ChronoUnit.MILLIS.between(created, ended), "completed",
                    50, review ? ts(created.plusDays(14)) : null, "Completed"});
            }
            for (int i = 0; i < ACTIVITIES; i++) {
                LocalDateTime begun = t.plusHours(i * 2L);
                acts.add(new Object[] {ID + UUID.randomUUID(), ServiceProjectProcess.PROCESS_ID, "service-project:1:bm", pi, pi, pi,
                    "activity-" + i, i % 3 == 0 ? "userTask" : "serviceTask", ts(begun), ts(begun.plusMinutes(5)), 300_000L, 4, (long) i});
            }
            for (int i = 0; i < VARIABLES; i++) {
                vars.add(new Object[] {ID + UUID.randomUUID(), ServiceProjectProcess.PROCESS_ID, "service-project:1:bm", pi, pi, pi, "var" + i,
                    "string", ts(t), 0, "value " + i, "CREATED"});
            }
            if (procs.size() >= 500) {
                flushEngine(procs, tasks, acts, vars);
            }
        }
        flushEngine(procs, tasks, acts, vars);
        appendAuditEntries(start);
        if (TestDatabase.isMariaDb()) {
            jdbc.execute("ANALYZE TABLE audit_entry, ACT_HI_PROCINST, ACT_HI_TASKINST, ACT_HI_ACTINST, ACT_HI_VARINST, project");
        }
        System.out.printf("%n[benchmark] filled %,d rows of history and audit log in %.1f s: ACT_HI_PROCINST %,d, "
                        + "ACT_HI_TASKINST %,d, ACT_HI_ACTINST %,d, ACT_HI_VARINST %,d, audit_entry %,d (+ %,d project rows)%n",
                PROJECTS * (1L + TASKS + ACTIVITIES + VARIABLES + ENTRIES), (System.nanoTime() - t0) / 1e9, PROJECTS,
                PROJECTS * TASKS, PROJECTS * ACTIVITIES, PROJECTS * VARIABLES, PROJECTS * ENTRIES, PROJECTS);
    }

    @AfterEach
    void clean() {
        removeEngineRows();
        transaction.executeWithoutResult(s -> {
            Map<String, Object> head = jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
            long last = ((Number) head.get("last_seq")).longValue();
            Long lastOurs = jdbc.queryForObject("SELECT MAX(seq) FROM audit_entry WHERE subject_code LIKE 'BT-%'", Long.class);
            if (lastOurs != null && lastOurs == last) {
                for (long from = last; from > headBefore; from -= 50_000) {
                    jdbc.update("DELETE FROM audit_entry WHERE seq > ? AND seq <= ?", Math.max(headBefore, from - 50_000), from);
                }
                jdbc.update("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", headBefore, hashBefore);
            } else if (lastOurs != null) {
                System.out.println("[benchmark] audit entries were appended after the benchmark's: its entries stay (the chain is valid)");
            }
        });
        jdbc.update("DELETE FROM project WHERE code LIKE 'BT-%'");
    }

    @Test
    void timelineOfAProjectAmongAMillionHistoryRows() {
        Api auditor = Api.as(http, "auditor1");
        Random random = new Random(11);
        Supplier<String> anyProject = () -> code(random.nextInt(PROJECTS));
        String sample = anyProject.get();
        var timeline = auditor.get("/api/audit/projects/" + sample + "/timeline");
        assertThat(timeline.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(timeline.getBody()).hasSize(ENTRIES);
        assertThat(timeline.getBody().get(1).path("waitedSeconds").isNumber()).as("waits come from ACT_HI_TASKINST").isTrue();

        // what HTTP and Basic authentication cost alone, on the same server
        report("GET /api/me (HTTP and authentication alone)", () -> auditor.get("/api/me"));
        report("GET /api/audit/projects/{code}/timeline", () -> auditor.get("/api/audit/projects/" + anyProject.get() + "/timeline"));
        report("GET /api/audit/projects/{code}/timeline?format=csv", () -> http.withBasicAuth("auditor1", "demo")
                .getForEntity("/api/audit/projects/" + anyProject.get() + "/timeline?format=csv", byte[].class));
        report("GET /api/audit/projects/{code} (dossier)", () -> auditor.get("/api/audit/projects/" + anyProject.get()));
        report("Timeline.of(code) in the server, without HTTP", () -> {
            assertThat(timelines.of(anyProject.get())).hasSize(ENTRIES);
            return org.springframework.http.ResponseEntity.ok().build();
        });
        if (TestDatabase.isMariaDb()) {
            explain("SELECT seq, at, actor, action, subject_code, task_key, decision, comment, details FROM audit_entry "
                    + "WHERE subject_code = ? ORDER BY seq", sample);
            explain("SELECT t.ID_ FROM ACT_HI_TASKINST t WHERE t.ROOT_PROC_INST_ID_ IN "
                    + "(SELECT p.ID_ FROM ACT_HI_PROCINST p WHERE p.BUSINESS_KEY_ = ?) ORDER BY t.START_TIME_, t.ID_", sample);
            timeQuery("audit entries by ix_audit_subject", "SELECT seq, details FROM audit_entry WHERE subject_code = ? ORDER BY seq", anyProject);
            timeQuery("audit entries without ix_audit_subject", "SELECT seq, details FROM audit_entry IGNORE INDEX (ix_audit_subject) "
                    + "WHERE subject_code = ? ORDER BY seq", anyProject);
        }
    }

    private void report(String what, Supplier<org.springframework.http.ResponseEntity<?>> call) {
        for (int i = 0; i < WARM_UP; i++) {
            assertThat(call.get().getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        long[] micros = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            assertThat(call.get().getStatusCode()).isEqualTo(HttpStatus.OK);
            micros[i] = (System.nanoTime() - t0) / 1000;
        }
        Arrays.sort(micros);
        System.out.printf("[benchmark] %s on %s with %,d history and audit rows: median %.1f ms, p95 %.1f ms, max %.1f ms "
                        + "(%d runs, random projects)%n", what, TestDatabase.name(),
                PROJECTS * (1L + TASKS + ACTIVITIES + VARIABLES + ENTRIES), micros[RUNS / 2] / 1000.0,
                micros[(int) (RUNS * 0.95)] / 1000.0, micros[RUNS - 1] / 1000.0, RUNS);
    }

    private void explain(String sql, String code) {
        System.out.println("[benchmark] EXPLAIN " + sql);
        jdbc.queryForList("EXPLAIN " + sql, code).forEach(row -> System.out.println("[benchmark]   " + row));
    }

    private void timeQuery(String what, String sql, Supplier<String> codes) {
        int runs = 20;
        long[] micros = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            jdbc.queryForList(sql, codes.get());
            micros[i] = (System.nanoTime() - t0) / 1000;
        }
        Arrays.sort(micros);
        System.out.printf("[benchmark] SQL %s: median %.2f ms, max %.2f ms (%d runs)%n", what, micros[runs / 2] / 1000.0,
                micros[runs - 1] / 1000.0, runs);
    }

    /** 25 entries per project, interleaved across projects, continuing the chain from its head. */
    private void appendAuditEntries(LocalDateTime start) {
        transaction.executeWithoutResult(s -> {
            Map<String, Object> head = jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
            headBefore = ((Number) head.get("last_seq")).longValue();
            long seq = headBefore;
            String prev = (String) head.get("last_hash");
            hashBefore = prev;
            List<Object[]> rows = new ArrayList<>();
            for (int step = 0; step < ENTRIES; step++) {
                for (int p = 0; p < PROJECTS; p++) {
                    Instant at = start.plusMinutes(p).plusHours(step * 7L).atZone(CST).toInstant();
                    AuditEntry e = entry(++seq, at, step, code(p), prev);
                    prev = e.hash();
                    rows.add(new Object[] {e.seq(), STORED_AT.format(LocalDateTime.ofInstant(e.at(), CST)), e.actor(), e.action(),
                        e.subjectCode(), e.taskKey(), e.decision(), e.comment(), e.details(), e.prevHash(), e.hash()});
                    if (rows.size() == 1000) {
                        new SyntheticRows(jdbc).insert("audit_entry (seq, at, actor, action, subject_code, task_key, decision, comment, details, "
                                + "prev_hash, hash)", rows);
                    }
                }
            }
            new SyntheticRows(jdbc).insert("audit_entry (seq, at, actor, action, subject_code, task_key, decision, comment, details, prev_hash, hash)", rows);
            jdbc.update("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, prev);
        });
    }

    /** Step 0 creates the project; the completions of the 12 steps alternate with documents and ledger lines. */
    private static AuditEntry entry(long seq, Instant at, int step, String code, String prev) {
        if (step == 0) {
            return AuditEntry.seal(seq, at, "committee1", "PROJECT_CREATED", code, null, null, null,
                    "{\"amount\":\"10000.00\",\"category\":\"ELDERLY_CARE\",\"fundCode\":\"F2026-CITY\"}", prev);
        }
        if (step % 2 == 1) {
            String key = KEYS[(step - 1) / 2];
            return AuditEntry.seal(seq, at, "street1", "TASK_COMPLETED", code, key, "APPROVE", "同意，按计划实施",
                    "{\"comment\":\"同意，按计划实施\",\"decision\":\"APPROVE\",\"milestoneSeq\":null}", prev);
        }
        return step % 4 == 0
                ? AuditEntry.seal(seq, at, "finance1", "LEDGER_ENTRY", code, null, null, null,
                        "{\"amount\":\"4000.00\",\"fundCode\":\"F2026-CITY\",\"type\":\"DISBURSE\"}", prev)
                : AuditEntry.seal(seq, at, "street1", "DOCUMENT_ISSUED", code, null, null, null,
                        "{\"documentId\":" + seq + ",\"number\":\"金霞街〔2026〕" + seq + "号\",\"type\":\"REVIEW_OPINION\"}", prev);
    }

    private void flushEngine(List<Object[]> procs, List<Object[]> tasks, List<Object[]> acts, List<Object[]> vars) {
        new SyntheticRows(jdbc).insert("ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_ID_, PROC_DEF_KEY_, START_TIME_, "
                + "ROOT_PROC_INST_ID_)", procs);
        new SyntheticRows(jdbc).insert("ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, "
                + "EXECUTION_ID_, NAME_, ASSIGNEE_, START_TIME_, END_TIME_, DURATION_, DELETE_REASON_, PRIORITY_, DUE_DATE_, "
                + "TASK_STATE_)", tasks);
        new SyntheticRows(jdbc).insert("ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_, "
                + "ACT_ID_, ACT_TYPE_, START_TIME_, END_TIME_, DURATION_, ACT_INST_STATE_, SEQUENCE_COUNTER_)", acts);
        new SyntheticRows(jdbc).insert("ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_, "
                + "NAME_, VAR_TYPE_, CREATE_TIME_, REV_, TEXT_, STATE_)", vars);
    }

    private void removeEngineRows() {
        for (String table : new String[] {"ACT_HI_TASKINST", "ACT_HI_ACTINST", "ACT_HI_VARINST", "ACT_HI_PROCINST"}) {
            int removed;
            do {
                removed = jdbc.update("DELETE FROM " + table + " WHERE ID_ LIKE 'bmtl-%'"
                        + (TestDatabase.isMariaDb() ? " LIMIT 50000" : ""));
            } while (removed > 0);
        }
    }

    private static Timestamp ts(LocalDateTime time) {
        return time == null ? null : Timestamp.valueOf(time);
    }

    private static String code(int p) {
        return PREFIX + "%05d".formatted(p);
    }
}

package cn.shequ.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shequ.audit.VerificationResult.Problem;
import cn.shequ.engine.ShequClock;
import cn.shequ.project.ServiceProjectProcess;
import cn.shequ.support.ShequIT;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log in the running application, on H2 and on MariaDB: appends in the caller's
 * transaction, independent appends, concurrency (threads of one node, and a second node's entries between two
 * of this node's commits), and tampering found by the verifier. Rows changed
 * to prove detection are put back, since other tests in this JVM verify the same chain.
 */
@ShequIT
class AuditLogIT {

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    AuditMapper mapper;

    @Autowired
    ShequClock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    final String marker = "IT-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void theChainIsWholeAfterEveryTest() {
        assertThat(audit.verify().ok()).as("chain intact after the test").isTrue();
    }

    @Test
    void entriesAppendedInATransactionAreWrittenInOrderAtItsCommitAndVerify() {
        transaction.executeWithoutResult(status -> {
            audit.append(event("street1", "一审通过").detail("amount", new BigDecimal("30000.00")));
            audit.append(event("civil1", "二审通过"));
            // not yet in the table: written just before the commit
            assertThat(seqsOf(marker)).isEmpty();
        });
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT seq, actor, comment, details, prev_hash, hash FROM audit_entry WHERE subject_code = ? ORDER BY seq", marker);
        assertThat(rows).extracting(r -> r.get("actor")).containsExactly("street1", "civil1");
        long first = ((Number) rows.get(0).get("seq")).longValue();
        assertThat(((Number) rows.get(1).get("seq")).longValue()).isEqualTo(first + 1);
        assertThat(rows.get(1).get("prev_hash")).isEqualTo(rows.get(0).get("hash"));
        assertThat(rows.get(0).get("details")).isEqualTo("{\"amount\":30000.00,\"marker\":\"" + marker + "\"}");

        VerificationResult result = audit.verify();
        assertThat(result.ok()).isTrue();
        assertThat(result.entries()).isGreaterThanOrEqualTo(first + 1);
        assertThat(jdbc.queryForObject("SELECT last_seq FROM audit_head", Long.class)).isEqualTo(result.entries());
    }

    @Test
    void aTransactionOf250EntriesIsWrittenWholeInOrderAcrossTheInsertsItTakes() {
        // a transaction's entries go in one INSERT each 100 (AuditLog.INSERT_CHUNK): 100, 100 and 50 here
        transaction.executeWithoutResult(status -> {
            for (int i = 1; i <= 250; i++) {
                audit.append(event("auditor1", "第" + i + "条"));
            }
        });
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT seq, comment, prev_hash, hash FROM audit_entry WHERE subject_code = ? ORDER BY seq", marker);
        assertThat(rows).hasSize(250);
        long first = ((Number) rows.get(0).get("seq")).longValue();
        for (int i = 0; i < rows.size(); i++) {
            assertThat(((Number) rows.get(i).get("seq")).longValue()).isEqualTo(first + i);
            assertThat(rows.get(i).get("comment")).isEqualTo("第" + (i + 1) + "条");
            if (i > 0) {
                assertThat(rows.get(i).get("prev_hash")).isEqualTo(rows.get(i - 1).get("hash"));
            }
        }
        assertThat(jdbc.queryForObject("SELECT last_seq FROM audit_head", Long.class)).isEqualTo(first + 249);
    }

    @Test
    void anEntryChangedInTheDatabaseIsFoundAtExactlyThatSeqAndPuttingItBackRestoresTheChain() {
        appendThree();
        long middle = seqsOf(marker).get(1);
        assertThat(audit.verify().ok()).isTrue();
        String original = jdbc.queryForObject("SELECT comment FROM audit_entry WHERE seq = ?", String.class, middle);
        jdbc.update("UPDATE audit_entry SET comment = ? WHERE seq = ?", "同意（事后修改）", middle);
        try {
            VerificationResult result = audit.verify();
            assertThat(result.ok()).isFalse();
            assertThat(result.firstBrokenSeq()).isEqualTo(middle);
            assertThat(result.problem()).isEqualTo(Problem.CHANGED);
        } finally {
            jdbc.update("UPDATE audit_entry SET comment = ? WHERE seq = ?", original, middle);
        }
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void aChangedDetailOrActorIsFoundToo() {
        appendThree();
        long last = seqsOf(marker).get(2);
        String actor = jdbc.queryForObject("SELECT actor FROM audit_entry WHERE seq = ?", String.class, last);
        jdbc.update("UPDATE audit_entry SET actor = 'finance2' WHERE seq = ?", last);
        try {
            assertThat(audit.verify().firstBrokenSeq()).isEqualTo(last);
        } finally {
            jdbc.update("UPDATE audit_entry SET actor = ? WHERE seq = ?", actor, last);
        }
    }

    @Test
    void aDeletedEntryIsFoundAsMissingAndRestoringItMakesTheLogWholeAgain() {
        appendThree();
        long middle = seqsOf(marker).get(1);
        String backup = "audit_backup_" + marker.substring(3).toLowerCase();
        jdbc.execute("CREATE TABLE " + backup + " AS SELECT * FROM audit_entry WHERE seq = " + middle);
        try {
            jdbc.update("DELETE FROM audit_entry WHERE seq = ?", middle);
            VerificationResult result = audit.verify();
            assertThat(result.ok()).isFalse();
            assertThat(result.firstBrokenSeq()).isEqualTo(middle);
            assertThat(result.problem()).isEqualTo(Problem.MISSING);
        } finally {
            jdbc.update("INSERT INTO audit_entry SELECT * FROM " + backup);
            jdbc.execute("DROP TABLE " + backup);
        }
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void concurrentTransactionsLeaveOneChainWithoutGapsOrForks() throws Exception {
        int threads = 8;
        int perThread = 50;
        CountDownLatch start = new CountDownLatch(1);
        // a verification must overlap the appends: it starts once one has committed, and thread0 holds back its last
        // committed entry until that verification has returned (on a fast machine the appends could all be done first)
        AtomicInteger committed = new AtomicInteger();
        CountDownLatch firstVerified = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String actor = "thread" + t;
            boolean holdsBack = t == 0;
            done.add(pool.submit(() -> {
                start.await();
                int rolledBack = 0;
                for (int i = 0; i < perThread; i++) {
                    int n = i;
                    if (holdsBack && n == perThread - 2) { // its last entry that commits (perThread - 1 rolls back)
                        assertThat(firstVerified.await(1, TimeUnit.MINUTES)).as("a verification ran").isTrue();
                    }
                    try {
                        transaction.executeWithoutResult(status -> {
                            audit.append(event(actor, "第 " + n + " 次"));
                            if (n % 10 == 9) { // some transactions roll back: their seq numbers must not leave gaps
                                throw new IllegalStateException("rolled back on purpose");
                            }
                        });
                        committed.incrementAndGet();
                    } catch (IllegalStateException expected) {
                        rolledBack++;
                    }
                }
                return rolledBack;
            }));
        }
        // verification while appends commit must never report a break that is not there
        AtomicBoolean appending = new AtomicBoolean(true);
        ExecutorService verifier = Executors.newSingleThreadExecutor();
        Future<List<VerificationResult>> duringAppends = verifier.submit(() -> {
            start.await();
            while (committed.get() == 0) {
                Thread.onSpinWait();
            }
            List<VerificationResult> results = new ArrayList<>();
            while (appending.get()) {
                results.add(audit.verify());
                firstVerified.countDown();
            }
            return results;
        });
        start.countDown();
        int rolledBack = 0;
        for (Future<Integer> f : done) {
            rolledBack += f.get(5, TimeUnit.MINUTES);
        }
        appending.set(false);
        pool.shutdown();
        verifier.shutdown();
        List<VerificationResult> verified = duringAppends.get(1, TimeUnit.MINUTES);
        assertThat(verified).isNotEmpty().allSatisfy(r -> assertThat(r.ok()).as(r.toString()).isTrue());

        assertThat(rolledBack).isEqualTo(threads * 5);
        assertThat(seqsOf(marker)).hasSize(threads * perThread - rolledBack);
        // the time of each entry is never before the time of the entry before it (ADR 0066: taken once the head is ours)
        List<java.sql.Timestamp> times = jdbc.queryForList("SELECT at FROM audit_entry WHERE subject_code = ? ORDER BY seq",
                java.sql.Timestamp.class, marker);
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i)).as("entry %d of %d", i, times.size()).isAfterOrEqualTo(times.get(i - 1));
        }
        Map<String, Object> shape = jdbc.queryForMap(
                "SELECT COUNT(*) AS n, MIN(seq) AS lo, MAX(seq) AS hi, COUNT(DISTINCT prev_hash) AS links FROM audit_entry");
        long n = ((Number) shape.get("n")).longValue();
        assertThat(((Number) shape.get("lo")).longValue()).isEqualTo(1);
        assertThat(((Number) shape.get("hi")).longValue()).as("seq 1..N without gaps").isEqualTo(n);
        assertThat(((Number) shape.get("links")).longValue()).as("no two entries follow the same one").isEqualTo(n);
        VerificationResult result = audit.verify();
        assertThat(result.ok()).isTrue();
        assertThat(result.entries()).isEqualTo(n);
        assertThat(verified).as("some verification ran while entries were being appended")
                .anySatisfy(r -> assertThat(r.entries()).isLessThan(n));
    }

    @Test
    void entriesAnotherNodeWroteSinceThisNodesLastCommitAreFollowedNotForked() {
        // a second node: its own AuditLog over the same database, with its own memory of the head
        AuditLog otherNode = new AuditLog(mapper, clock, transactions, dataSource);
        transaction.executeWithoutResult(status -> audit.append(event("street1", "本节点一")));
        transaction.executeWithoutResult(status -> otherNode.append(event("civil1", "另一节点")));
        // this node's memory of the head is now behind: it must chain to the other node's entry, not to its own
        transaction.executeWithoutResult(status -> audit.append(event("street2", "本节点二")));
        transaction.executeWithoutResult(status -> audit.append(event("street2", "本节点三")));

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT seq, actor, prev_hash, hash FROM audit_entry WHERE subject_code = ? ORDER BY seq", marker);
        assertThat(rows).extracting(r -> r.get("actor")).containsExactly("street1", "civil1", "street2", "street2");
        for (Map<String, Object> row : rows) {
            long seq = ((Number) row.get("seq")).longValue();
            assertThat(row.get("prev_hash")).as("entry %d follows the entry before it", seq)
                    .isEqualTo(jdbc.queryForObject("SELECT hash FROM audit_entry WHERE seq = ?", String.class, seq - 1));
        }
        assertThat(jdbc.queryForObject("SELECT last_hash FROM audit_head", String.class))
                .isEqualTo(jdbc.queryForObject("SELECT hash FROM audit_entry WHERE seq = (SELECT MAX(seq) FROM audit_entry)",
                        String.class));
    }

    @Test
    void anIndependentAppendSurvivesTheRollbackOfTheTransactionAroundIt() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            audit.append(event("committee1", "随变更回滚"));
            audit.appendIndependently(event("committee1", "拒绝记录保留").task(null, "REFUSED", "拒绝记录保留"));
            throw new IllegalStateException("the refused change rolls back");
        })).hasMessage("the refused change rolls back");
        assertThat(jdbc.queryForList("SELECT comment FROM audit_entry WHERE subject_code = ?", String.class, marker))
                .containsExactly("拒绝记录保留");
    }

    @Test
    void anEventWithoutATransactionIsRefusedRatherThanWrittenAlone() {
        assertThatThrownBy(() -> audit.append(event("committee1", "无事务")))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(seqsOf(marker)).isEmpty();
    }

    private AuditEvent event(String actor, String comment) {
        return AuditEvent.of(actor, AuditActions.TASK_COMPLETED).subject(marker)
                .task(ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, "APPROVE", comment).detail("marker", marker);
    }

    private void appendThree() {
        for (String comment : new String[] {"一", "二", "三"}) {
            transaction.executeWithoutResult(status -> audit.append(event("auditor1", comment)));
        }
    }

    private List<Long> seqsOf(String subject) {
        return jdbc.queryForList("SELECT seq FROM audit_entry WHERE subject_code = ? ORDER BY seq", Long.class, subject);
    }
}

package cn.shequ.audit;

import cn.shequ.engine.ShequClock;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only audit log (审计日志). {@link #append} records an event in the caller's
 * transaction: it is stored if and only if the change it records commits. {@link #appendIndependently}
 * records it in a transaction of its own, for refusals and failed logins, whose surrounding change
 * rolls back.
 *
 * <p>How appends stay a single chain under concurrency: the events of a transaction are written
 * just before it commits (a transaction synchronization), under a row lock on the one-row
 * {@code audit_head} (seq and hash of the last entry). Appends therefore serialize for the few
 * milliseconds of a commit, and the entries of concurrent transactions follow one another in
 * commit order: seq 1, 2, 3 … without gaps (a rollback takes its seq numbers with it) and without
 * forks (no two entries name the same predecessor). Taking the lock last, not at the first
 * append, keeps it short, keeps it out of lock-order deadlocks with fund and project rows, and lets
 * a transaction that already appended still write independently (it holds no audit lock yet).
 * The price: every committing transaction that audits waits for the one before it, so audited
 * writes top out at one commit at a time (hundreds per second on MariaDB, plenty for a district).
 * {@code at} is the time of writing, so it follows seq order.
 *
 * <p>Each node remembers the head its last audited commit left (issue 16): the next transaction chains its
 * entries to it and moves the head with one conditional UPDATE, which takes the same lock; only when another
 * transaction or node has moved the head since (the UPDATE changes no row) does it read the head under the lock
 * and chain again. The database decides in both cases, so the chain is the same; the common case saves a
 * statement a transaction.
 *
 * <p>{@code at} goes to the database as text: the MySQL driver runs with
 * {@code sendFractionalSeconds=false} (Camunda needs it) and would drop the milliseconds that
 * the hash covers.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    // before MyBatis's own synchronization (order 0) flushes and commits the transaction's session
    private static final int WRITE_ORDER = -1000;

    /** Entries written by one INSERT: each is at most a few KB (details, comment). */
    private static final int INSERT_CHUNK = 100;

    private static final DateTimeFormatter STORED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

    private final AuditMapper mapper;
    private final ShequClock clock;
    private final TransactionTemplate independent;
    private final DataSource dataSource;
    /** The head as this node's last audited commit left it; null until one committed (then read under the lock). */
    private final AtomicReference<ChainCheck.Head> lastCommitted = new AtomicReference<>();

    AuditLog(AuditMapper mapper, ShequClock clock, PlatformTransactionManager transactions, DataSource dataSource) {
        this.mapper = mapper;
        this.clock = clock;
        this.independent = new TransactionTemplate(transactions);
        this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.dataSource = dataSource;
    }

    /**
     * Records {@code event} in the current transaction, written when it commits and discarded when
     * it rolls back. Refused without a transaction: an entry must share the fate of its change.
     */
    public void append(AuditEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalTransactionStateException("AuditLog.append needs the transaction of the change it "
                    + "records (@Transactional); use appendIndependently for an event that must outlive a rollback");
        }
        pending().add(event, event.detailsJson());
    }

    /** Records {@code event} in a new transaction that commits now, whatever becomes of the caller's. */
    public void appendIndependently(AuditEvent event) {
        independent.executeWithoutResult(status -> append(event));
    }

    /** Recomputes the whole chain from entry 1 (what GET /api/audit/verify answers). */
    public VerificationResult verify() {
        return verify(null);
    }

    /** As {@link #verify()}, and the chain must reach {@code published} (a head published outside the database). */
    public VerificationResult verify(ExpectedHead published) {
        try (Connection connection = dataSource.getConnection()) {
            return new AuditVerifier().verify(connection, published);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log", e);
        }
    }

    private Pending pending() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Pending p && p.owner() == this) {
                return p;
            }
        }
        Pending p = new Pending();
        TransactionSynchronizationManager.registerSynchronization(p);
        return p;
    }

    /** Writes the entries after the head and moves it; returns the new head. */
    private ChainCheck.Head write(List<AuditEvent> events, List<String> details) {
        // the remembered head first, the time after it: an entry chained to it is later than every entry before it (the
        // head's own was written before it was remembered); entries that must wait for the lock take the time below
        ChainCheck.Head remembered = lastCommitted.get();
        if (remembered != null) {
            Instant at = clock.now().truncatedTo(ChronoUnit.MILLIS);
            List<AuditEntry> entries = seal(events, details, at, remembered);
            ChainCheck.Head moved = headAfter(entries);
            if (mapper.moveHeadFrom(remembered, moved) == 1) { // still the head: ours to follow, locked
                insert(entries, at);
                return moved;
            }
        }
        ChainCheck.Head head = mapper.lockHead();
        if (head == null) {
            throw new IllegalStateException("audit_head has no row: the audit log cannot be appended to");
        }
        Instant at = clock.now().truncatedTo(ChronoUnit.MILLIS); // under the lock: at follows seq order
        List<AuditEntry> entries = seal(events, details, at, head);
        insert(entries, at);
        ChainCheck.Head moved = headAfter(entries);
        mapper.moveHead(moved);
        return moved;
    }

    private static List<AuditEntry> seal(List<AuditEvent> events, List<String> details, Instant at, ChainCheck.Head after) {
        long seq = after.lastSeq();
        String prev = after.lastHash();
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            AuditEvent e = events.get(i);
            AuditEntry entry = AuditEntry.seal(++seq, at, e.actor(), e.action(), e.subjectCode(), e.taskKey(),
                    e.decision(), e.comment(), details.get(i), prev);
            entries.add(entry);
            prev = entry.hash();
        }
        return entries;
    }

    private static ChainCheck.Head headAfter(List<AuditEntry> entries) {
        AuditEntry last = entries.get(entries.size() - 1);
        return new ChainCheck.Head(last.seq(), last.hash());
    }

    /** One statement for the transaction's entries (issue 16), in chunks that stay far below a packet's limit. */
    private void insert(List<AuditEntry> entries, Instant at) {
        String storedAt = storedAt(at);
        for (int from = 0; from < entries.size(); from += INSERT_CHUNK) {
            mapper.insert(entries.subList(from, Math.min(entries.size(), from + INSERT_CHUNK)), storedAt);
        }
    }

    /** {@code at} as the text stored in the DATETIME(3) column: China Standard Time, milliseconds. */
    static String storedAt(Instant at) {
        return STORED_AT.format(LocalDateTime.ofInstant(at, AuditVerifier.STORED_ZONE));
    }

    /** The events of one transaction, written just before it commits. */
    private final class Pending implements TransactionSynchronization {

        private final List<AuditEvent> events = new ArrayList<>();
        private final List<String> details = new ArrayList<>();
        private boolean written;
        private ChainCheck.Head head;

        AuditLog owner() {
            return AuditLog.this;
        }

        void add(AuditEvent event, String detailsJson) {
            if (written) {
                throw new IllegalTransactionStateException("the transaction's audit entries were already written");
            }
            events.add(event);
            details.add(detailsJson);
        }

        @Override
        public int getOrder() {
            return WRITE_ORDER;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!events.isEmpty()) {
                head = write(events, details);
            }
            written = true;
        }

        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED && head != null) {
                lastCommitted.set(head); // a later commit may have set a newer one: then the next write reads it again
            }
            if (status == STATUS_COMMITTED && !written) {
                log.error("{} audit entries were appended after their transaction began to commit and are lost: {}",
                        events.size(), events);
            }
        }
    }
}

package cn.shequ.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Recomputes the audit chain from entry 1 over a plain JDBC connection and reports the first entry
 * that cannot be vouched for: a changed row (its hash), a removed row (a missing seq), an inserted
 * or reordered row (the link to its predecessor), a changed or cut-short end (the head). Needs the
 * JDK and a JDBC driver only, so an auditor can run it against the database without trusting the
 * server ({@link VerifyAuditLog}). Reads page by page, so a million entries need little memory.
 *
 * <p>What it cannot see alone: someone with write access to the database who rewrites every entry
 * after the one they change, or cuts the newest entries off, and the head with them, makes a chain
 * that verifies. A head published outside the database (the daily signed head file, the public
 * site, the documents: docs/audit-head.md), passed as {@link ExpectedHead}, closes that gap: the
 * chain must reach its seq with its hash, or it is reported TRUNCATED (with the missing seqs) or
 * PUBLISHED_HEAD_DIFFERS.
 */
public final class AuditVerifier {

    /** The zone of the stored {@code at} (China Standard Time, as ShequClock.ZONE; no daylight saving). */
    static final ZoneId STORED_ZONE = ZoneId.of("Asia/Shanghai");

    static final String COLUMNS =
            "seq, at, actor, action, subject_code, task_key, decision, comment, details, prev_hash, hash";

    private static final int PAGE = 1000;

    public VerificationResult verify(Connection connection) throws SQLException {
        return verify(connection, null);
    }

    /** As {@link #verify(Connection)}, and the chain must reach {@code published} (null: no published head). */
    public VerificationResult verify(Connection connection, ExpectedHead published) throws SQLException {
        ChainCheck check = new ChainCheck(head(connection), published);
        try (PreparedStatement page = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM audit_entry WHERE seq > ? ORDER BY seq LIMIT " + PAGE)) {
            long after = Long.MIN_VALUE;
            int read;
            do {
                read = 0;
                page.setLong(1, after);
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        AuditEntry entry = read(rows);
                        check.accept(entry);
                        after = entry.seq();
                        read++;
                    }
                }
            } while (read == PAGE);
        }
        return check.finish(check.needsLaterHead() ? head(connection) : null);
    }

    static AuditEntry read(ResultSet row) throws SQLException {
        LocalDateTime at = row.getObject("at", LocalDateTime.class);
        return new AuditEntry(row.getLong("seq"), at == null ? null : at.atZone(STORED_ZONE).toInstant(),
                row.getString("actor"), row.getString("action"), row.getString("subject_code"),
                row.getString("task_key"), row.getString("decision"), row.getString("comment"),
                row.getString("details"), row.getString("prev_hash"), row.getString("hash"));
    }

    private static ChainCheck.Head head(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
             ResultSet row = select.executeQuery()) {
            return row.next() ? new ChainCheck.Head(row.getLong(1), row.getString(2)) : null;
        }
    }
}

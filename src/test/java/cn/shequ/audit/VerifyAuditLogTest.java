package cn.shequ.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.tools.RunScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The command-line verifier against a database made by the migration alone: no Spring, no server. */
class VerifyAuditLogTest {

    String url;
    Connection db;
    List<AuditEntry> entries;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void aLogOfFiveEntries() throws Exception {
        url = "jdbc:h2:mem:verify-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        db = DriverManager.getConnection(url, "sa", "");
        try (var migration = new InputStreamReader(getClass().getResourceAsStream("/sql/V5__audit.sql"), StandardCharsets.UTF_8)) {
            RunScript.execute(db, migration);
        }
        entries = HashChainTest.chain(5);
        for (AuditEntry e : entries) {
            store(e);
        }
        sql("UPDATE audit_head SET last_seq = 5, last_hash = '" + entries.get(4).hash() + "'");
    }

    @AfterEach
    void close() throws SQLException {
        sql("SHUTDOWN");
        db.close();
    }

    @Test
    void anIntactLogExitsZeroAndPrintsTheLastHash() {
        assertThat(run(url, "sa", "")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("audit log intact: 5 entries")
                .contains("{\"ok\":true,\"entries\":5,\"lastHash\":\"" + entries.get(4).hash() + "\"}");
    }

    @Test
    void aChangedCommentExitsOneNamingTheEntry() throws SQLException {
        sql("UPDATE audit_entry SET comment = '同意' WHERE seq = 2");
        assertThat(run(url, "sa", "")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("audit log ALTERED")
                .contains("{\"ok\":false,\"entries\":5,\"firstBrokenSeq\":2,\"problem\":\"CHANGED\"");
    }

    @Test
    void aChangedTimeIsFound() throws SQLException {
        sql("UPDATE audit_entry SET at = DATEADD(MILLISECOND, 1, at) WHERE seq = 4");
        assertThat(run(url, "sa", "")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"firstBrokenSeq\":4");
    }

    @Test
    void aDeletedEntryExitsOne() throws SQLException {
        sql("DELETE FROM audit_entry WHERE seq = 3");
        assertThat(run(url, "sa", "")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"firstBrokenSeq\":3,\"problem\":\"MISSING\"");
    }

    @Test
    void aChangedHeadExitsOne() throws SQLException {
        sql("UPDATE audit_head SET last_hash = '" + "f".repeat(64) + "'");
        assertThat(run(url, "sa", "")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"firstBrokenSeq\":5,\"problem\":\"HEAD_MISMATCH\"");
    }

    @Test
    void aLogCutShortExitsOne() throws SQLException {
        sql("DELETE FROM audit_entry WHERE seq = 5");
        assertThat(run(url, "sa", "")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"firstBrokenSeq\":5,\"problem\":\"MISSING\"");
    }

    @Test
    void theStoredZoneIsTheZoneOfShequsClock() {
        assertThat(AuditVerifier.STORED_ZONE).isEqualTo(cn.shequ.engine.ShequClock.ZONE);
    }

    @Test
    void theConnectionMayComeFromTheEnvironment() {
        int code = VerifyAuditLog.run(new String[0], Map.of("SHEQU_DB_URL", url, "SHEQU_DB_USER", "sa", "SHEQU_DB_PASSWORD", ""),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
    }

    @Test
    void anUnreadableDatabaseOrNoUrlExitsTwo() {
        assertThat(run("jdbc:h2:mem:empty-" + UUID.randomUUID(), "sa", "")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read the audit log");
        assertThat(VerifyAuditLog.run(new String[0], Map.of(), new PrintStream(out), new PrintStream(err))).isEqualTo(2);
    }

    @Test
    void theStoredTimeReadsBackAsTheHashedInstant() throws SQLException {
        try (var rows = db.createStatement().executeQuery("SELECT " + AuditVerifier.COLUMNS + " FROM audit_entry WHERE seq = 1")) {
            rows.next();
            assertThat(AuditVerifier.read(rows)).isEqualTo(entries.get(0));
        }
    }

    private int run(String... args) {
        return VerifyAuditLog.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private void store(AuditEntry e) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO audit_entry (" + AuditVerifier.COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, e.seq());
            insert.setString(2, AuditLog.storedAt(e.at()));
            insert.setString(3, e.actor());
            insert.setString(4, e.action());
            insert.setString(5, e.subjectCode());
            insert.setString(6, e.taskKey());
            insert.setString(7, e.decision());
            insert.setString(8, e.comment());
            insert.setString(9, e.details());
            insert.setString(10, e.prevHash());
            insert.setString(11, e.hash());
            insert.execute();
        }
    }

    private void sql(String statement) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(statement);
        }
    }
}

package cn.shequ.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.engine.ShequClock;
import cn.shequ.support.Api;
import cn.shequ.support.ShequIT;
import cn.shequ.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10 finding 8: deleting the newest three audit entries and rewinding {@code audit_head}
 * verified as intact. The day's head is now published outside the database (signed file, public
 * site), and GET /api/audit/verify and the command-line verifier, held to it, report the chain as
 * TRUNCATED with the missing seqs. The tampering is undone afterwards (the chain is shared by the
 * tests of this context).
 */
@ShequIT
class AuditHeadIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditHeads heads;

    @Autowired
    ShequClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path temp;

    @Test
    void theNewestEntriesCutOffAndTheHeadRewoundAreReportedAgainstThePublishedHead() throws Exception {
        String marker = "AH-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 3; i++) {
            audit.appendIndependently(AuditEvent.of("auditor1", "TEST_MARKER").subject(marker).detail("n", i));
        }
        List<Long> seqs = jdbc.queryForList("SELECT seq FROM audit_entry WHERE subject_code = ? ORDER BY seq", Long.class, marker);
        assertThat(seqs).hasSize(3);
        long first = seqs.get(0);
        long third = seqs.get(2);
        assertThat(third).isEqualTo(first + 2);
        String thirdHash = hash(third);

        // today's head, published now (a day's end in production): the last entry so far, our third
        LocalDate today = clock.today();
        jdbc.update("DELETE FROM audit_published_head WHERE head_date = ?", today); // from an earlier run of this context
        PublishedHead published = heads.publish(today).orElseThrow();
        assertThat(published.lastSeq()).isEqualTo(third);
        assertThat(published.lastHash()).isEqualTo(thirdHash);
        // only one node publishes a day: a second attempt finds the row and writes nothing
        String fileText = Files.readString(heads.file(today));
        assertThat(heads.publish(today)).isEmpty();
        assertThat(Files.readString(heads.file(today))).isEqualTo(fileText);

        // the signed file outside the database, and the public site, carry it
        HeadFile file = HeadFile.parse(fileText);
        assertThat(file.seq()).isEqualTo(third);
        assertThat(file.hash()).isEqualTo(thirdHash);
        assertThat(file.signatureValid()).isTrue();
        assertThat(file.publicKey()).isEqualTo(heads.publicKey());
        ResponseEntity<JsonNode> site = http.getForEntity("/public/audit-heads", JsonNode.class);
        assertThat(site.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(site.getBody().get(0).path("date").asText()).isEqualTo(today.toString());
        assertThat(site.getBody().get(0).path("seq").asLong()).isEqualTo(third);
        assertThat(site.getBody().get(0).path("hash").asText()).isEqualTo(thirdHash);
        assertThat(http.getForObject("/public/audit-heads/" + today + ".head", String.class)).isEqualTo(fileText);

        // the publication itself is in the chain, after the head it names
        long published1 = jdbc.queryForObject("SELECT MAX(seq) FROM audit_entry WHERE action = ?", Long.class, AuditHeads.PUBLISHED);
        assertThat(published1).isEqualTo(third + 1);
        assertThat(verify("auditor1", "").path("ok").asBoolean()).isTrue();

        // the attack: the last three entries deleted (our second and third, and the publication), the head rewound
        long lastSeq = jdbc.queryForObject("SELECT last_seq FROM audit_head", Long.class);
        String lastHash = jdbc.queryForObject("SELECT last_hash FROM audit_head", String.class);
        assertThat(lastSeq).as("no other entry was appended meanwhile").isEqualTo(third + 1);
        String backup = "audit_backup_" + marker.substring(3).toLowerCase();
        jdbc.execute("CREATE TABLE " + backup + " AS SELECT * FROM audit_entry WHERE seq > " + first);
        try {
            jdbc.update("DELETE FROM audit_entry WHERE seq > ?", first);
            jdbc.update("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", first, hash(first));

            // without a published head the chain still looks whole: the finding as it was
            assertThat(audit.verify().ok()).isTrue();

            // held to the published head (by default the newest in the table, or given): truncated, seqs named
            for (String query : List.of("", "?expectedSeq=" + third + "&expectedHash=" + thirdHash)) {
                JsonNode result = verify("auditor1", query);
                assertThat(result.path("ok").asBoolean()).as(query).isFalse();
                assertThat(result.path("problem").asText()).isEqualTo("TRUNCATED");
                assertThat(result.path("firstBrokenSeq").asLong()).isEqualTo(first + 1);
                assertThat(result.path("missingSeqs").path("from").asLong()).isEqualTo(first + 1);
                assertThat(result.path("missingSeqs").path("to").asLong()).isEqualTo(third);
                assertThat(result.path("expectedHead").path("seq").asLong()).isEqualTo(third);
                assertThat(result.path("message").asText()).contains("短于已公布的链尾", (first + 1) + "–" + third + " 条缺失");
            }

            // the command-line verifier with the signed head file, straight from the database
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = cli(out, "--head", heads.file(today).toString(), "--public-key", heads.publicKey());
            assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("audit log ALTERED", "\"problem\":\"TRUNCATED\"",
                    "\"missingSeqs\":{\"from\":" + (first + 1) + ",\"to\":" + third + "}");

            // a head file altered to hide the cut (seq lowered) no longer carries a valid signature
            Path forged = temp.resolve("forged.head");
            Files.writeString(forged, fileText.replace("seq: " + third, "seq: " + first));
            ByteArrayOutputStream refused = new ByteArrayOutputStream();
            assertThat(cli(refused, "--head", forged.toString())).isEqualTo(2);
        } finally {
            jdbc.update("INSERT INTO audit_entry SELECT * FROM " + backup);
            jdbc.execute("DROP TABLE " + backup);
            jdbc.update("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", lastSeq, lastHash);
        }
        assertThat(verify("auditor1", "").path("ok").asBoolean()).isTrue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(cli(out, "--head", heads.file(today).toString())).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }

    @Test
    void aRewrittenChainDiffersFromThePublishedHashAndBadParametersAreRefused() {
        long seq = jdbc.queryForObject("SELECT last_seq FROM audit_head", Long.class);
        JsonNode result = verify("auditor2", "?expectedSeq=" + seq + "&expectedHash=" + "ab".repeat(32));
        assertThat(result.path("ok").asBoolean()).isFalse();
        assertThat(result.path("problem").asText()).isEqualTo("PUBLISHED_HEAD_DIFFERS");
        assertThat(result.path("firstBrokenSeq").asLong()).isEqualTo(seq);

        ResponseEntity<JsonNode> bad = Api.as(http, "auditor1").get("/api/audit/verify?expectedSeq=abc&expectedHash=xyz");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().path("fields").has("expectedSeq")).isTrue();
        assertThat(bad.getBody().path("fields").has("expectedHash")).isTrue();
        assertThat(Api.as(http, "committee1").get("/api/audit/verify?expectedSeq=1&expectedHash=" + "ab".repeat(32))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/public/audit-heads/1999-01-01.head", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private JsonNode verify(String user, String query) {
        ResponseEntity<JsonNode> answer = Api.as(http, user).get("/api/audit/verify" + query);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private String hash(long seq) {
        return jdbc.queryForObject("SELECT hash FROM audit_entry WHERE seq = ?", String.class, seq);
    }

    /** VerifyAuditLog against this leg's database, with {@code options} before the connection arguments. */
    private int cli(ByteArrayOutputStream out, String... options) throws Exception {
        String url;
        String user;
        try (Connection connection = dataSource.getConnection()) {
            url = connection.getMetaData().getURL();
            user = connection.getMetaData().getUserName();
        }
        String password = TestDatabase.isMariaDb() ? System.getenv("SHEQU_DB_PASSWORD") : "";
        if (TestDatabase.isMariaDb()) {
            url = System.getenv("SHEQU_DB_URL");
            user = System.getenv("SHEQU_DB_USER");
        }
        String[] args = new String[options.length + 3];
        System.arraycopy(options, 0, args, 0, options.length);
        args[options.length] = url;
        args[options.length + 1] = user;
        args[options.length + 2] = password;
        return VerifyAuditLog.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }
}

package cn.shequ.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.project.ServiceProjectProcess;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CanonicalFormTest {

    static final String ZEROS = CanonicalForm.GENESIS;

    static final AuditEntry ENTRY = new AuditEntry(7, Instant.parse("2026-11-20T01:30:00.123Z"), "finance1",
            "TASK_COMPLETED", "SP-2026-0001", ServiceProjectProcess.Tasks.FINANCE_REVIEW, "APPROVE", "同意，\"按期\"拨付\n第二行\t\\ \u0001",
            "{\"amount\":\"30000.00\",\"fields\":{\"a\":null,\"b\":[1,2]}}", ZEROS, null);

    /** Expected text and hash computed outside Java: json.dumps(..., ensure_ascii=False, separators=(",", ":")) and hashlib. */
    @Test
    void theFormatIsTheJsonArrayAnAuditorCanRecomputeWithoutShequ() {
        assertThat(CanonicalForm.text(ENTRY)).isEqualTo("[\"shequ-audit/1\",7,\"2026-11-20T01:30:00.123Z\",\"finance1\","
                + "\"TASK_COMPLETED\",\"SP-2026-0001\",\"finance-review\",\"APPROVE\","
                + "\"同意，\\\"按期\\\"拨付\\n第二行\\t\\\\ \\u0001\","
                + "\"{\\\"amount\\\":\\\"30000.00\\\",\\\"fields\\\":{\\\"a\\\":null,\\\"b\\\":[1,2]}}\",\"" + ZEROS + "\"]");
        assertThat(CanonicalForm.hash(ENTRY)).isEqualTo("2c58105611e15005a2f4fc3a0aee8867fd796f68641ff8aa0c38e939ed71aaf0");
        assertThat(CanonicalForm.bytes(ENTRY)).isEqualTo(CanonicalForm.text(ENTRY).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void absentFieldsAreExplicitNulls() {
        AuditEntry bare = new AuditEntry(1, Instant.parse("2026-01-01T00:00:00Z"), "system", "CONFIG_CHANGED", null,
                null, null, null, "{}", ZEROS, null);
        assertThat(CanonicalForm.text(bare)).isEqualTo("[\"shequ-audit/1\",1,\"2026-01-01T00:00:00.000Z\",\"system\","
                + "\"CONFIG_CHANGED\",null,null,null,null,\"{}\",\"" + ZEROS + "\"]");
        assertThat(CanonicalForm.hash(bare)).isEqualTo("d1b63662c2f9e0d7f87d0580686792c0b149c8f81848b60902a20d06c245ce15");
    }

    @Test
    void theSameContentAlwaysGivesTheSameHashAndTheStoredHashIsNotPartOfIt() {
        AuditEntry again = new AuditEntry(ENTRY.seq(), Instant.ofEpochMilli(ENTRY.at().toEpochMilli()),
                new String(ENTRY.actor()), ENTRY.action(), ENTRY.subjectCode(), ENTRY.taskKey(), ENTRY.decision(),
                ENTRY.comment(), ENTRY.details(), ENTRY.prevHash(), "anything");
        assertThat(CanonicalForm.hash(again)).isEqualTo(CanonicalForm.hash(ENTRY));
    }

    @Test
    void timesAreWrittenInUtcWithMillisecondsWhateverTheOffsetTheyCameWith() {
        Instant chinaMorning = OffsetDateTime.parse("2026-11-20T09:30:00+08:00").toInstant();
        AuditEntry sealed = AuditEntry.seal(1, chinaMorning.plusNanos(999_999), "a", "X", null, null, null, null, "{}", ZEROS);
        assertThat(CanonicalForm.text(sealed)).contains("\"2026-11-20T01:30:00.000Z\"");
        assertThat(sealed.at()).isEqualTo(chinaMorning); // sub-millisecond part dropped, as the column keeps it
    }

    static Stream<Arguments> everyField() {
        return Stream.of(
                Arguments.of("seq", (UnaryOperator<AuditEntry>) e -> copy(e, 8, e.at(), e.actor(), e.action(), e.subjectCode(), e.taskKey(), e.decision(), e.comment(), e.details(), e.prevHash())),
                Arguments.of("at +1 ms", (UnaryOperator<AuditEntry>) e -> copy(e, e.seq(), e.at().plusMillis(1), e.actor(), e.action(), e.subjectCode(), e.taskKey(), e.decision(), e.comment(), e.details(), e.prevHash())),
                Arguments.of("actor", (UnaryOperator<AuditEntry>) e -> copy(e, e.seq(), e.at(), "finance2", e.action(), e.subjectCode(), e.taskKey(), e.decision(), e.comment(), e.details(), e.prevHash())),
                Arguments.of("action", (UnaryOperator<AuditEntry>) e -> copy(e, e.seq(), e.at(), e.actor(), "RULE_REFUSED", e.subjectCode(), e.taskKey(), e.decision(), e.comment(), e.details(), e.prevHash())),
                Arguments.of("subject", (UnaryOperator<AuditEntry>) e -> copy(e, e.seq(), e.at(), e.actor(), e.action(), "SP-2026-0002", e.taskKey(), e.decision(), e.comment(), e.details(), e.prevHash())),
                Arguments.of("subject null", (UnaryOperator<AuditEntry>) e -> copy(e, e.seq(), e.at(), e.actor(), e.action(), null, e.taskKey(), e.decision(), e.comment(), e.details(), e.prevHash())),
                Arguments.of("task key", (UnaryOperator<AuditEntry>) e -> copy(e, e.seq(), e.at(), e.actor(), e.action(), e.subjectCode(), ServiceProjectProcess.Tasks.CIVIL_AFFAIRS_REVIEW, e.decision(), e.comment(), e.details(), e.prevHash())),
                Arguments.of("decision", (UnaryOperator<AuditEntry>) e -> copy(e, e.seq(), e.at(), e.actor(), e.action(), e.subjectCode(), e.taskKey(), "REJECT", e.comment(), e.details(), e.prevHash())),
                Arguments.of("comment one character", (UnaryOperator<AuditEntry>) e -> copy(e, e.seq(), e.at(), e.actor(), e.action(), e.subjectCode(), e.taskKey(), e.decision(), e.comment().replace('同', '不'), e.details(), e.prevHash())),
                Arguments.of("comment trailing space", (UnaryOperator<AuditEntry>) e -> copy(e, e.seq(), e.at(), e.actor(), e.action(), e.subjectCode(), e.taskKey(), e.decision(), e.comment() + " ", e.details(), e.prevHash())),
                Arguments.of("details", (UnaryOperator<AuditEntry>) e -> copy(e, e.seq(), e.at(), e.actor(), e.action(), e.subjectCode(), e.taskKey(), e.decision(), e.comment(), e.details().replace("30000.00", "30000.01"), e.prevHash())),
                Arguments.of("prev hash", (UnaryOperator<AuditEntry>) e -> copy(e, e.seq(), e.at(), e.actor(), e.action(), e.subjectCode(), e.taskKey(), e.decision(), e.comment(), e.details(), "1" + ZEROS.substring(1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyField")
    void changingAnyFieldChangesTheHash(String field, UnaryOperator<AuditEntry> change) {
        assertThat(CanonicalForm.hash(change.apply(ENTRY))).isNotEqualTo(CanonicalForm.hash(ENTRY));
    }

    @Test
    void aNullIsNotTheTextNullNorAnEmptyString() {
        AuditEntry nullComment = copy(ENTRY, 1, ENTRY.at(), "a", "X", null, null, null, null, "{}", ZEROS);
        AuditEntry textNull = copy(ENTRY, 1, ENTRY.at(), "a", "X", null, null, null, "null", "{}", ZEROS);
        AuditEntry empty = copy(ENTRY, 1, ENTRY.at(), "a", "X", null, null, null, "", "{}", ZEROS);
        assertThat(CanonicalForm.hash(nullComment)).isNotEqualTo(CanonicalForm.hash(textNull))
                .isNotEqualTo(CanonicalForm.hash(empty));
    }

    @Test
    void textCannotMoveFromOneFieldIntoTheNext() {
        AuditEntry a = copy(ENTRY, 1, ENTRY.at(), "ab", "X", null, "c", null, null, "{}", ZEROS);
        AuditEntry b = copy(ENTRY, 1, ENTRY.at(), "ab", "X", "c", null, null, null, "{}", ZEROS);
        AuditEntry c = copy(ENTRY, 1, ENTRY.at(), "a\",\"b", "X", null, null, null, null, "{}", ZEROS);
        AuditEntry d = copy(ENTRY, 1, ENTRY.at(), "a", "X", "b", null, null, null, "{}", ZEROS);
        assertThat(CanonicalForm.hash(a)).isNotEqualTo(CanonicalForm.hash(b));
        assertThat(CanonicalForm.text(c)).isNotEqualTo(CanonicalForm.text(d));
    }

    static AuditEntry copy(AuditEntry e, long seq, Instant at, String actor, String action, String subject, String taskKey,
                           String decision, String comment, String details, String prevHash) {
        return new AuditEntry(seq, at, actor, action, subject, taskKey, decision, comment, details, prevHash, e.hash());
    }
}

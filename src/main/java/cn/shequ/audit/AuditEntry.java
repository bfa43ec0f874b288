package cn.shequ.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One stored entry of the audit log. {@code hash} is the SHA-256 of the entry's canonical content
 * ({@link CanonicalForm}), which includes {@code prevHash}, the hash of entry {@code seq - 1}
 * ({@link CanonicalForm#GENESIS} for entry 1). {@code details} is the stored JSON text, hashed as
 * stored. {@code at} has millisecond precision, as the column keeps it.
 */
public record AuditEntry(long seq, Instant at, String actor, String action, String subjectCode, String taskKey,
                         String decision, String comment, String details, String prevHash, String hash) {

    /** The entry that follows {@code prevHash}, its hash computed from its content. */
    public static AuditEntry seal(long seq, Instant at, String actor, String action, String subjectCode,
                                  String taskKey, String decision, String comment, String details, String prevHash) {
        AuditEntry unsealed = new AuditEntry(seq, at.truncatedTo(ChronoUnit.MILLIS), actor, action, subjectCode,
                taskKey, decision, comment, details, prevHash, null);
        return unsealed.withHash(CanonicalForm.hash(unsealed));
    }

    AuditEntry withHash(String newHash) {
        return new AuditEntry(seq, at, actor, action, subjectCode, taskKey, decision, comment, details, prevHash,
                newHash);
    }

    /** Whether the stored hash is the hash of the stored content. */
    public boolean contentMatchesHash() {
        return CanonicalForm.hash(this).equals(hash);
    }
}

package cn.shequ.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.audit.ChainCheck.Head;
import cn.shequ.audit.VerificationResult.Problem;
import cn.shequ.project.ServiceProjectProcess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chain as the appender builds it and as the verifier checks it, without a database. */
class HashChainTest {

    static final Instant T0 = Instant.parse("2026-11-20T01:30:00Z");

    /** Entries 1..n chained as AuditLog writes them. */
    static List<AuditEntry> chain(int n) {
        List<AuditEntry> entries = new ArrayList<>();
        String prev = CanonicalForm.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            AuditEntry e = AuditEntry.seal(seq, T0.plusSeconds(seq), "user" + seq, AuditActions.TASK_COMPLETED,
                    "SP-2026-0001", ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW, "APPROVE", "意见 " + seq, "{\"n\":" + seq + "}", prev);
            entries.add(e);
            prev = e.hash();
        }
        return entries;
    }

    static Head headOf(List<AuditEntry> entries) {
        return entries.isEmpty() ? new Head(0, CanonicalForm.GENESIS)
                : new Head(entries.get(entries.size() - 1).seq(), entries.get(entries.size() - 1).hash());
    }

    static VerificationResult check(Head head, List<AuditEntry> entries, Head later) {
        ChainCheck check = new ChainCheck(head);
        entries.forEach(check::accept);
        return check.finish(check.needsLaterHead() ? later : null);
    }

    static VerificationResult check(List<AuditEntry> entries, Head head) {
        return check(head, entries, head);
    }

    static AuditEntry withComment(AuditEntry e, String comment) {
        return new AuditEntry(e.seq(), e.at(), e.actor(), e.action(), e.subjectCode(), e.taskKey(), e.decision(), comment,
                e.details(), e.prevHash(), e.hash());
    }

    @Test
    void eachEntryNamesTheHashOfTheOneBeforeStartingFromZeros() {
        List<AuditEntry> entries = chain(3);
        assertThat(entries.get(0).prevHash()).isEqualTo("0".repeat(64));
        assertThat(entries.get(1).prevHash()).isEqualTo(entries.get(0).hash());
        assertThat(entries.get(2).prevHash()).isEqualTo(entries.get(1).hash());
        assertThat(entries).extracting(AuditEntry::hash).doesNotHaveDuplicates().allMatch(h -> h.matches("[0-9a-f]{64}"));
        assertThat(entries).allMatch(AuditEntry::contentMatchesHash);
    }

    @Test
    void anIntactChainVerifiesAndReportsItsLastHash() {
        List<AuditEntry> entries = chain(5);
        VerificationResult result = check(entries, headOf(entries));
        assertThat(result.ok()).isTrue();
        assertThat(result.entries()).isEqualTo(5);
        assertThat(result.lastHash()).isEqualTo(entries.get(4).hash());
        assertThat(result.firstBrokenSeq()).isNull();
    }

    @Test
    void anEmptyLogWithItsFirstHeadIsIntact() {
        assertThat(check(List.of(), new Head(0, CanonicalForm.GENESIS)).ok()).isTrue();
        assertThat(check(List.of(), new Head(0, "f".repeat(64))).ok()).isFalse();
    }

    @Test
    void aChangedEntryIsFoundAtItsSeq() {
        List<AuditEntry> entries = chain(5);
        Head head = headOf(entries);
        entries.set(2, withComment(entries.get(2), "篡改"));
        VerificationResult result = check(entries, head);
        assertThat(result.ok()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(3);
        assertThat(result.problem()).isEqualTo(Problem.CHANGED);
        assertThat(result.entries()).isEqualTo(5);
        assertThat(result.message()).contains("3");
    }

    @Test
    void aChangedEntryWhoseHashWasRecomputedBreaksTheLinkOfTheNext() {
        List<AuditEntry> entries = chain(5);
        Head head = headOf(entries);
        AuditEntry forged = withComment(entries.get(2), "篡改");
        entries.set(2, forged.withHash(CanonicalForm.hash(forged)));
        VerificationResult result = check(entries, head);
        assertThat(result.firstBrokenSeq()).isEqualTo(4);
        assertThat(result.problem()).isEqualTo(Problem.LINK_BROKEN);
    }

    @Test
    void aDeletedEntryIsFoundAsTheMissingSeq() {
        List<AuditEntry> entries = chain(5);
        Head head = headOf(entries);
        entries.remove(2);
        VerificationResult result = check(entries, head);
        assertThat(result.firstBrokenSeq()).isEqualTo(3);
        assertThat(result.problem()).isEqualTo(Problem.MISSING);
        assertThat(result.entries()).isEqualTo(4);
    }

    @Test
    void twoEntriesSwappedAreFoundAtTheFirst() {
        List<AuditEntry> entries = chain(5);
        Head head = headOf(entries);
        AuditEntry second = entries.get(1);
        AuditEntry third = entries.get(2);
        // the rows keep their seq, their contents change places
        entries.set(1, new AuditEntry(2, third.at(), third.actor(), third.action(), third.subjectCode(), third.taskKey(),
                third.decision(), third.comment(), third.details(), third.prevHash(), third.hash()));
        entries.set(2, new AuditEntry(3, second.at(), second.actor(), second.action(), second.subjectCode(),
                second.taskKey(), second.decision(), second.comment(), second.details(), second.prevHash(), second.hash()));
        assertThat(check(entries, head).firstBrokenSeq()).isEqualTo(2);
    }

    @Test
    void anEntryInsertedInTheMiddleBreaksTheChainRightAfterIt() {
        List<AuditEntry> entries = chain(5);
        Head head = headOf(entries);
        // renumber 3..5 to 4..6 and put a well-formed entry at 3 that follows entry 2
        List<AuditEntry> forged = new ArrayList<>(entries.subList(0, 2));
        forged.add(AuditEntry.seal(3, T0, "intruder", AuditActions.LEDGER_ENTRY, null, null, null, null, "{}",
                entries.get(1).hash()));
        for (AuditEntry e : entries.subList(2, 5)) {
            forged.add(new AuditEntry(e.seq() + 1, e.at(), e.actor(), e.action(), e.subjectCode(), e.taskKey(), e.decision(),
                    e.comment(), e.details(), e.prevHash(), e.hash()));
        }
        VerificationResult result = check(forged, head);
        // the forgery itself is well formed; the entry after it no longer links to its predecessor
        assertThat(result.ok()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(4);
        assertThat(result.problem()).isEqualTo(Problem.LINK_BROKEN);
    }

    @Test
    void aChangedHeadIsFound() {
        List<AuditEntry> entries = chain(5);
        VerificationResult result = check(entries, new Head(5, "e".repeat(64)));
        assertThat(result.firstBrokenSeq()).isEqualTo(5);
        assertThat(result.problem()).isEqualTo(Problem.HEAD_MISMATCH);
    }

    @Test
    void aLogCutShortIsFoundByTheHead() {
        List<AuditEntry> entries = chain(5);
        Head head = headOf(entries);
        VerificationResult result = check(entries.subList(0, 3), head);
        assertThat(result.firstBrokenSeq()).isEqualTo(4);
        assertThat(result.problem()).isEqualTo(Problem.MISSING);
    }

    @Test
    void entriesBeyondTheHeadNeedALaterHeadThatVouchesForThem() {
        List<AuditEntry> entries = chain(5);
        Head early = new Head(3, entries.get(2).hash());
        // appended while the log was read: the head read afterwards covers them
        assertThat(check(early, entries, headOf(entries)).ok()).isTrue();
        assertThat(check(early, entries, new Head(7, "a".repeat(64))).ok()).isTrue();
        // added behind the application's back: no head ever covered them
        VerificationResult forged = check(early, entries, early);
        assertThat(forged.firstBrokenSeq()).isEqualTo(4);
        assertThat(forged.problem()).isEqualTo(Problem.NOT_IN_HEAD);
        assertThat(check(early, entries, new Head(5, "b".repeat(64))).problem()).isEqualTo(Problem.HEAD_MISMATCH);
    }

    @Test
    void aMissingHeadIsABreak() {
        VerificationResult result = check(null, chain(2), null);
        assertThat(result.ok()).isFalse();
        assertThat(result.problem()).isEqualTo(Problem.HEAD_MISSING);
        assertThat(result.entries()).isEqualTo(2);
    }
}

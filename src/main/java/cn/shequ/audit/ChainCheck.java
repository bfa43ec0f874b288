package cn.shequ.audit;

import cn.shequ.audit.VerificationResult.Problem;

/**
 * Checks the chain one entry at a time, in seq order from entry 1, against the head read before
 * the entries; remembers the first break. Knows nothing of databases, so its rules are tested on
 * entries built in memory.
 *
 * <p>Entries may be appended while the log is read: the head is read first, so every entry up to
 * its seq must be there, with its hash at that seq; entries read beyond it must be vouched for by
 * the head as read again afterwards.
 */
final class ChainCheck {

    /** The row that records the end of the chain. */
    record Head(long lastSeq, String lastHash) {}

    private final Head head;
    private final ExpectedHead published;
    private long expectedSeq = 1;
    private String prevHash = CanonicalForm.GENESIS;
    private long entries;
    private Long firstBrokenSeq;
    private Problem problem;

    /** {@code head}: the head as read before the entries, or null when there is none. */
    ChainCheck(Head head) {
        this(head, null);
    }

    /**
     * {@code published}: a head published outside the database (or null): the chain must reach its
     * seq, and the entry there must have its hash. A chain cut short and its head rewound passes
     * every other check; only a head kept elsewhere shows what is gone.
     */
    ChainCheck(Head head, ExpectedHead published) {
        this.head = head;
        this.published = published;
        if (head == null) {
            broken(1, Problem.HEAD_MISSING);
        }
    }

    /** The next entry read, in ascending seq order. */
    void accept(AuditEntry entry) {
        entries++;
        if (firstBrokenSeq == null) {
            if (entry.seq() > expectedSeq) {
                broken(expectedSeq, Problem.MISSING);
            } else if (entry.seq() < expectedSeq) {
                broken(entry.seq(), Problem.OUT_OF_SEQUENCE);
            } else if (!prevHash.equals(entry.prevHash())) {
                broken(entry.seq(), Problem.LINK_BROKEN);
            } else if (!entry.contentMatchesHash()) {
                broken(entry.seq(), Problem.CHANGED);
            } else if (entry.seq() == head.lastSeq() && !entry.hash().equals(head.lastHash())) {
                broken(entry.seq(), Problem.HEAD_MISMATCH);
            } else if (published != null && entry.seq() == published.seq() && !entry.hash().equals(published.hash())) {
                broken(entry.seq(), Problem.PUBLISHED_HEAD_DIFFERS);
            }
        }
        prevHash = entry.hash();
        expectedSeq = entry.seq() + 1;
    }

    /** Whether entries beyond the head were read, so the head must be read again and passed to {@link #finish}. */
    boolean needsLaterHead() {
        return firstBrokenSeq == null && lastSeq() > head.lastSeq();
    }

    /** After the last entry; {@code later}: the head read again (when {@link #needsLaterHead()}), else ignored. */
    VerificationResult finish(Head later) {
        if (firstBrokenSeq == null) {
            long last = lastSeq();
            if (last < head.lastSeq()) {
                broken(last + 1, Problem.MISSING);
            } else if (last == 0 && !CanonicalForm.GENESIS.equals(head.lastHash())) {
                broken(1, Problem.HEAD_MISMATCH);
            } else if (last > head.lastSeq()) {
                if (later == null) {
                    broken(head.lastSeq() + 1, Problem.HEAD_MISSING);
                } else if (later.lastSeq() < last) {
                    broken(later.lastSeq() + 1, Problem.NOT_IN_HEAD);
                } else if (later.lastSeq() == last && !later.lastHash().equals(prevHash)) {
                    broken(last, Problem.HEAD_MISMATCH);
                }
                // later.lastSeq() > last: appended after the entries were read, checked next time
            }
        }
        VerificationResult.SeqRange missing = null;
        if (published != null && lastSeq() < published.seq()) {
            missing = new VerificationResult.SeqRange(lastSeq() + 1, published.seq());
            if (firstBrokenSeq == null) {
                broken(missing.from(), Problem.TRUNCATED);
            }
        } else if (published != null && published.seq() == 0 && firstBrokenSeq == null
                && !CanonicalForm.GENESIS.equals(published.hash())) {
            broken(1, Problem.PUBLISHED_HEAD_DIFFERS);
        }
        return firstBrokenSeq == null
                ? VerificationResult.intact(entries, prevHash, published)
                : VerificationResult.broken(entries, firstBrokenSeq, problem, published, missing);
    }

    long lastSeq() {
        return expectedSeq - 1;
    }

    private void broken(long seq, Problem what) {
        firstBrokenSeq = seq;
        problem = what;
    }
}

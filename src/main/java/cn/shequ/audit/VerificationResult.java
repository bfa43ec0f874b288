package cn.shequ.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a verification of the audit log found: {@code ok}, the number of entries read, and either
 * the hash of the last entry (to note down and compare next time) or the first entry that cannot
 * be vouched for and why. When it was checked against a published head ({@code expectedHead}), a
 * chain cut short of it names the seqs that are gone ({@code missingSeqs}, from and to inclusive).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationResult(boolean ok, long entries, Long firstBrokenSeq, Problem problem, String message,
                                 String lastHash, ExpectedHead expectedHead, SeqRange missingSeqs) {

    /** Entries {@code from} to {@code to}, both included. */
    public record SeqRange(long from, long to) {}

    public enum Problem {
        /** The entry's content no longer gives its stored hash: it was changed. */
        CHANGED("内容被修改", "the entry was changed"),
        /** The entry does not name the hash of the entry before it: a preceding entry was rewritten, or entries were inserted or reordered. */
        LINK_BROKEN("与前一条记录的哈希链接断开", "the link to the previous entry is broken"),
        /** An entry is missing: deleted, or the log was cut short. */
        MISSING("记录缺失", "an entry is missing"),
        /** An entry's seq is out of order. */
        OUT_OF_SEQUENCE("序号错乱", "the entry is out of sequence"),
        /** Entries exist beyond the end the head records: added outside the application. */
        NOT_IN_HEAD("未经系统正常追加", "the entry was not appended by the application"),
        /** The head names a different last hash than the last entry has. */
        HEAD_MISMATCH("与链尾记录不符", "the head of the log does not match its last entry"),
        /** The head row is gone. */
        HEAD_MISSING("链尾记录缺失", "the head of the log is missing"),
        /** The chain ends before a head that was published: its newest entries were removed (and the head rewound). */
        TRUNCATED("审计日志短于已公布的链尾，其后的记录被删除", "the log ends before a published head: entries were cut off"),
        /** The entry at a published head's seq has another hash than was published: the chain was rewritten. */
        PUBLISHED_HEAD_DIFFERS("与已公布的链尾哈希不符，日志被改写", "the entry differs from the published head: the log was rewritten");

        private final String chinese;
        private final String english;

        Problem(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }
    }

    static VerificationResult intact(long entries, String lastHash) {
        return intact(entries, lastHash, null);
    }

    static VerificationResult intact(long entries, String lastHash, ExpectedHead expected) {
        return new VerificationResult(true, entries, null, null, null, lastHash, expected, null);
    }

    static VerificationResult broken(long entries, long firstBrokenSeq, Problem problem) {
        return broken(entries, firstBrokenSeq, problem, null, null);
    }

    static VerificationResult broken(long entries, long firstBrokenSeq, Problem problem, ExpectedHead expected,
                                     SeqRange missing) {
        String message = "第 " + firstBrokenSeq + " 条记录：" + problem.chinese + " / entry " + firstBrokenSeq + ": " + problem.english;
        if (missing != null) {
            message += "（已公布的链尾为第 " + expected.seq() + " 条，第 " + missing.from() + "–" + missing.to()
                    + " 条缺失 / published head " + expected.seq() + ", entries " + missing.from() + "–" + missing.to() + " missing）";
        }
        return new VerificationResult(false, entries, firstBrokenSeq, problem, message, null, expected, missing);
    }
}

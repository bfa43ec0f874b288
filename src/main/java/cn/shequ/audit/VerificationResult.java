package cn.shequ.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a verification of the audit log found: {@code ok}, the number of entries read, and either
 * the hash of the last entry (to note down and compare next time) or the first entry that cannot
 * be vouched for and why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationResult(boolean ok, long entries, Long firstBrokenSeq, Problem problem, String message,
                                 String lastHash) {

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
        HEAD_MISSING("链尾记录缺失", "the head of the log is missing");

        private final String chinese;
        private final String english;

        Problem(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }
    }

    static VerificationResult intact(long entries, String lastHash) {
        return new VerificationResult(true, entries, null, null, null, lastHash);
    }

    static VerificationResult broken(long entries, long firstBrokenSeq, Problem problem) {
        return new VerificationResult(false, entries, firstBrokenSeq, problem,
                "第 " + firstBrokenSeq + " 条记录：" + problem.chinese + " / entry " + firstBrokenSeq + ": " + problem.english,
                null);
    }
}

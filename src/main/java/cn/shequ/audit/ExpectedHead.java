package cn.shequ.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A head of the chain published outside the database (the daily head file, the public site, a
 * document) that a verification compares the chain with: the entry {@code seq} must exist and have
 * {@code hash}. {@code source} says where it came from (parameter, head file, published table), for
 * the report only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExpectedHead(long seq, String hash, String source) {

    public ExpectedHead {
        hash = hash == null ? null : hash.trim().toLowerCase(Locale.ROOT);
    }

    /** Why {@code seq} and {@code hash} do not make a head, by parameter name, or empty. */
    public static Map<String, String> problems(Long seq, String hash) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (seq == null || seq < 0) {
            problems.put("expectedSeq", "已公布链尾的序号须为不小于 0 的整数 / a seq of 0 or more");
        }
        if (hash == null || !hash.trim().toLowerCase(Locale.ROOT).matches("[0-9a-f]{64}")) {
            problems.put("expectedHash", "已公布链尾的哈希须为 64 位十六进制 SHA-256 / 64 hex digits");
        }
        return problems;
    }
}

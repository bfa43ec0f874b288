package cn.shequ.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A published head of the audit chain as the text of its signed file
 * ({@code ${shequ.data-dir}/audit-heads/<date>.head}, docs/audit-head.md): the day, the seq and
 * hash of the last entry written before that day ended (China Standard Time), when it was
 * published, the Ed25519 public key and the signature of the first five lines. Reads and checks
 * itself with the JDK alone, so the command-line verifier ({@link VerifyAuditLog}) needs no Spring.
 */
public record HeadFile(LocalDate date, long seq, String hash, String publishedAt, String publicKey, String signature) {

    static final String FORMAT = "shequ-audit-head/1";
    static final String ALGORITHM = "Ed25519";

    /** The text that the signature covers: format, date, seq, hash, publishedAt, one per line. */
    public String signedText() {
        return FORMAT + "\n" + date + "\n" + seq + "\n" + hash + "\n" + publishedAt + "\n";
    }

    /** The file's text: one {@code name: value} line each, after a comment naming what it is. */
    public String text() {
        return "# 社区公共服务 审计日志链尾 / Shequ audit log head (docs/audit-head.md)\n"
                + "format: " + FORMAT + "\n"
                + "date: " + date + "\n"
                + "seq: " + seq + "\n"
                + "hash: " + hash + "\n"
                + "publishedAt: " + publishedAt + "\n"
                + "algorithm: " + ALGORITHM + "\n"
                + "publicKey: " + publicKey + "\n"
                + "signature: " + signature + "\n";
    }

    public ExpectedHead expected(String source) {
        return new ExpectedHead(seq, hash, source);
    }

    /** Whether {@code signature} is the Ed25519 signature of {@link #signedText()} by {@code publicKey}. */
    public boolean signatureValid() {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signedText().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Reads a head file's text; throws IllegalArgumentException naming what is wrong. */
    public static HeadFile parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("not a head file line: " + line);
            }
            fields.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        if (!FORMAT.equals(fields.get("format"))) {
            throw new IllegalArgumentException("not a " + FORMAT + " file");
        }
        if (!ALGORITHM.equals(fields.get("algorithm"))) {
            throw new IllegalArgumentException("unknown signature algorithm " + fields.get("algorithm"));
        }
        try {
            HeadFile head = new HeadFile(LocalDate.parse(required(fields, "date")), Long.parseLong(required(fields, "seq")),
                    required(fields, "hash"), required(fields, "publishedAt"), required(fields, "publicKey"),
                    required(fields, "signature"));
            if (!ExpectedHead.problems(head.seq(), head.hash()).isEmpty()) {
                throw new IllegalArgumentException("seq or hash malformed");
            }
            return head;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed head file: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("no " + name);
        }
        return value;
    }
}

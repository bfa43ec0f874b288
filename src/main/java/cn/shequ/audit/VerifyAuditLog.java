package cn.shequ.audit;

import java.io.Console;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * Verifies the audit log straight from the database, without starting Shequ, for an auditor who
 * does not trust the running server. Exit code 0 when the chain is intact, 1 when it is broken,
 * 2 when it could not be read. From the packaged jar (see docs/operations.md):
 *
 * <pre>
 * java -cp target/shequ-0.1.0-SNAPSHOT.jar -Dloader.main=cn.shequ.audit.VerifyAuditLog \
 *      org.springframework.boot.loader.launch.PropertiesLauncher [jdbc-url [user [password]]]
 * </pre>
 *
 * Missing arguments come from SHEQU_DB_URL, SHEQU_DB_USER, SHEQU_DB_PASSWORD; a missing password is
 * asked for on the console. Prefer the environment or the prompt to a password on the command line.
 *
 * <p>A head published outside the database (docs/audit-head.md) is given before the arguments as
 * {@code --head <date>.head} (a signed head file, from the data folder or the public site; its
 * signature is checked, and with {@code --public-key <base64>} its key too) or as
 * {@code --expected-seq N --expected-hash H}: a chain shorter than that head, or different at its
 * seq, is reported (exit code 1) with the missing seqs.
 */
public final class VerifyAuditLog {

    private VerifyAuditLog() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] all, Map<String, String> env, PrintStream out, PrintStream err) {
        if (all.length > 0 && (all[0].equals("-h") || all[0].equals("--help"))) {
            err.println("usage: VerifyAuditLog [--head <date>.head [--public-key <base64>] | --expected-seq N --expected-hash H] "
                    + "[jdbc-url [user [password]]]  (or SHEQU_DB_URL, SHEQU_DB_USER, SHEQU_DB_PASSWORD)");
            return 2;
        }
        java.util.List<String> positional = new java.util.ArrayList<>();
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < all.length; i++) {
            if (all[i].startsWith("--") && i + 1 < all.length) {
                options.put(all[i], all[++i]);
            } else if (all[i].startsWith("--")) {
                err.println("选项缺少取值 / option without a value: " + all[i]);
                return 2;
            } else {
                positional.add(all[i]);
            }
        }
        ExpectedHead expected;
        try {
            expected = expected(options, out);
        } catch (IllegalArgumentException e) {
            err.println("已公布的链尾无效 / invalid published head: " + e.getMessage());
            return 2;
        }
        String[] args = positional.toArray(String[]::new);
        String url = arg(args, 0, env.get("SHEQU_DB_URL"));
        String user = arg(args, 1, env.get("SHEQU_DB_USER"));
        String password = arg(args, 2, env.get("SHEQU_DB_PASSWORD"));
        if (url == null || url.isBlank()) {
            err.println("缺少数据库地址 / no JDBC URL: pass it as the first argument or set SHEQU_DB_URL");
            return 2;
        }
        if (password == null) {
            Console console = System.console();
            password = console == null || user == null ? "" : new String(console.readPassword("Password for %s: ", user));
        }
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.setReadOnly(true);
            VerificationResult result = new AuditVerifier().verify(connection, expected);
            out.println(result.ok()
                    ? "审计日志完整 / audit log intact: " + result.entries() + " entries, last hash " + result.lastHash()
                            + (expected == null ? "" : ", reaches the published head " + expected.seq())
                    : "审计日志被改动 / audit log ALTERED: " + result.message() + " (" + result.entries() + " entries read)");
            out.println(json(result));
            return result.ok() ? 0 : 1;
        } catch (SQLException e) {
            err.println("无法读取审计日志 / cannot read the audit log: " + e.getMessage());
            return 2;
        }
    }

    /** The published head of the options, or null; a head file's signature must hold. */
    private static ExpectedHead expected(Map<String, String> options, PrintStream out) {
        java.util.Set<String> known = java.util.Set.of("--head", "--public-key", "--expected-seq", "--expected-hash");
        for (String option : options.keySet()) {
            if (!known.contains(option)) {
                throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (options.containsKey("--head")) {
            HeadFile head;
            try {
                head = HeadFile.parse(java.nio.file.Files.readString(java.nio.file.Path.of(options.get("--head")),
                        java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot read " + options.get("--head") + ": " + e.getMessage());
            }
            if (!head.signatureValid()) {
                throw new IllegalArgumentException("签名无效 / the signature of " + options.get("--head") + " does not hold");
            }
            String key = options.get("--public-key");
            if (key != null && !key.trim().equals(head.publicKey())) {
                throw new IllegalArgumentException("签名公钥与公布的公钥不符 / signed with another key than the published one");
            }
            out.println("已公布的链尾 / published head " + head.date() + ": seq " + head.seq() + ", hash " + head.hash()
                    + " (signature valid" + (key == null ? ", key not compared with the published key" : ", published key") + ")");
            return head.expected("head file " + head.date());
        }
        if (options.containsKey("--expected-seq") || options.containsKey("--expected-hash")) {
            Long seq;
            try {
                seq = Long.valueOf(options.getOrDefault("--expected-seq", "").trim());
            } catch (NumberFormatException e) {
                seq = null;
            }
            Map<String, String> problems = ExpectedHead.problems(seq, options.get("--expected-hash"));
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems.values()));
            }
            return new ExpectedHead(seq, options.get("--expected-hash"), "parameter");
        }
        return null;
    }

    private static String arg(String[] args, int index, String fallback) {
        return args.length > index ? args[index] : fallback;
    }

    /** The same fields as GET /api/audit/verify, without a JSON library. */
    static String json(VerificationResult result) {
        StringBuilder out = new StringBuilder("{\"ok\":").append(result.ok()).append(",\"entries\":").append(result.entries());
        if (result.ok()) {
            CanonicalForm.string(out.append(",\"lastHash\":"), result.lastHash());
        } else {
            out.append(",\"firstBrokenSeq\":").append(result.firstBrokenSeq());
            CanonicalForm.string(out.append(",\"problem\":"), result.problem().name());
            CanonicalForm.string(out.append(",\"message\":"), result.message());
        }
        if (result.expectedHead() != null) {
            out.append(",\"expectedHead\":{\"seq\":").append(result.expectedHead().seq());
            CanonicalForm.string(out.append(",\"hash\":"), result.expectedHead().hash());
            out.append('}');
        }
        if (result.missingSeqs() != null) {
            out.append(",\"missingSeqs\":{\"from\":").append(result.missingSeqs().from())
                    .append(",\"to\":").append(result.missingSeqs().to()).append('}');
        }
        return out.append('}').toString();
    }
}

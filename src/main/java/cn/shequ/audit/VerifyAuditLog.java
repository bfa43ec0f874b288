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
 * 2 when it could not be read. From the packaged jar (see README "Verify the audit log"):
 *
 * <pre>
 * java -cp target/shequ-0.1.0-SNAPSHOT.jar -Dloader.main=cn.shequ.audit.VerifyAuditLog \
 *      org.springframework.boot.loader.launch.PropertiesLauncher [jdbc-url [user [password]]]
 * </pre>
 *
 * Missing arguments come from SHEQU_DB_URL, SHEQU_DB_USER, SHEQU_DB_PASSWORD; a missing password is
 * asked for on the console. Prefer the environment or the prompt to a password on the command line.
 */
public final class VerifyAuditLog {

    private VerifyAuditLog() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length > 0 && (args[0].equals("-h") || args[0].equals("--help"))) {
            err.println("usage: VerifyAuditLog [jdbc-url [user [password]]]  (or SHEQU_DB_URL, SHEQU_DB_USER, SHEQU_DB_PASSWORD)");
            return 2;
        }
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
            VerificationResult result = new AuditVerifier().verify(connection);
            out.println(result.ok()
                    ? "审计日志完整 / audit log intact: " + result.entries() + " entries, last hash " + result.lastHash()
                    : "审计日志被改动 / audit log ALTERED: " + result.message() + " (" + result.entries() + " entries read)");
            out.println(json(result));
            return result.ok() ? 0 : 1;
        } catch (SQLException e) {
            err.println("无法读取审计日志 / cannot read the audit log: " + e.getMessage());
            return 2;
        }
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
        return out.append('}').toString();
    }
}

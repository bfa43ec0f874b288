package cn.shequ.audit;

import cn.shequ.engine.ShequClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records every change of the rule files a release brings — DMN tables, BPMN models, working-day
 * calendars — in the audit log: at each start the SHA-256 of each file is compared with the one
 * Shequ last started with, and each new, changed or removed file is one CONFIG_CHANGED entry.
 */
@Component
class ConfigurationAudit implements ApplicationRunner {

    static final String[] PATTERNS = {"classpath*:processes/*.dmn", "classpath*:processes/*.bpmn", "classpath*:calendar/*.properties"};

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final ShequClock clock;

    ConfigurationAudit(JdbcTemplate jdbc, AuditLog audit, TransactionTemplate transaction, ShequClock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Map<String, String> now = fingerprints();
        transaction.executeWithoutResult(status -> {
            Map<String, String> before = new TreeMap<>();
            jdbc.query("SELECT resource, sha256 FROM config_fingerprint FOR UPDATE",
                    row -> { before.put(row.getString(1), row.getString(2)); });
            now.forEach((resource, sha) -> {
                String old = before.remove(resource);
                if (!sha.equals(old)) {
                    record(resource, old, sha);
                    if (old == null) {
                        jdbc.update("INSERT INTO config_fingerprint (resource, sha256, recorded_at) VALUES (?, ?, ?)",
                                resource, sha, clock.localNow());
                    } else {
                        jdbc.update("UPDATE config_fingerprint SET sha256 = ?, recorded_at = ? WHERE resource = ?",
                                sha, clock.localNow(), resource);
                    }
                }
            });
            before.forEach((resource, old) -> {
                record(resource, old, null);
                jdbc.update("DELETE FROM config_fingerprint WHERE resource = ?", resource);
            });
        });
    }

    private void record(String resource, String before, String after) {
        audit.append(AuditEvent.of(AuditEvent.SYSTEM, AuditActions.CONFIG_CHANGED)
                .detail("resource", resource).detail("before", before).detail("after", after));
    }

    /** Resource path (e.g. processes/approval-authority.dmn) → SHA-256 of its bytes. */
    static Map<String, String> fingerprints() throws IOException {
        Map<String, String> fingerprints = new TreeMap<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String pattern : PATTERNS) {
            String folder = pattern.substring("classpath*:".length(), pattern.indexOf('/') + 1);
            for (Resource resource : resolver.getResources(pattern)) {
                try (InputStream in = resource.getInputStream()) {
                    fingerprints.put(folder + resource.getFilename(), sha256(in.readAllBytes()));
                }
            }
        }
        return fingerprints;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}

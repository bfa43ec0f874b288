package cn.shequ.persistence;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.builder.StaticSqlSource;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.RawSqlSource;

/**
 * What {@link ReadOnce} needs to know of a statement: whether a SELECT may be kept (it reads only stable
 * tables and takes no lock) and which table a write writes. Worked out from the SQL by regular
 * expressions, once per SELECT text and once per write statement, not at every call (issue 16).
 */
final class ReadOnceStatements {

    /** The tables whose rows a transaction may read once; all written through MyBatis only. */
    static final Set<String> TABLES = Set.of("project", "delivery_milestone", "budget_line", "fund", "user_affiliation",
            "community", "street_office", "service_category", "resident_meeting");

    private static final Pattern READS = Pattern.compile("(?i)\\b(?:from|join)\\s+`?([a-z_][a-z0-9_]*)");
    private static final Pattern WRITES = Pattern.compile(
            "(?i)^\\s*(?:insert\\s+(?:ignore\\s+)?into|update|delete\\s+from|replace\\s+into|merge\\s+into)\\s+`?([a-z_][a-z0-9_]*)");
    private static final Pattern LOCKING = Pattern.compile("(?i)\\bfor\\s+update\\b|\\block\\s+in\\s+share\\s+mode\\b");

    /** More distinct SQL texts than Shequ's mappers make: past it, what was worked out is dropped and worked out again. */
    static final int MAX_KNOWN = 5_000;

    /** Each SELECT's text, worked out once (the regular expressions cost more than the lookup): see {@link #classify}. */
    private final Map<String, Select> selects = new ConcurrentHashMap<>();

    /** The table each write statement of fixed SQL writes, by statement id (no mapper names a table by ${}). */
    private final Map<String, Optional<String>> writes = new ConcurrentHashMap<>();

    /** A SELECT: whether it locks, its text without the lock clause, and the tables it may be kept for (null: never kept). */
    record Select(boolean locking, String unlocked, Set<String> tables) {}

    /** What a SELECT's text means here, worked out once per text. */
    Select classify(String sql) {
        Select known = selects.get(sql);
        if (known != null) {
            return known;
        }
        boolean locking = LOCKING.matcher(sql).find();
        String unlocked = locking ? unlocked(sql) : sql.strip();
        Set<String> tables = cacheable(unlocked);
        Select select = new Select(locking, unlocked, tables == null ? null : Set.copyOf(tables));
        if (selects.size() >= MAX_KNOWN) {
            selects.clear();
        }
        selects.put(sql, select);
        return select;
    }

    /** The table {@code statement} writes (null: forget everything), once per statement when its SQL is fixed. */
    String written(MappedStatement statement, Object parameter) {
        if (!(statement.getSqlSource() instanceof RawSqlSource || statement.getSqlSource() instanceof StaticSqlSource)) {
            return written(statement.getBoundSql(parameter).getSql()); // dynamic SQL, a provider: made per call
        }
        return writes.computeIfAbsent(statement.getId(),
                id -> Optional.ofNullable(written(statement.getBoundSql(parameter).getSql()))).orElse(null);
    }

    /** The SQL of a locking read without its lock clause: the same read as a plain one. */
    static String unlocked(String sql) {
        return LOCKING.matcher(sql).replaceAll(" ").strip();
    }

    /** The tables a SELECT reads, when every one of them may be read once and the read takes no lock; else null. */
    static Set<String> cacheable(String sql) {
        if (LOCKING.matcher(sql).find()) {
            return null;
        }
        Set<String> tables = new HashSet<>();
        Matcher read = READS.matcher(sql);
        while (read.find()) {
            String table = read.group(1).toLowerCase(Locale.ROOT);
            if (!TABLES.contains(table)) {
                return null;
            }
            tables.add(table);
        }
        return tables.isEmpty() ? null : tables;
    }

    /** The table an INSERT, UPDATE or DELETE writes; null (forget everything) when it cannot be told. */
    static String written(String sql) {
        Matcher write = WRITES.matcher(sql);
        return write.find() ? write.group(1).toLowerCase(Locale.ROOT) : null;
    }
}

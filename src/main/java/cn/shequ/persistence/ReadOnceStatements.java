package cn.shequ.persistence;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
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
    private static final Pattern UPDATE_SET = Pattern.compile("(?is)^\\s*update\\s+`?[a-z_][a-z0-9_]*`?\\s+set\\s+(.+?)(?:\\s+where\\s.*)?$");
    private static final Pattern ASSIGNED = Pattern.compile("(?is)^\\s*`?([a-z_][a-z0-9_]*)`?\\s*=.*");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern FROM = Pattern.compile("(?i)\\bfrom\\b");

    /** More distinct SQL texts than Shequ's mappers make: past it, what was worked out is dropped and worked out again. */
    static final int MAX_KNOWN = 5_000;

    /** Each SELECT's text, worked out once (the regular expressions cost more than the lookup): see {@link #classify}. */
    private final Map<String, Select> selects = new ConcurrentHashMap<>();

    /** What each write statement of fixed SQL writes, by statement id (no mapper names a table by ${}). */
    private final Map<String, Write> writes = new ConcurrentHashMap<>();

    /**
     * A SELECT: whether it locks, its text without the lock clause, the tables it may be kept for (null: never kept),
     * and the words after its FROM (lower case): every column its rows are chosen or ordered by is among them.
     */
    record Select(boolean locking, String unlocked, Set<String> tables, Set<String> chosenBy) {}

    /**
     * A write: its table (null: forget everything) and, for an UPDATE whose SET clause names plain columns, those
     * columns (lower case); null for an INSERT, a DELETE or an UPDATE that cannot be told.
     */
    record Write(String table, Set<String> columns) {}

    /** What a SELECT's text means here, worked out once per text. */
    Select classify(String sql) {
        Select known = selects.get(sql);
        if (known != null) {
            return known;
        }
        boolean locking = LOCKING.matcher(sql).find();
        String unlocked = locking ? unlocked(sql) : sql.strip();
        Set<String> tables = cacheable(unlocked);
        Select select = new Select(locking, unlocked, tables == null ? null : Set.copyOf(tables), chosenBy(unlocked));
        if (selects.size() >= MAX_KNOWN) {
            selects.clear();
        }
        selects.put(sql, select);
        return select;
    }

    /** What {@code statement} writes, once per statement when its SQL is fixed. */
    Write written(MappedStatement statement, Object parameter) {
        if (!(statement.getSqlSource() instanceof RawSqlSource || statement.getSqlSource() instanceof StaticSqlSource)) {
            return write(statement.getBoundSql(parameter).getSql()); // dynamic SQL, a provider: made per call
        }
        return writes.computeIfAbsent(statement.getId(), id -> write(statement.getBoundSql(parameter).getSql()));
    }

    /** What an INSERT, UPDATE or DELETE writes: see {@link Write}. */
    static Write write(String sql) {
        String table = written(sql);
        return new Write(table, table == null ? null : assigned(sql));
    }

    /** The columns an UPDATE's SET clause assigns, each {@code column = value} at the top level; else null. */
    static Set<String> assigned(String sql) {
        Matcher update = UPDATE_SET.matcher(sql);
        if (!update.matches()) {
            return null;
        }
        Set<String> columns = new HashSet<>();
        String set = update.group(1);
        int depth = 0;
        int from = 0;
        boolean quoted = false;
        for (int i = 0; i <= set.length(); i++) {
            char c = i < set.length() ? set.charAt(i) : ',';
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == ')')) {
                depth += c == '(' ? 1 : -1;
            } else if (!quoted && depth == 0 && c == ',') {
                Matcher column = ASSIGNED.matcher(set.substring(from, i));
                if (!column.matches()) {
                    return null;
                }
                columns.add(column.group(1).toLowerCase(Locale.ROOT));
                from = i + 1;
            }
        }
        return quoted || depth != 0 || columns.isEmpty() ? null : Set.copyOf(columns);
    }

    /** The words of a SELECT after its first FROM, lower case. */
    static Set<String> chosenBy(String sql) {
        Matcher from = FROM.matcher(sql);
        Set<String> words = new HashSet<>();
        if (from.find()) {
            WORD.matcher(sql.substring(from.end())).results().forEach(w -> words.add(w.group().toLowerCase(Locale.ROOT)));
        }
        return Set.copyOf(words);
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

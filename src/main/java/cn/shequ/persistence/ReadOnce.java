package cn.shequ.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.ParameterMode;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.apache.ibatis.type.TypeHandlerRegistry;
import org.springframework.stereotype.Component;

/**
 * Read once per transaction (issue 16, ADR 0022): a MyBatis plugin that answers a repeated identical
 * read of Shequ's stable rows (the project, its milestones and budget, the fund, users' affiliations,
 * communities, categories, meetings) from what the same transaction already read, instead of asking
 * the database again. A completion reads the project five times in one transaction (the listener,
 * the step, the dossier, the documents); MyBatis's own session cache would serve the repeats, but it
 * forgets everything at every write of the transaction (an audit entry, the task index).
 *
 * <p>Here a write forgets only the reads of the table it writes (INSERT/UPDATE/DELETE through MyBatis,
 * the only way Shequ's code writes these tables); commit, rollback and the end of the session forget
 * all. Locking reads ({@code FOR UPDATE}) are never answered from memory: they always go to the
 * database and take their lock; what they return is then kept as the answer to the same read without
 * the lock (ADR 0053: the row is the transaction's until it ends, and nobody else can change it), so a
 * {@code find} after a {@code lock} of the same row is not sent again. Reads are known by their SQL
 * (without the lock clause), their parameter values and the type they map to, not by the mapper
 * method that sent them. What a transaction reads again without a write of its own is what MariaDB's
 * repeatable read answers anyway (its snapshot), so nobody can tell the difference except by the
 * count of statements. Outside a transaction each mapper call has a session of its own, and nothing
 * is kept.
 */
@Component
@Intercepts({
        @Signature(type = Executor.class, method = "query",
                args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
        @Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class}),
        @Signature(type = Executor.class, method = "commit", args = {boolean.class}),
        @Signature(type = Executor.class, method = "rollback", args = {boolean.class}),
        @Signature(type = Executor.class, method = "close", args = {boolean.class})})
public class ReadOnce implements Interceptor {

    /** The tables whose rows a transaction may read once; all written through MyBatis only. */
    static final Set<String> TABLES = Set.of("project", "delivery_milestone", "budget_line", "fund", "user_affiliation",
            "community", "street_office", "service_category", "resident_meeting");

    private static final Pattern READS = Pattern.compile("(?i)\\b(?:from|join)\\s+`?([a-z_][a-z0-9_]*)");
    private static final Pattern WRITES = Pattern.compile(
            "(?i)^\\s*(?:insert\\s+(?:ignore\\s+)?into|update|delete\\s+from|replace\\s+into|merge\\s+into)\\s+`?([a-z_][a-z0-9_]*)");
    private static final Pattern LOCKING = Pattern.compile("(?i)\\bfor\\s+update\\b|\\block\\s+in\\s+share\\s+mode\\b");

    /** What each open session (one per Spring transaction) has read: key → rows, and the tables of each key. */
    private final Map<Executor, Reads> sessions = new ConcurrentHashMap<>();

    private static final class Reads {
        final Map<Key, List<?>> rows = new HashMap<>();
        final Map<Key, Set<String>> tables = new HashMap<>();

        void forget(String table) {
            tables.entrySet().removeIf(entry -> {
                if (table == null || entry.getValue().contains(table)) {
                    rows.remove(entry.getKey());
                    return true;
                }
                return false;
            });
        }
    }

    /**
     * Wraps a session's executor only. MyBatis offers every statement's handlers too, three a statement, and
     * its default wrapping would read this class's {@code @Intercepts} by reflection for each, to wrap none.
     */
    @Override
    public Object plugin(Object target) {
        return target instanceof Executor ? Plugin.wrap(target, this) : target;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        Executor executor = (Executor) invocation.getTarget();
        switch (invocation.getMethod().getName()) {
            case "query" -> {
                return query(executor, invocation);
            }
            case "update" -> {
                Reads reads = sessions.get(executor);
                if (reads != null) {
                    MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
                    reads.forget(written(statement.getBoundSql(invocation.getArgs()[1]).getSql()));
                }
                return invocation.proceed();
            }
            case "close" -> {
                sessions.remove(executor);
                return invocation.proceed();
            }
            default -> { // commit, rollback
                Reads reads = sessions.get(executor);
                if (reads != null) {
                    reads.forget(null);
                }
                return invocation.proceed();
            }
        }
    }

    /**
     * A read as the database answers it: its SQL without a lock clause, its parameter values, its row
     * bounds, and what its rows are mapped to (the statement's id when it maps columns by hand).
     */
    record Key(String sql, List<Object> values, int offset, int limit, Object mapping) {}

    private Object query(Executor executor, Invocation invocation) throws Throwable {
        Object[] args = invocation.getArgs();
        MappedStatement statement = (MappedStatement) args[0];
        if (statement.getSqlCommandType() != SqlCommandType.SELECT || args[3] != null) {
            return invocation.proceed();
        }
        BoundSql sql = statement.getBoundSql(args[1]);
        boolean locking = LOCKING.matcher(sql.getSql()).find();
        String unlocked = locking ? unlocked(sql.getSql()) : sql.getSql();
        Set<String> tables = cacheable(unlocked);
        if (tables == null) {
            return invocation.proceed();
        }
        RowBounds bounds = (RowBounds) args[2];
        Key key = new Key(unlocked.strip(), values(statement, args[1], sql), bounds.getOffset(), bounds.getLimit(),
                mapping(statement));
        Reads reads = sessions.computeIfAbsent(executor, e -> new Reads());
        List<?> known = locking ? null : reads.rows.get(key);
        if (known != null) {
            return new ArrayList<>(known); // the caller may sort or extend its list
        }
        Object rows = invocation.proceed();
        // a locking read keeps what it found under its lock; an empty answer is not kept (the next read asks again)
        if (rows instanceof List<?> list && (!locking || !list.isEmpty()) && list.stream().allMatch(ReadOnce::unchangeable)) {
            reads.rows.put(key, new ArrayList<>(list));
            reads.tables.put(key, tables);
        }
        return rows;
    }

    /** The SQL of a locking read without its lock clause: the same read as a plain one. */
    static String unlocked(String sql) {
        return LOCKING.matcher(sql).replaceAll(" ").strip();
    }

    /** What the rows are mapped to: the result type when columns map by name (any statement alike), else the statement. */
    private static Object mapping(MappedStatement statement) {
        List<ResultMap> maps = statement.getResultMaps();
        if (maps.size() == 1 && maps.get(0).getResultMappings().isEmpty()) {
            return maps.get(0).getType();
        }
        return statement.getId();
    }

    /** The parameter values a statement sends, as MyBatis's own cache key takes them. */
    private static List<Object> values(MappedStatement statement, Object parameter, BoundSql sql) {
        Configuration configuration = statement.getConfiguration();
        TypeHandlerRegistry types = configuration.getTypeHandlerRegistry();
        List<Object> values = new ArrayList<>();
        MetaObject meta = null;
        for (ParameterMapping mapping : sql.getParameterMappings()) {
            if (mapping.getMode() == ParameterMode.OUT) {
                continue;
            }
            String property = mapping.getProperty();
            if (sql.hasAdditionalParameter(property)) {
                values.add(sql.getAdditionalParameter(property));
            } else if (parameter == null) {
                values.add(null);
            } else if (types.hasTypeHandler(parameter.getClass())) {
                values.add(parameter);
            } else {
                if (meta == null) {
                    meta = configuration.newMetaObject(parameter);
                }
                values.add(meta.getValue(property));
            }
        }
        return values;
    }

    /** Rows nobody can change in place (records, strings, numbers, dates): safe to hand out twice. */
    private static boolean unchangeable(Object row) {
        return row == null || row.getClass().isRecord() || row instanceof String || row instanceof Number
                || row instanceof Boolean || row instanceof Enum<?> || row instanceof java.time.temporal.TemporalAccessor;
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

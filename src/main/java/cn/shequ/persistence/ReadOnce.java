package cn.shequ.persistence;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    /** What each open session (one per Spring transaction) has read: key → rows, and the tables of each key. */
    private final Map<Executor, SessionReads> sessions = new ConcurrentHashMap<>();

    /** Which reads may be kept and which table a write writes, worked out once per statement. */
    private final ReadOnceStatements statements = new ReadOnceStatements();

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
                SessionReads reads = sessions.get(executor);
                if (reads != null) {
                    reads.forget(statements.written((MappedStatement) invocation.getArgs()[0], invocation.getArgs()[1]));
                }
                return invocation.proceed();
            }
            case "close" -> {
                sessions.remove(executor);
                return invocation.proceed();
            }
            default -> { // commit, rollback
                SessionReads reads = sessions.get(executor);
                if (reads != null) {
                    reads.forget(null);
                }
                return invocation.proceed();
            }
        }
    }

    /**
     * Runs {@code read}, a read of Shequ's stable rows whose caller takes only {@code columns} (lower case) from what it
     * returns: after the transaction's own UPDATE of other columns of those rows, it is answered from the rows the
     * transaction read under its lock before the UPDATE instead of being sent again (see {@link SessionReads}).
     * {@code columns} are the table's own columns as the UPDATEs name them, never an alias or a computed value.
     */
    public static <T> T using(Set<String> columns, java.util.function.Supplier<T> read) {
        return SessionReads.using(columns, read);
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
        ReadOnceStatements.Select select = statements.classify(sql.getSql());
        boolean locking = select.locking();
        Set<String> tables = select.tables();
        if (tables == null) {
            return query(executor, args, sql);
        }
        RowBounds bounds = (RowBounds) args[2];
        Key key = new Key(select.unlocked(), values(statement, args[1], sql), bounds.getOffset(), bounds.getLimit(),
                mapping(statement));
        SessionReads reads = sessions.computeIfAbsent(executor, e -> new SessionReads());
        List<?> known = locking ? null : reads.known(key);
        if (known != null) {
            return new ArrayList<>(known); // the caller may sort or extend its list
        }
        Object rows = query(executor, args, sql);
        // a locking read keeps what it found under its lock; an empty answer is not kept (the next read asks again)
        if (rows instanceof List<?> list && (!locking || !list.isEmpty()) && list.stream().allMatch(ReadOnce::unchangeable)) {
            reads.keep(key, new ArrayList<>(list), tables, select.chosenBy(), locking);
        }
        return rows;
    }

    /**
     * The read itself, with the SQL this plugin made already: what the executor's own {@code query} does with
     * its four arguments (make the SQL, its cache key, then this), without making the SQL a second time. A plugin
     * added inside this one that intercepts only the four-argument {@code query} would not see these reads.
     */
    private static Object query(Executor executor, Object[] args, BoundSql sql) throws SQLException {
        MappedStatement statement = (MappedStatement) args[0];
        RowBounds bounds = (RowBounds) args[2];
        return executor.query(statement, args[1], bounds, (ResultHandler<?>) args[3],
                executor.createCacheKey(statement, args[1], bounds, sql), sql);
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
}

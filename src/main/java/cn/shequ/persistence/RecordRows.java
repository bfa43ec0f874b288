package cn.shequ.persistence;

import java.lang.reflect.Field;
import java.sql.CallableStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.executor.resultset.DefaultResultSetHandler;
import org.apache.ibatis.executor.resultset.ResultSetHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.reflection.factory.DefaultObjectFactory;
import org.apache.ibatis.session.AutoMappingBehavior;
import org.apache.ibatis.session.AutoMappingUnknownColumnBehavior;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.RowBounds;
import org.springframework.stereotype.Component;

/**
 * Shequ's rows are Java records that MyBatis builds through their constructor, matching each parameter's name to a
 * column (ADR 0068). MyBatis works that match out again for every row: the constructor's parameters by reflection, every
 * column against every parameter, the constructor looked up again to call it; about 5 % of a lifecycle's Java time
 * (issue 16). This works it out once per statement and the columns it returned, with MyBatis's own rules (a parameter's
 * name or {@code @Param}, the column's label without underscores, any case; the type handler MyBatis would choose for the
 * parameter's type and the column's JDBC type), then reads each row by column index and calls the constructor.
 *
 * <p>Only the plain case: one automatic result map of a record type, no type handler for the record itself, no row
 * bounds, no result handler, every parameter matched by exactly one column. Anything else, and any statement whose
 * columns do not fit, is left to MyBatis unchanged. A row whose every column is null is a null element, as MyBatis
 * makes it.
 */
@Component
public class RecordRows implements Interceptor {

    private static final Field MAPPED_STATEMENT = field("mappedStatement");
    private static final Field ROW_BOUNDS = field("rowBounds");
    private static final Field RESULT_HANDLER = field("resultHandler");

    /** Off: MyBatis builds every row (RecordRowsIT compares the two). */
    volatile boolean on = true;

    /** Rows built here rather than by MyBatis on each thread (what RecordRowsIT counts on its own thread). */
    private static final ThreadLocal<long[]> ROWS = ThreadLocal.withInitial(() -> new long[1]);

    /** Per statement: how its record is built from the columns it returned last ({@link RecordPlan#mybatis}: left to MyBatis). */
    private final Map<String, RecordPlan> plans = new ConcurrentHashMap<>();

    /** How many rows were built here rather than by MyBatis on this thread. */
    static long builtOnThisThread() {
        return ROWS.get()[0];
    }

    /** Never called: {@link #plugin} wraps the result set handler itself. */
    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        return invocation.proceed();
    }

    /** Wraps MyBatis's result set handler without a reflective proxy (one per statement). */
    @Override
    public Object plugin(Object target) {
        return target instanceof DefaultResultSetHandler handler ? new Handler(handler) : target;
    }

    private final class Handler implements ResultSetHandler {

        private final DefaultResultSetHandler mybatis;

        Handler(DefaultResultSetHandler mybatis) {
            this.mybatis = mybatis;
        }

        @Override
        public <E> List<E> handleResultSets(Statement stmt) throws SQLException {
            MappedStatement statement = (MappedStatement) get(MAPPED_STATEMENT, mybatis);
            ResultSet rs = on && plain(statement) ? stmt.getResultSet() : null;
            RecordPlan plan = rs == null ? null : plan(statement, rs);
            if (plan == null || plan.byMyBatis()) {
                @SuppressWarnings("unchecked")
                List<E> byMyBatis = (List<E>) (List<?>) mybatis.handleResultSets(stmt);
                return byMyBatis;
            }
            List<E> built = new ArrayList<>();
            try (rs) {
                while (rs.next()) {
                    @SuppressWarnings("unchecked")
                    E row = (E) plan.row(rs);
                    built.add(row);
                }
            }
            ROWS.get()[0] += built.size();
            return built;
        }

        @Override
        public <E> Cursor<E> handleCursorResultSets(Statement stmt) throws SQLException {
            return mybatis.handleCursorResultSets(stmt);
        }

        @Override
        public void handleOutputParameters(CallableStatement cs) throws SQLException {
            mybatis.handleOutputParameters(cs);
        }

        /** Whether MyBatis would build each row by the record's constructor alone. */
        private boolean plain(MappedStatement statement) {
            Configuration configuration = statement.getConfiguration();
            if (statement.getResultMaps().size() != 1 || statement.getResultSets() != null
                    || get(RESULT_HANDLER, mybatis) != null || get(ROW_BOUNDS, mybatis) != RowBounds.DEFAULT
                    || configuration.isReturnInstanceForEmptyRow() || !configuration.isArgNameBasedConstructorAutoMapping()
                    || !configuration.isUseColumnLabel()
                    || configuration.getAutoMappingBehavior() == AutoMappingBehavior.NONE
                    || configuration.getAutoMappingUnknownColumnBehavior() != AutoMappingUnknownColumnBehavior.NONE
                    || configuration.getObjectFactory().getClass() != DefaultObjectFactory.class) {
                return false;
            }
            ResultMap map = statement.getResultMaps().get(0);
            return map.getType().isRecord() && map.getResultMappings().isEmpty() && map.getDiscriminator() == null
                    && !Boolean.FALSE.equals(map.getAutoMapping())
                    && !configuration.getTypeHandlerRegistry().hasTypeHandler(map.getType());
        }

        private RecordPlan plan(MappedStatement statement, ResultSet rs) throws SQLException {
            ResultSetMetaData meta = rs.getMetaData();
            RecordPlan known = plans.get(statement.getId());
            if (known != null && known.fits(meta)) {
                return known;
            }
            RecordPlan made = RecordPlan.make(statement, rs);
            plans.put(statement.getId(), made == null ? RecordPlan.mybatis(meta) : made);
            return made;
        }
    }

    private static Field field(String name) {
        try {
            Field field = DefaultResultSetHandler.class.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("MyBatis's DefaultResultSetHandler has no field " + name + ": see RecordRows", e);
        }
    }

    private static Object get(Field field, Object target) {
        try {
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}

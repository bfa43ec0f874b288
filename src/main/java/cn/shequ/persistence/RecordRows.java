package cn.shequ.persistence;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Parameter;
import java.sql.CallableStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.ibatis.annotations.AutomapConstructor;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.executor.resultset.DefaultResultSetHandler;
import org.apache.ibatis.executor.resultset.ResultSetHandler;
import org.apache.ibatis.executor.resultset.ResultSetWrapper;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.reflection.factory.DefaultObjectFactory;
import org.apache.ibatis.session.AutoMappingBehavior;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.RowBounds;
import org.apache.ibatis.type.TypeHandler;
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

    /** Rows built here rather than by MyBatis, since the start. */
    private final LongAdder rows = new LongAdder();

    /** Per statement: how its record is built from the columns it returned last ({@link Plan#mybatis}: left to MyBatis). */
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();

    /** How many rows were built here rather than by MyBatis since the start. */
    long built() {
        return rows.sum();
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

    /** How rows of one statement's columns become its record. */
    private record Plan(List<String> labels, Constructor<?> constructor, int[] columns, TypeHandler<?>[] handlers) {

        /** These columns do not fit the record by MyBatis's rules: MyBatis builds the rows, and says what is wrong. */
        static Plan mybatis(List<String> labels) {
            return new Plan(labels, null, null, null);
        }

        boolean byMyBatis() {
            return constructor == null;
        }

        Object row(ResultSet rs) throws SQLException {
            Object[] args = new Object[columns.length];
            boolean any = false;
            for (int i = 0; i < columns.length; i++) {
                args[i] = handlers[i].getResult(rs, columns[i]);
                any |= args[i] != null;
            }
            if (!any) {
                return null; // as MyBatis: an empty row (returnInstanceForEmptyRow is checked before a plan is made)
            }
            try {
                return constructor.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new SQLException("could not build " + constructor.getDeclaringClass().getName() + " from a row", e);
            }
        }
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
            Plan plan = rs == null ? null : plan(statement, rs);
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
            rows.add(built.size());
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
                    || configuration.getObjectFactory().getClass() != DefaultObjectFactory.class) {
                return false;
            }
            ResultMap map = statement.getResultMaps().get(0);
            return map.getType().isRecord() && map.getResultMappings().isEmpty() && map.getDiscriminator() == null
                    && !Boolean.FALSE.equals(map.getAutoMapping())
                    && !configuration.getTypeHandlerRegistry().hasTypeHandler(map.getType());
        }

        private Plan plan(MappedStatement statement, ResultSet rs) throws SQLException {
            List<String> labels = labels(rs.getMetaData());
            Plan known = plans.get(statement.getId());
            if (known != null && known.labels().equals(labels)) {
                return known;
            }
            Plan made = make(statement, rs, labels);
            plans.put(statement.getId(), made == null ? Plan.mybatis(labels) : made);
            return made;
        }
    }

    /** The plan of MyBatis's rules for {@code rs}'s columns; null when a parameter has no column or several. */
    private static Plan make(MappedStatement statement, ResultSet rs, List<String> labels) throws SQLException {
        Configuration configuration = statement.getConfiguration();
        Constructor<?> constructor = constructor(statement.getResultMaps().get(0).getType());
        if (constructor == null) {
            return null;
        }
        ResultSetWrapper columns = new ResultSetWrapper(rs, configuration);
        Parameter[] parameters = constructor.getParameters();
        int[] indexes = new int[parameters.length];
        TypeHandler<?>[] handlers = new TypeHandler<?>[parameters.length];
        for (int p = 0; p < parameters.length; p++) {
            Param named = parameters[p].getAnnotation(Param.class);
            String name = named == null ? parameters[p].getName() : named.value();
            int found = -1;
            for (int c = 0; c < labels.size(); c++) {
                String label = labels.get(c);
                if (name.equalsIgnoreCase(configuration.isMapUnderscoreToCamelCase() ? label.replace("_", "") : label)) {
                    if (found >= 0) {
                        return null; // two columns for one parameter: MyBatis's own error, not ours to change
                    }
                    found = c;
                }
            }
            if (found < 0) {
                return null; // MyBatis says which column is missing
            }
            indexes[p] = found + 1;
            handlers[p] = columns.getTypeHandler(parameters[p].getType(), columns.getColumnNames().get(found));
            if (handlers[p] == null) {
                return null;
            }
        }
        constructor.setAccessible(true);
        return new Plan(labels, constructor, indexes, handlers);
    }

    /** MyBatis's choice: the only constructor, else the one marked {@link AutomapConstructor}; null when neither. */
    private static Constructor<?> constructor(Class<?> type) {
        Constructor<?>[] all = type.getDeclaredConstructors();
        if (all.length == 1) {
            return all[0];
        }
        List<Constructor<?>> marked = Arrays.stream(all).filter(c -> c.isAnnotationPresent(AutomapConstructor.class)).toList();
        return marked.size() == 1 ? marked.get(0) : null;
    }

    private static List<String> labels(ResultSetMetaData meta) throws SQLException {
        String[] labels = new String[meta.getColumnCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = meta.getColumnLabel(i + 1).toLowerCase(Locale.ROOT);
        }
        return List.of(labels);
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

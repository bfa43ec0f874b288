package cn.shequ.persistence;

import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.apache.ibatis.annotations.AutomapConstructor;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.executor.resultset.ResultSetWrapper;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.reflection.ReflectionException;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.type.TypeHandler;

/**
 * How {@link RecordRows} builds one statement's record from the columns it returned: for each constructor parameter the
 * column and the type handler MyBatis's own rules choose, worked out once (ADR 0068).
 */
record RecordPlan(String[] labels, int[] types, Constructor<?> constructor, int[] columns, TypeHandler<?>[] handlers) {

    /** These columns do not fit the record by MyBatis's rules: MyBatis builds the rows, and says what is wrong. */
    static RecordPlan mybatis(ResultSetMetaData meta) throws SQLException {
        return new RecordPlan(labels(meta), types(meta), null, null, null);
    }

    /**
     * Whether {@code meta}'s columns are the ones this plan was made for: the same labels and JDBC types (MyBatis's type
     * handler may depend on the type), compared without building anything (once per statement).
     */
    boolean fits(ResultSetMetaData meta) throws SQLException {
        if (meta.getColumnCount() != labels.length) {
            return false;
        }
        for (int i = 0; i < labels.length; i++) {
            if (meta.getColumnType(i + 1) != types[i] || !labels[i].equalsIgnoreCase(meta.getColumnLabel(i + 1))) {
                return false;
            }
        }
        return true;
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
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            // as MyBatis's DefaultObjectFactory words it (a primitive parameter given NULL, a constructor that refuses)
            throw new ReflectionException("Error instantiating " + constructor.getDeclaringClass() + " with invalid types ("
                    + Arrays.toString(constructor.getParameterTypes()) + ") or values (" + Arrays.toString(args)
                    + "). Cause: " + e, e);
        }
    }

    /** The plan of MyBatis's rules for {@code rs}'s columns; null when a parameter has no column or several. */
    static RecordPlan make(MappedStatement statement, ResultSet rs) throws SQLException {
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
            for (int c = 0; c < columns.getColumnNames().size(); c++) {
                String label = columns.getColumnNames().get(c);
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
        ResultSetMetaData meta = rs.getMetaData();
        return new RecordPlan(labels(meta), types(meta), constructor, indexes, handlers);
    }

    /**
     * MyBatis's choice: the only constructor, else the one marked {@link AutomapConstructor}; null when neither, and when
     * there is one without parameters (MyBatis would use that one and set properties).
     */
    private static Constructor<?> constructor(Class<?> type) {
        Constructor<?>[] all = type.getDeclaredConstructors();
        if (Arrays.stream(all).anyMatch(c -> c.getParameterCount() == 0)) {
            return null;
        }
        if (all.length == 1) {
            return all[0];
        }
        List<Constructor<?>> marked = Arrays.stream(all).filter(c -> c.isAnnotationPresent(AutomapConstructor.class)).toList();
        return marked.size() == 1 ? marked.get(0) : null;
    }

    private static String[] labels(ResultSetMetaData meta) throws SQLException {
        String[] labels = new String[meta.getColumnCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = meta.getColumnLabel(i + 1);
        }
        return labels;
    }

    private static int[] types(ResultSetMetaData meta) throws SQLException {
        int[] types = new int[meta.getColumnCount()];
        for (int i = 0; i < types.length; i++) {
            types[i] = meta.getColumnType(i + 1);
        }
        return types;
    }
}

package cn.shequ.persistence;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What one session (one Spring transaction) has read, for {@link ReadOnce}: the rows of each read, the tables they
 * came from, and the reads an UPDATE of their table has since overwritten in some columns ("stale").
 *
 * <p>A stale read answers nothing by itself. It answers only a read made inside {@link #using}, whose caller declares
 * the columns it takes from the rows (the community of a project, the name of a fund, the number and amount of a
 * milestone), and only when its rows were read under the transaction's lock ({@code FOR UPDATE}: nobody else has
 * changed them since) and none of those columns, and none of the words the read chooses its rows by, was set by an
 * UPDATE of the session since (issue 16, ADR 0070). An INSERT or DELETE of the table, an UPDATE whose columns cannot
 * be told, a commit and a rollback forget it, as they forget every read.
 */
final class SessionReads {

    /** The columns the caller of a read takes from its rows, while {@link #using} runs it. */
    private static final ThreadLocal<Set<String>> USING = new ThreadLocal<>();

    /** A read's rows, its tables, the words after its FROM, whether it was read under the transaction's lock. */
    private record Read(List<?> rows, Set<String> tables, Set<String> chosenBy, boolean locked) {}

    /** A read under the lock that UPDATEs of the session have since overwritten in {@code overwritten}. */
    private record Stale(Read read, Set<String> overwritten) {}

    private final Map<ReadOnce.Key, Read> current = new HashMap<>();
    /** Only reads made under the lock: no other read can answer after an UPDATE of its table. */
    private final Map<ReadOnce.Key, Stale> stale = new HashMap<>();

    /**
     * Runs {@code read}, whose caller takes only {@code columns} (lower case) from its rows: a read that the session's
     * own UPDATEs have overwritten in other columns only is answered from what it read under its lock before.
     */
    static <T> T using(Set<String> columns, Supplier<T> read) {
        Set<String> before = USING.get();
        USING.set(columns);
        try {
            return read.get();
        } finally {
            if (before == null) {
                USING.remove();
            } else {
                USING.set(before);
            }
        }
    }

    /** The rows of {@code key} as kept, or as read under the lock before an UPDATE of other columns when the caller may take them. */
    List<?> known(ReadOnce.Key key) {
        Read read = current.get(key);
        if (read != null) {
            return read.rows();
        }
        Set<String> using = USING.get();
        Stale before = using == null ? null : stale.get(key);
        if (before == null || !Collections.disjoint(before.overwritten(), using)
                || !Collections.disjoint(before.overwritten(), before.read().chosenBy())) {
            return null;
        }
        return before.read().rows();
    }

    void keep(ReadOnce.Key key, List<?> rows, Set<String> tables, Set<String> chosenBy, boolean locked) {
        current.put(key, new Read(rows, tables, chosenBy, locked));
        stale.remove(key);
    }

    /** Forgets what {@code write} may have changed: everything when it is null or its table cannot be told. */
    void forget(ReadOnceStatements.Write write) {
        String table = write == null ? null : write.table();
        if (table == null) {
            current.clear();
            stale.clear();
            return;
        }
        Set<String> columns = write.columns();
        stale.entrySet().removeIf(entry -> {
            if (!entry.getValue().read().tables().contains(table)) {
                return false;
            }
            if (columns == null) {
                return true;
            }
            entry.getValue().overwritten().addAll(columns);
            return false;
        });
        current.entrySet().removeIf(entry -> {
            Read read = entry.getValue();
            if (!read.tables().contains(table)) {
                return false;
            }
            if (columns != null && read.locked()) {
                stale.put(entry.getKey(), new Stale(read, new HashSet<>(columns)));
            }
            return true;
        });
    }
}

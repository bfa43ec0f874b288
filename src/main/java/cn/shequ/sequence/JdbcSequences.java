package cn.shequ.sequence;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * {@code code_sequence} on the application's connection (the caller's transaction, as MyBatis's): each number is one
 * statement that increments the row, locks it until the transaction ends and returns the new value (ADR 0068). Before,
 * a {@code SELECT … FOR UPDATE} came first: one round trip more for every project code and document number.
 * <ul>
 *   <li>MySQL/MariaDB: {@code UPDATE … SET last_number = LAST_INSERT_ID(last_number + 1)}; the server sends the value back
 *       in the statement's reply as its "last insert id", which JDBC's generated keys hand over without another query.</li>
 *   <li>H2: {@code SELECT last_number FROM FINAL TABLE (UPDATE …)}, the row as the update left it.</li>
 * </ul>
 * Not through MyBatis: its session cache would answer a second identical increment in one transaction with the first's
 * number.
 */
@Component
class JdbcSequences implements SequenceStore {

    static final String MYSQL_INCREMENT =
            "UPDATE code_sequence SET last_number = LAST_INSERT_ID(last_number + 1) WHERE prefix = ? AND code_year = ?";
    static final String H2_INCREMENT = "SELECT last_number FROM FINAL TABLE "
            + "(UPDATE code_sequence SET last_number = last_number + 1 WHERE prefix = ? AND code_year = ?)";
    static final String START = "INSERT INTO code_sequence (prefix, code_year, last_number) VALUES (?, ?, ?)";

    private final JdbcTemplate jdbc;
    private volatile Boolean mysql;

    JdbcSequences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Integer increment(String prefix, int year) {
        if (!isMySql()) {
            List<Integer> next = jdbc.queryForList(H2_INCREMENT, Integer.class, prefix, year);
            return next.isEmpty() ? null : next.get(0);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        int rows = jdbc.update(connection -> {
            PreparedStatement increment = connection.prepareStatement(MYSQL_INCREMENT, Statement.RETURN_GENERATED_KEYS);
            increment.setString(1, prefix);
            increment.setInt(2, year);
            return increment;
        }, key);
        if (rows == 0) {
            return null;
        }
        Number next = key.getKey();
        if (next == null) {
            throw new IllegalStateException("the database did not return the number of sequence " + prefix + "/" + year);
        }
        return next.intValue();
    }

    @Override
    public void start(String prefix, int year, int first) {
        jdbc.update(START, prefix, year, first);
    }

    private boolean isMySql() {
        Boolean known = mysql;
        if (known == null) {
            String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            known = product != null && (product.toLowerCase(Locale.ROOT).contains("mysql")
                    || product.toLowerCase(Locale.ROOT).contains("mariadb"));
            mysql = known;
        }
        return known;
    }
}

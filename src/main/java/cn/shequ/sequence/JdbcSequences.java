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
 *   <li>MySQL/MariaDB: {@code INSERT … VALUES (…, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE last_number =
 *       LAST_INSERT_ID(last_number + 1)}: the year's first number or the next one, with the row locked exclusively either
 *       way (so that several transactions starting a year at once wait for each other instead of deadlocking); the server
 *       sends the value back in the statement's reply as its "last insert id", which JDBC's generated keys hand over
 *       without another query.</li>
 *   <li>H2: {@code SELECT last_number FROM FINAL TABLE (UPDATE …)}, the row as the update left it; a year's first number
 *       is an INSERT ({@link YearlySequences}).</li>
 * </ul>
 * Not through MyBatis: its session cache would answer a second identical increment in one transaction with the first's
 * number.
 */
@Component
class JdbcSequences implements SequenceStore {

    static final String MYSQL_INCREMENT = "INSERT INTO code_sequence (prefix, code_year, last_number) VALUES (?, ?, LAST_INSERT_ID(1)) "
            + "ON DUPLICATE KEY UPDATE last_number = LAST_INSERT_ID(last_number + 1)";
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
        if (!mySql()) {
            List<Integer> next = jdbc.queryForList(H2_INCREMENT, Integer.class, prefix, year);
            return next.isEmpty() ? null : next.get(0);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement increment = connection.prepareStatement(MYSQL_INCREMENT, Statement.RETURN_GENERATED_KEYS);
            increment.setString(1, prefix);
            increment.setInt(2, year);
            return increment;
        }, key);
        // the first key is the "last insert id" (Connector/J lists it once more for each further row the statement
        // counted, and an ON DUPLICATE KEY UPDATE counts 2)
        Object next = key.getKeyList().isEmpty() ? null : key.getKeyList().get(0).get("GENERATED_KEY");
        if (!(next instanceof Number number)) {
            throw new IllegalStateException("the database did not return the number of sequence " + prefix + "/" + year);
        }
        return number.intValue();
    }

    @Override
    public void start(String prefix, int year, int first) {
        jdbc.update(START, prefix, year, first);
    }

    /** MySQL/MariaDB or H2, the two databases Shequ runs on; another stops here, naming itself. */
    private boolean mySql() {
        Boolean known = mysql;
        if (known == null) {
            String product = String.valueOf(jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
            String name = product.toLowerCase(Locale.ROOT);
            if (!name.contains("mysql") && !name.contains("mariadb") && !name.equals("h2")) {
                throw new IllegalStateException("code_sequence: Shequ numbers on MySQL/MariaDB or H2, not on " + product);
            }
            known = !name.equals("h2");
            mysql = known;
        }
        return known;
    }
}

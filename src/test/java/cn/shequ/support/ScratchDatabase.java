package cn.shequ.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * An empty database for a migration test, on the leg's database: on H2 a private in-memory database; on
 * MariaDB (the leg with SHEQU_DB_URL) a scratch database beside the configured one, named after it with
 * "_migration" (the CI grants it; .ci/run). {@link #close} drops it.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final SingleConnectionDataSource dataSource;
    private final String scratch;
    public final JdbcTemplate jdbc;

    public ScratchDatabase(String name) throws SQLException {
        String url;
        String user;
        String password;
        if (TestDatabase.isMariaDb()) {
            String configured = System.getenv("SHEQU_DB_URL");
            user = System.getenv("SHEQU_DB_USER");
            password = System.getenv("SHEQU_DB_PASSWORD");
            int slash = configured.indexOf('/', "jdbc:mysql://".length());
            int query = configured.indexOf('?', slash);
            String database = query < 0 ? configured.substring(slash + 1) : configured.substring(slash + 1, query);
            scratch = database + "_migration";
            try (Connection c = DriverManager.getConnection(configured, user, password); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS `" + scratch + "`");
                s.execute("CREATE DATABASE `" + scratch + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
            url = configured.substring(0, slash + 1) + scratch + (query < 0 ? "" : configured.substring(query));
        } else {
            scratch = null;
            url = "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            user = "sa";
            password = "";
        }
        dataSource = new SingleConnectionDataSource(url, user, password, true);
        jdbc = new JdbcTemplate(dataSource);
    }

    /** Shequ's migrations up to {@code target}, as application.yaml configures them. */
    public Flyway flyway(String target) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:sql").table("shequ_schema_history")
                .target(target).load();
    }

    /** Foreign keys not checked from now on: the rows a migration moves, without the rows they point at. */
    public void withoutForeignKeys() {
        jdbc.execute(TestDatabase.isMariaDb() ? "SET FOREIGN_KEY_CHECKS = 0" : "SET REFERENTIAL_INTEGRITY FALSE");
    }

    @Override
    public void close() {
        if (scratch != null) {
            jdbc.execute("DROP DATABASE IF EXISTS `" + scratch + "`");
        } else {
            jdbc.execute("SHUTDOWN");
        }
        dataSource.destroy();
    }
}

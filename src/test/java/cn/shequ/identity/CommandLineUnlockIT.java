package cn.shequ.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import cn.shequ.ShequApplication;
import cn.shequ.support.OwnApplicationIT;
import cn.shequ.support.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The emergency unlock from the command line (docs/security.md): an administrator locked for good
 * by the engine (as before this release, ten wrong passwords) is unlocked with
 * {@code --shequ.unlock=admin} against the same database, which then exits with 0 and leaves an
 * ACCOUNT_UNLOCKED entry by "command-line". H2 leg (a database of its own).
 */
@OwnApplicationIT
class CommandLineUnlockIT {

    @TempDir
    Path dataDir;

    @Test
    void unlocksTheFirstAdministratorAndExits() throws Exception {
        assumeFalse(TestDatabase.isMariaDb(), "a database of its own: H2 leg only");
        List<String> args = new ArrayList<>(TestDatabase.applicationArgs(dataDir.toString()));
        new SpringApplicationBuilder(ShequApplication.class).run(args.toArray(String[]::new)).close();
        String url = "jdbc:h2:file:" + dataDir.resolve("shequ");
        try (Connection db = DriverManager.getConnection(url, "sa", ""); Statement sql = db.createStatement()) {
            sql.executeUpdate("UPDATE ACT_ID_USER SET ATTEMPTS_ = 10, LOCK_EXP_TIME_ = TIMESTAMP '2099-01-01 00:00:00' WHERE ID_ = 'admin'");
        }

        List<String> unlock = new ArrayList<>(TestDatabase.applicationArgs(dataDir.toString()));
        unlock.add("--shequ.unlock=admin");
        assertThat(ShequApplication.unlock(unlock.toArray(String[]::new))).isZero();

        try (Connection db = DriverManager.getConnection(url, "sa", ""); Statement sql = db.createStatement()) {
            try (ResultSet r = sql.executeQuery("SELECT ATTEMPTS_, LOCK_EXP_TIME_ FROM ACT_ID_USER WHERE ID_ = 'admin'")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getInt(1)).isZero();
                assertThat(r.getTimestamp(2)).isNull();
            }
            try (ResultSet r = sql.executeQuery(
                    "SELECT COUNT(*) FROM audit_entry WHERE action = 'ACCOUNT_UNLOCKED' AND actor = 'command-line'")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(1);
            }
        }
    }
}

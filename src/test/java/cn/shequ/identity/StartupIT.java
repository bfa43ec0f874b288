package cn.shequ.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.ShequApplication;
import cn.shequ.support.OwnApplicationIT;
import cn.shequ.support.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestTemplate;

/**
 * The application starts with no configuration (on H2 in a data folder; on the MariaDB leg through
 * the mysql profile), Flyway applies Shequ's migrations, and a restart keeps the data without
 * seeding the demo twice.
 */
@OwnApplicationIT
class StartupIT {

    private static final String COUNTS = "SELECT "
            + "(SELECT COUNT(*) FROM ACT_ID_USER) AS users, "
            + "(SELECT COUNT(*) FROM ACT_ID_MEMBERSHIP) AS memberships, "
            + "(SELECT COUNT(*) FROM user_affiliation) AS affiliations, "
            + "(SELECT COUNT(*) FROM community) AS communities, "
            + "(SELECT COUNT(*) FROM fund) AS funds, "
            + "(SELECT COUNT(*) FROM fund_ledger) AS ledger, "
            + "(SELECT COUNT(*) FROM provider) AS providers, "
            + "(SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION) AS authorizations, "
            + "(SELECT COUNT(*) FROM project) AS projects, "
            + "(SELECT COUNT(*) FROM document) AS documents, "
            + "(SELECT COUNT(*) FROM audit_entry WHERE action = 'CONFIG_CHANGED') AS config_changes";

    @TempDir
    Path dataDir;

    @Test
    void startsWithZeroConfigurationAndARestartKeepsDataWithoutDuplicatingTheSeed() {
        Map<String, Object> first;
        try (ConfigurableApplicationContext app = start()) {
            assertThat(health(app)).contains("\"UP\"");
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(app.getBean(Flyway.class).info().applied())
                    .extracting(m -> m.getVersion() == null ? "" : m.getVersion().getVersion())
                    .contains("1", "2");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_USER WHERE ID_ = 'committee1'", Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT total FROM fund WHERE code = 'F2026-ELDER'", String.class)).isEqualTo("100000.00");
            first = jdbc.queryForMap(COUNTS);
            // the rule files it started with (DMN, BPMN, calendars) are on record; an unchanged restart adds none
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM config_fingerprint WHERE resource = 'processes/approval-authority.dmn'",
                    Integer.class)).isEqualTo(1);
            if (!TestDatabase.isMariaDb()) {
                // the default profile takes one demo project from proposal to CLOSED, with its papers
                assertThat(jdbc.queryForList("SELECT status FROM project", String.class)).containsExactly("CLOSED");
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document WHERE doc_type = 'PAYMENT_VOUCHER'", Integer.class))
                        .isEqualTo(2);
            }
            if (!TestDatabase.isMariaDb()) {
                assertThat(dataDir.resolve("shequ.mv.db")).exists();
            }
        }
        try (ConfigurableApplicationContext again = start()) {
            Map<String, Object> second = again.getBean(JdbcTemplate.class).queryForMap(COUNTS);
            assertThat(second).isEqualTo(first);
        }
    }

    private ConfigurableApplicationContext start() {
        List<String> args = TestDatabase.applicationArgs(dataDir.toString());
        return new SpringApplicationBuilder(ShequApplication.class).run(args.toArray(String[]::new));
    }

    private static String health(ConfigurableApplicationContext app) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        RestTemplate rest = new RestTemplateBuilder().build();
        return rest.getForObject("http://localhost:" + port + "/actuator/health", String.class);
    }
}

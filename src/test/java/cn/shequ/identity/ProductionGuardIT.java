package cn.shequ.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import cn.shequ.ShequApplication;
import cn.shequ.support.OwnApplicationIT;
import cn.shequ.support.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestTemplate;

/**
 * The production profile {@code mysql}: no demo data, no adjustable clock, the first administrator
 * from SHEQU_ADMIN_USER/SHEQU_ADMIN_PASSWORD, and no start while any user has a demo password.
 * On the H2 leg the profile runs against a file H2 database (only the driver differs); on the
 * MariaDB leg against the real server.
 */
@OwnApplicationIT
class ProductionGuardIT {

    @TempDir
    Path dataDir;

    @Test
    void refusesToStartWhileDemoPasswordsRemain() {
        seedDemo();
        assertThatThrownBy(() -> startProduction("root" + suffix(), "a-long-admin-secret").close())
                .rootCause()
                .hasMessageContaining("demo password")
                .hasMessageContaining("committee1");
    }

    @Test
    void refusesToStartWithoutAnAdministrator() {
        assumeFalse(TestDatabase.isMariaDb(), "needs an empty database: H2 leg only");
        assertThatThrownBy(() -> startProduction(null, null).close())
                .rootCause().hasMessageContaining("SHEQU_ADMIN_USER");
    }

    @Test
    void refusesAShortAdministratorPassword() {
        assumeFalse(TestDatabase.isMariaDb(), "needs an empty database: H2 leg only");
        assertThatThrownBy(() -> startProduction("root", "demo").close())
                .rootCause().hasMessageContaining("SHEQU_ADMIN_PASSWORD");
    }

    @Test
    void refusesTheSystemsOwnIdAsAdministrator() {
        assumeFalse(TestDatabase.isMariaDb(), "needs an empty database: H2 leg only");
        assertThatThrownBy(() -> startProduction("System", "a-long-admin-secret").close())
                .rootCause().hasMessageContaining("SHEQU_ADMIN_USER").hasMessageContaining("保留给系统自身");
    }

    @Test
    void startsWithTheConfiguredAdministratorAndNoDemoDataOrClock() {
        assumeFalse(TestDatabase.isMariaDb(), "needs an empty database: H2 leg only");
        try (ConfigurableApplicationContext app = startProduction("root", "a-long-admin-secret")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT ID_ FROM ACT_ID_USER", String.class)).containsExactly("root");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fund", Integer.class)).isZero();
            RestTemplate rest = new RestTemplateBuilder().basicAuthentication("root", "a-long-admin-secret").build();
            String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            assertThat(rest.getForObject(base + "/api/me", String.class)).contains("\"admin\"");
            assertThatThrownBy(() -> rest.getForObject(base + "/api/admin/clock", String.class))
                    .isInstanceOfSatisfying(HttpClientErrorException.class,
                            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
        }
    }

    private void seedDemo() {
        List<String> args = TestDatabase.applicationArgs(dataDir.toString());
        new SpringApplicationBuilder(ShequApplication.class).run(args.toArray(String[]::new)).close();
    }

    private ConfigurableApplicationContext startProduction(String adminUser, String adminPassword) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        args.add("--camunda.bpm.process-engine-name=guard" + suffix());
        args.add("--spring.profiles.active=mysql");
        if (!TestDatabase.isMariaDb()) {
            args.add("--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("shequ") + ";DB_CLOSE_ON_EXIT=FALSE");
            args.add("--spring.datasource.driver-class-name=org.h2.Driver");
            args.add("--spring.datasource.username=sa");
            args.add("--spring.datasource.password=");
        }
        if (adminUser != null) {
            args.add("--shequ.admin.user=" + adminUser);
            args.add("--shequ.admin.password=" + adminPassword);
        }
        return new SpringApplicationBuilder(ShequApplication.class).run(args.toArray(String[]::new));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }
}

package cn.shequ.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which database an integration-test run uses. Maven runs the integration tests twice (see
 * pom.xml, failsafe): with {@code -Dshequ.it.db=h2} on embedded H2 and with
 * {@code -Dshequ.it.db=mariadb} on the server named by {@code SHEQU_DB_URL},
 * {@code SHEQU_DB_USER}, {@code SHEQU_DB_PASSWORD} through the production {@code mysql} profile.
 */
public final class TestDatabase {

    private TestDatabase() {}

    public static boolean isMariaDb() {
        return "mariadb".equals(System.getProperty("shequ.it.db"));
    }

    public static boolean mariaDbConfigured() {
        String url = System.getenv("SHEQU_DB_URL");
        return url != null && !url.isBlank();
    }

    public static String name() {
        return isMariaDb() ? "MariaDB" : "H2";
    }

    /**
     * Command-line style properties for an application started by a test: a unique engine
     * name (several engines share one JVM), a random port, and the database of this leg.
     * On H2, {@code dataDir} holds the file database; on MariaDB it is unused.
     */
    public static List<String> applicationArgs(String dataDir) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        args.add("--camunda.bpm.process-engine-name=it" + UUID.randomUUID().toString().replace("-", ""));
        args.add("--spring.datasource.name=ds" + UUID.randomUUID().toString().replace("-", ""));
        args.add("--shequ.data-dir=" + dataDir);
        if (isMariaDb()) {
            args.add("--spring.profiles.active=mysql,it-mariadb");
        }
        return args;
    }
}

package cn.shequ.support;

import org.springframework.test.context.ActiveProfilesResolver;

/** Activates the production {@code mysql} profile plus test overrides on the MariaDB leg. */
public class TestProfiles implements ActiveProfilesResolver {

    @Override
    public String[] resolve(Class<?> testClass) {
        return TestDatabase.isMariaDb() ? new String[] {"mysql", "it-mariadb"} : new String[] {"it-h2"};
    }
}

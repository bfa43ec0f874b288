package cn.shequ.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the MariaDB leg, loudly, when no server is configured; never skips the H2 leg.
 * {@code .ci/run} configures a server, so CI always runs both.
 */
public class DatabaseLegCondition implements ExecutionCondition {

    private static volatile boolean warned;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabase.isMariaDb()) {
            return ConditionEvaluationResult.enabled("H2 leg");
        }
        if (TestDatabase.mariaDbConfigured()) {
            return ConditionEvaluationResult.enabled("MariaDB leg on " + System.getenv("SHEQU_DB_URL"));
        }
        if (!warned) {
            warned = true;
            System.err.println("""

                    ****************************************************************************
                    *  MariaDB leg SKIPPED: SHEQU_DB_URL is not set, so the integration tests  *
                    *  ran on H2 only. Run `bash .ci/run` (installs and starts MariaDB), or     *
                    *  export SHEQU_DB_URL, SHEQU_DB_USER and SHEQU_DB_PASSWORD.                *
                    ****************************************************************************
                    """);
        }
        return ConditionEvaluationResult.disabled("MariaDB leg SKIPPED: SHEQU_DB_URL not set");
    }
}

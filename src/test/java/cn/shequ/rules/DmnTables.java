package cn.shequ.rules;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;

/** The DMN engine alone (no process engine, no Spring), reading the tables as packaged on the classpath. */
final class DmnTables {

    private static final DmnEngine ENGINE =
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private DmnTables() {
    }

    static DmnDecision parse(String resource, String decisionId) {
        try (InputStream in = DmnTables.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is not on the classpath");
            return ENGINE.parseDecision(decisionId, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DmnDecisionTableResult evaluate(DmnDecision decision, VariableMap variables) {
        return ENGINE.evaluateDecisionTable(decision, variables);
    }
}

package cn.shequ.auditor.anomaly;

import cn.shequ.rules.Decisions.ProcurementMethod;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The procurement-method table as deployed (its latest version, the one purchases use), evaluated by
 * the DMN engine alone: an auditor's question writes no decision history and needs no right to
 * evaluate decisions. Falls back to the table on the classpath when none is deployed.
 */
@Component
class ProcurementMethodTable {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private record Parsed(String definitionId, DmnDecision decision) {}

    private final RepositoryService repository;
    private volatile Parsed parsed;

    ProcurementMethodTable(RepositoryService repository) {
        this.repository = repository;
    }

    /** The method the table gives for {@code amount} with no method requested. */
    String methodFor(BigDecimal amount) {
        DmnDecisionResultEntries row = DMN.evaluateDecision(decision(), Variables.createVariables()
                .putValue(ProcurementMethod.AMOUNT, amount.doubleValue())
                .putValue(ProcurementMethod.REQUESTED_METHOD, "")).getSingleResult();
        return row == null ? null : (String) row.getEntry(ProcurementMethod.METHOD);
    }

    private DmnDecision decision() {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(ProcurementMethod.ID).latestVersion().singleResult();
        String id = latest == null ? "classpath" : latest.getId();
        Parsed current = parsed;
        if (current == null || !current.definitionId().equals(id)) {
            try (InputStream model = latest == null
                    ? getClass().getClassLoader().getResourceAsStream(ProcurementMethod.RESOURCE)
                    : repository.getDecisionModel(latest.getId())) {
                current = new Parsed(id, DMN.parseDecision(ProcurementMethod.ID, model));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            parsed = current;
        }
        return current.decision();
    }
}

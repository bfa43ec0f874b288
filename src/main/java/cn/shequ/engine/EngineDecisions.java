package cn.shequ.engine;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;

/** Evaluates the deployed DMN tables (the latest version), so a redeployed table takes effect without a release. */
@Component
public class EngineDecisions {

    private final ProcessEngine engine;

    public EngineDecisions(ProcessEngine engine) {
        this.engine = engine;
    }

    /**
     * {@link #evaluate} on Shequ's behalf (no grant checked): for a rule Shequ applies itself and only
     * shows, such as the outcome of a residents' meeting while the committee types its counts.
     */
    public Map<String, Object> evaluateForShequ(String decisionKey, Map<String, Object> inputs) {
        return OnShequsBehalf.call(engine.getIdentityService(), () -> evaluate(decisionKey, inputs));
    }

    /** The single result row of {@code decisionKey}, or an empty map when no rule matched. */
    public Map<String, Object> evaluate(String decisionKey, Map<String, Object> inputs) {
        DmnDecisionResultEntries result = engine.getDecisionService().evaluateDecisionByKey(decisionKey)
                .variables(inputs).evaluate().getSingleResult();
        return result == null ? Map.of() : result.getEntryMap();
    }
}

package cn.shequ.engine;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starting processes, correlating messages and setting small process variables. */
@Component
public class EngineProcesses {

    private final RuntimeService runtime;

    public EngineProcesses(ProcessEngine engine) {
        this.runtime = engine.getRuntimeService();
    }

    /** Starts {@code processId} with the business key; returns the process instance id. */
    public String start(String processId, String businessKey, Map<String, Object> variables) {
        return runtime.startProcessInstanceByKey(processId, businessKey, variables).getId();
    }

    public void correlate(String messageName, String businessKey) {
        runtime.createMessageCorrelation(messageName).processInstanceBusinessKey(businessKey).correlate();
    }

    public void setVariables(String processInstanceId, Map<String, Object> variables) {
        runtime.setVariables(processInstanceId, variables);
    }
}

package cn.shequ.engine;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Starting processes, correlating messages and setting small process variables — on Shequ's
 * behalf. Only Shequ's services call these, after checking the rules themselves (who may create a
 * project, file a challenge, withdraw, edit a proposal) and recording who did it in the audit log;
 * the engine's authorization check is suspended for the call, so no user needs the grants to start
 * or change process instances, which through /engine-rest would let them start a purchase without
 * its reservation or move an instance past its steps.
 */
@Component
public class EngineProcesses {

    private final RuntimeService runtime;
    private final IdentityService identity;

    public EngineProcesses(ProcessEngine engine) {
        this.runtime = engine.getRuntimeService();
        this.identity = engine.getIdentityService();
    }

    /** Starts {@code processId} with the business key; returns the process instance id. */
    public String start(String processId, String businessKey, Map<String, Object> variables) {
        return OnShequsBehalf.call(identity, () -> runtime.startProcessInstanceByKey(processId, businessKey, variables).getId());
    }

    public void correlate(String messageName, String businessKey) {
        OnShequsBehalf.run(identity, () -> runtime.createMessageCorrelation(messageName).processInstanceBusinessKey(businessKey)
                .correlate());
    }

    public void setVariables(String processInstanceId, Map<String, Object> variables) {
        OnShequsBehalf.run(identity, () -> runtime.setVariables(processInstanceId, variables));
    }
}

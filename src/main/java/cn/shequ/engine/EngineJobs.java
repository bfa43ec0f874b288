package cn.shequ.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.stereotype.Component;

/** The engine's job executor, as far as Shequ needs it. */
@Component
public class EngineJobs {

    private final ProcessEngine engine;

    public EngineJobs(ProcessEngine engine) {
        this.engine = engine;
    }

    /**
     * Runs the jobs of one process instance that are due now, on the calling thread (used where a
     * caller must see their effect at once, e.g. seeding the demo), and returns how many ran.
     */
    public int runDue(String processInstanceId) {
        var management = engine.getManagementService();
        return OnShequsBehalf.call(engine.getIdentityService(), () -> {
            int ran = 0;
            for (var job : management.createJobQuery().processInstanceId(processInstanceId).executable().list()) {
                management.executeJob(job.getId());
                ran++;
            }
            return ran;
        });
    }

    /** Asks the job executor to look for due jobs now rather than after its idle wait. */
    public void wakeUp() {
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        if (executor != null && executor.isActive()) {
            executor.jobWasAdded();
        }
    }
}

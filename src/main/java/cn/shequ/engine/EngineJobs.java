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

    /**
     * Moves the timer of element {@code activityId} in a process instance to {@code due}; returns its
     * due date before, or empty when no such timer waits (fired already, or the element is not active).
     */
    public java.util.Optional<java.util.Date> moveTimer(String processInstanceId, String activityId, java.util.Date due) {
        return OnShequsBehalf.call(engine.getIdentityService(), () -> moveTimerNow(processInstanceId, activityId, due));
    }

    private java.util.Optional<java.util.Date> moveTimerNow(String processInstanceId, String activityId, java.util.Date due) {
        var management = engine.getManagementService();
        var timers = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).timers().list();
        java.util.Date before = null;
        for (var timer : timers) {
            before = timer.getDuedate();
            if (!due.equals(before)) {
                management.setJobDuedate(timer.getId(), due);
            }
        }
        return java.util.Optional.ofNullable(before);
    }

    /**
     * Runs again, now and on the calling thread, the job of the process instance waiting before
     * {@code activityId} (a failed one included, whose incident its new retry resolves). Returns
     * whether there was one; its failure is thrown to the caller, leaving the job failed again.
     */
    public boolean retryNow(String processInstanceId, String activityId) {
        var management = engine.getManagementService();
        var job = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
        if (job == null) {
            return false;
        }
        management.setJobRetries(job.getId(), 1);
        management.executeJob(job.getId());
        return true;
    }

    /** Asks the job executor to look for due jobs now rather than after its idle wait. */
    public void wakeUp() {
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        if (executor != null && executor.isActive()) {
            executor.jobWasAdded();
        }
    }
}

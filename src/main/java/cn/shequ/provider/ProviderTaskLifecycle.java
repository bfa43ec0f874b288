package cn.shequ.provider;

import cn.shequ.identity.CurrentUser;
import cn.shequ.provider.ProviderCertificationProcess.Vars;
import cn.shequ.task.TaskLifecycle;
import cn.shequ.refusal.Refusal;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener on every user task of provider-certification: keeps the task index in step with
 * the engine (so GET /api/tasks offers certify-provider to civil affairs) and on completion applies
 * {@link ProviderSteps} for the user the engine sees (API, /engine-rest and Tasklist alike).
 */
@Component(ProviderCertificationProcess.Beans.TASK_LIFECYCLE)
class ProviderTaskLifecycle extends TaskLifecycle {

    private final ProviderMapper providers;
    private final ProviderSteps steps;

    ProviderTaskLifecycle(ProviderMapper providers, ProviderSteps steps, TaskLifecycle.Support support) {
        super(support);
        this.providers = providers;
        this.steps = steps;
    }

    @Override
    protected Set<String> processVariables(DelegateTask task) {
        return Vars.SET_BY_PROCESS;
    }

    @Override
    protected String subjectCode(DelegateTask task) {
        return ProviderCertificationProcess.subjectCode(providerId(task));
    }

    @Override
    protected void created(DelegateTask task) {
        long providerId = providerId(task);
        Provider provider = providers.find(providerId).orElse(null);
        // started by POST /api/providers only, once per provider: not from Tasklist or /engine-rest on its own
        if (provider == null || provider.providerStatus() != ProviderStatus.PENDING
                || provider.processInstanceId() != null && !provider.processInstanceId().equals(task.getProcessInstanceId())) {
            throw Refusal.conflict("START_THROUGH_API", "承接主体认证由登记（POST /api/providers）发起，每个承接主体一次 / "
                    + "certification starts with the registration, once per provider");
        }
        index(task, provider.subjectCode(), null);
    }

    /** "区民政局认证承接主体 · P… 汕头市…服务中心". */
    @Override
    protected String subjectName(DelegateTask task) {
        return providers.find(providerId(task))
                .map(p -> cn.shequ.task.TaskNames.of(task.getName(), p.subjectCode(), p.name(), null)).orElse(null);
    }

    /** The step's decision: read only by the gateway right after its task (ADR 0061). */
    @Override
    protected Set<String> routedAtOnce() {
        return Set.of(Vars.DECISION);
    }

    @Override
    protected Map<String, Object> apply(DelegateTask task, CurrentUser actor) {
        return steps.complete(providerId(task), task.getTaskDefinitionKey(), actor, task::getVariable);
    }

    private static long providerId(DelegateTask task) {
        if (task.getVariable(Vars.PROVIDER_ID) instanceof Number id) {
            return id.longValue();
        }
        throw Refusal.conflict("START_THROUGH_API", "承接主体认证由登记（POST /api/providers）发起 / "
                + "certification starts with the registration (POST /api/providers)");
    }
}

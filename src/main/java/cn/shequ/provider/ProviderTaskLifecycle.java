package cn.shequ.provider;

import cn.shequ.audit.AuditActions;
import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.EngineTasks;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.provider.ProviderCertificationProcess.Vars;
import cn.shequ.task.WorkItems;
import cn.shequ.web.ApiException;
import cn.shequ.web.RefusalCapture;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Task listener on every user task of provider-certification: keeps the task index in step with
 * the engine (so GET /api/tasks offers certify-provider to civil affairs) and on completion applies
 * {@link ProviderSteps} for the user the engine sees (API, /engine-rest and Tasklist alike).
 */
@Component(ProviderCertificationProcess.Beans.TASK_LIFECYCLE)
class ProviderTaskLifecycle implements TaskListener {

    private final ProviderMapper providers;
    private final ProviderSteps steps;
    private final WorkItems workItems;
    private final EngineTasks tasks;
    private final CurrentUsers users;
    private final AuditLog audit;

    ProviderTaskLifecycle(ProviderMapper providers, ProviderSteps steps, WorkItems workItems, EngineTasks tasks,
                          CurrentUsers users, AuditLog audit) {
        this.providers = providers;
        this.steps = steps;
        this.workItems = workItems;
        this.tasks = tasks;
        this.users = users;
        this.audit = audit;
    }

    @Override
    public void notify(DelegateTask task) {
        long providerId = providerId(task);
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> created(task, providerId);
            case EVENTNAME_ASSIGNMENT -> workItems.assigned(task.getId(), task.getAssignee());
            case EVENTNAME_COMPLETE -> {
                try {
                    completed(task, providerId);
                } catch (ApiException refusal) {
                    RefusalCapture.remember(refusal);
                    throw refusal;
                }
            }
            case EVENTNAME_DELETE -> workItems.closed(task.getId());
            default -> { }
        }
    }

    private void created(DelegateTask task, long providerId) {
        Provider provider = providers.find(providerId).orElse(null);
        // started by POST /api/providers only, once per provider: not from Tasklist or /engine-rest on its own
        if (provider == null || provider.providerStatus() != ProviderStatus.PENDING
                || provider.processInstanceId() != null && !provider.processInstanceId().equals(task.getProcessInstanceId())) {
            throw ApiException.conflict("START_THROUGH_API", "承接主体认证由登记（POST /api/providers）发起，每个承接主体一次 / "
                    + "certification starts with the registration, once per provider");
        }
        List<String> groups = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).toList();
        workItems.opened(task.getId(), task.getTaskDefinitionKey(), task.getName(), provider.subjectCode(), null, groups,
                task.getAssignee(), task.getCreateTime(), task.getDueDate());
    }

    private void completed(DelegateTask task, long providerId) {
        String actorId = tasks.currentUserId().orElse(task.getAssignee());
        if (actorId == null) {
            throw ApiException.unauthenticated();
        }
        Map<String, Object> routing;
        try {
            routing = steps.complete(providerId, task.getTaskDefinitionKey(), users.load(actorId), task::getVariable);
        } catch (ApiException refused) {
            // kept although the completion rolls back: who tried what, and which rule said no
            audit.appendIndependently(AuditEvent.of(actorId, AuditActions.RULE_REFUSED)
                    .subject(ProviderCertificationProcess.subjectCode(providerId))
                    .task(task.getTaskDefinitionKey(), refused.code(), refused.getMessage())
                    .detail("status", refused.status().value()).detail("fields", refused.fields()));
            throw refused;
        }
        routing.forEach((name, value) -> task.getExecution().setVariable(name, value));
        workItems.closed(task.getId());
    }

    private static long providerId(DelegateTask task) {
        if (task.getVariable(Vars.PROVIDER_ID) instanceof Number id) {
            return id.longValue();
        }
        throw ApiException.conflict("START_THROUGH_API", "承接主体认证由登记（POST /api/providers）发起 / "
                + "certification starts with the registration (POST /api/providers)");
    }
}

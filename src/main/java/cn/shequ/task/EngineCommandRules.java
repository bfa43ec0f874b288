package cn.shequ.task;

import cn.shequ.audit.AuditActions;
import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.CommandGate;
import cn.shequ.engine.EngineTasks;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.refusal.Refusal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Shequ's rules as the engine's second line ({@link CommandGate}) asks them, whatever the door: a claim
 * is the caller's own and one the step's rules would let them complete (the task's group, the committee's
 * community, the step's jurisdiction and the segregation of duties known in advance), a release gives
 * back a task the caller claimed from a group, and an administrator's command is written to the audit
 * chain with the reason sent in the header {@value #REASON_HEADER} (URL-encoded UTF-8), or "管理员操作".
 */
@Component
class EngineCommandRules implements CommandGate.Rules {

    /** The header an administrator gives the reason of an engine command in (URL-encoded UTF-8). */
    static final String REASON_HEADER = "X-Shequ-Reason";
    static final String DEFAULT_REASON = "管理员操作";

    private static final Logger LOG = LoggerFactory.getLogger(EngineCommandRules.class);

    private final CurrentUsers users;
    private final WorkItems items;
    private final AuditLog audit;
    private final List<TaskLifecycle> lifecycles;

    EngineCommandRules(CurrentUsers users, WorkItems items, AuditLog audit, List<TaskLifecycle> lifecycles) {
        this.users = users;
        this.items = items;
        this.audit = audit;
        this.lifecycles = lifecycles;
    }

    @Override
    public boolean isAdministrator(String userId, List<String> groupIds) {
        return groupIds.contains(Groups.ADMIN) || groupIds.contains(Groups.CAMUNDA_ADMIN);
    }

    @Override
    public void checkClaim(DelegateTask task, String userId) {
        if (task.getAssignee() != null) {
            if (task.getAssignee().equals(userId)) {
                return;
            }
            throw remembered(Refusal.conflict("TASK_TAKEN", "该任务已由他人签收，须由其本人退回或由管理员改派 / "
                    + "the task is already claimed by someone else"));
        }
        CurrentUser user = users.load(userId);
        List<WorkItem> offers = items.ofTask(task.getId());
        EngineTasks.OpenTask open = new EngineTasks.OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                task.getProcessInstanceId(), null);
        if (!TaskCompletion.mayWork(user, open, offers)) {
            throw remembered(Refusal.forbidden("CLAIM_NOT_ALLOWED", "只能签收提供给本人所在用户组（社区居委会限本社区）"
                    + "且本人依规可以办理的任务 / you may claim only tasks offered to your group (a committee: your community)"));
        }
        try {
            for (TaskLifecycle lifecycle : lifecycles) {
                lifecycle.checkClaim(task, user);
            }
        } catch (Refusal refused) {
            throw remembered(refused);
        }
    }

    @Override
    public void checkRelease(DelegateTask task, String userId) {
        if (!userId.equals(task.getAssignee())) {
            throw remembered(Refusal.forbidden("RELEASE_NOT_YOURS", "只能退回本人签收的任务；改派他人的任务须由管理员办理 / "
                    + "you may release only a task you claimed"));
        }
        boolean offeredToGroup = items.ofTask(task.getId()).stream()
                .anyMatch(offer -> offer.candidateGroup() != null && !offer.candidateGroup().isEmpty());
        if (!offeredToGroup) {
            throw remembered(Refusal.forbidden("TASK_ASSIGNED_BY_PROCESS", "该任务由流程指定给您本人办理，不能退回 / "
                    + "the process assigned this task to you: it has no group to return to"));
        }
    }

    @Override
    public RuntimeException refused(String command, boolean assignsToSomeoneElse) {
        LOG.warn("engine command {} refused: only Shequ's services or an administrator may issue it", command);
        return remembered(assignsToSomeoneElse
                ? Refusal.forbidden("ASSIGN_ADMIN_ONLY", "只有管理员可以把任务指派、委托或转交给他人（记入审计链）；"
                        + "本人只能签收或退回自己的任务 / only an administrator assigns a task to someone else (" + command + ")")
                : Refusal.forbidden("ENGINE_COMMAND_REFUSED", "该操作会改变流程走向（" + command + "），只能通过社区系统的"
                        + "业务功能按规则办理，或由管理员操作并记入审计链 / this changes a process's course: only Shequ's own "
                        + "functions, or an administrator (recorded), may do it"));
    }

    @Override
    public void recordAdministrator(String userId, String command, String subjectCode, Map<String, Object> details) {
        String reason = reason();
        audit.append(AuditEvent.of(userId, AuditActions.ENGINE_COMMAND).subject(subjectCode)
                .task(null, command, reason)
                .details(details).detail("command", command).detail("reason", reason));
    }

    private static String reason() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            String header = request.getRequest().getHeader(REASON_HEADER);
            if (header != null && !header.isBlank()) {
                try {
                    String reason = URLDecoder.decode(header, StandardCharsets.UTF_8).strip();
                    return reason.length() > 500 ? reason.substring(0, 500) : reason;
                } catch (IllegalArgumentException e) {
                    return header.strip();
                }
            }
        }
        return DEFAULT_REASON;
    }

    private static Refusal remembered(Refusal refusal) {
        RememberedRefusals.remember(refusal);
        return refusal;
    }
}

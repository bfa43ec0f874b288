package cn.shequ.procurement;

import cn.shequ.engine.EngineTasks;
import cn.shequ.identity.CurrentUser;
import cn.shequ.procurement.requirement.ProcurementRequest;
import cn.shequ.procurement.requirement.ProcurementRules;
import cn.shequ.procurement.requirement.ProjectRequirements;
import cn.shequ.procurement.requirement.Requirements;
import cn.shequ.task.TaskCompletion;
import cn.shequ.task.TaskSubjects;
import cn.shequ.refusal.Refusal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starting a purchase of services and acting on it through its open tasks. Every write validates
 * first and runs in one transaction with the engine and the ledger, so a refusal leaves no
 * procurement row, no reservation and no process instance behind.
 */
@Service
public class ProcurementService implements TaskSubjects {

    private final ProcurementMapper procurements;
    private final Requirements requirements;
    private final ProjectRequirements projectRequirements;
    private final EngineTasks tasks;
    private final TaskCompletion completion;

    ProcurementService(ProcurementMapper procurements, Requirements requirements, ProjectRequirements projectRequirements,
                       EngineTasks tasks, TaskCompletion completion) {
        this.procurements = procurements;
        this.requirements = requirements;
        this.projectRequirements = projectRequirements;
        this.tasks = tasks;
        this.completion = completion;
    }

    @Override
    public Optional<String> statusOf(String subjectCode) {
        return subjectCode.startsWith(ProcurementCodes.PROCUREMENT + "-")
                ? procurements.find(subjectCode).map(Procurement::status) : Optional.empty();
    }

    public Optional<Procurement> find(String code) {
        return procurements.find(code);
    }

    Procurement require(String code) {
        return procurements.find(code).orElseThrow(() -> Refusal.notFound("采购项目", code));
    }

    List<Procurement> search(String status) {
        return procurements.search(status);
    }

    /**
     * A purchaser (street office or civil affairs bureau, 102号令 arts. 5–6) states the requirement:
     * the budget is reserved from the fund first (预算法 art. 13; 102号令 art. 14; the fund's
     * categories apply, 预算法 art. 93), the method is decided by the DMN table on this amount plus
     * the purchaser's earlier purchases of the category this fiscal year (采购法 art. 28), and the
     * process starts. With a {@code projectCode} the requirement is that of the service project's
     * own purchase, which its process has started: the body completes its define-requirement task.
     */
    @Transactional
    public Procurement create(ProcurementRequest request, CurrentUser user) {
        if (!ProcurementRules.blank(request.projectCode())) {
            return projectRequirements.defineThroughProject(request, user);
        }
        return requirements.create(request, user);
    }

    /** Completes the one open task {@code taskKey} of the procurement for the caller. */
    void completeOpenTask(Procurement procurement, String taskKey, CurrentUser user, Map<String, Object> fields) {
        List<EngineTasks.OpenTask> open = procurement.processInstanceId() == null ? List.of()
                : tasks.openTasks(procurement.processInstanceId(), taskKey);
        if (open.isEmpty()) {
            throw Refusal.conflict("WRONG_STATE", "采购项目 " + procurement.code() + " 当前没有待办的 " + taskKey
                    + "（状态 " + procurement.status() + "）/ no open " + taskKey);
        }
        completion.complete(open.get(0).id(), user, fields);
    }
}

package cn.shequ.project;

import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.EngineProcesses;
import cn.shequ.engine.EngineTasks;
import cn.shequ.engine.ShequClock;
import cn.shequ.fund.Money;
import cn.shequ.fund.PaymentTerms;
import cn.shequ.identity.CurrentUser;
import cn.shequ.task.TaskCompletion;
import cn.shequ.task.TaskSubjects;
import cn.shequ.refusal.Refusal;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, editing, submitting and withdrawing service projects. Every write validates first and
 * runs in one transaction with the engine, so a refusal leaves no project row, no process
 * instance and no ledger entry behind.
 */
@Service
public class ProjectService implements TaskSubjects {

    private final ProjectMapper projects;
    private final ProjectCodes codes;
    private final ProposalChecks checks;
    private final EngineProcesses processes;
    private final EngineTasks tasks;
    private final TaskCompletion completion;
    private final ShequClock clock;
    private final AuditLog audit;

    ProjectService(ProjectMapper projects, ProjectCodes codes, ProposalChecks checks, EngineProcesses processes,
                   EngineTasks tasks, TaskCompletion completion, ShequClock clock, AuditLog audit) {
        this.projects = projects;
        this.codes = codes;
        this.checks = checks;
        this.processes = processes;
        this.tasks = tasks;
        this.completion = completion;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public Optional<String> statusOf(String subjectCode) {
        return projects.find(subjectCode).map(Project::status);
    }

    public java.time.LocalDate today() {
        return clock.today();
    }

    public Optional<Project> find(String code) {
        return projects.find(code);
    }

    public List<Project> search(String status, String communityCode) {
        return projects.search(status, communityCode);
    }

    public List<Milestone> milestones(String code) {
        return projects.milestones(code);
    }

    public List<BudgetLine> budgetLines(String code) {
        return projects.budgetLines(code);
    }

    /** A committee member drafts a project for their own community and the process starts at prepare-proposal. */
    @Transactional
    public Project create(ProjectRequest request, CurrentUser user) {
        ProposalChecks.requireCommittee(user, request.communityCode());
        checks.validate(request);
        LocalDateTime now = now();
        String code = codes.next(clock.today().getYear());
        Project project = new Project(code, request.title().trim(), request.category(), request.communityCode(),
                request.beneficiaries().trim(), request.description().trim(), request.amount().setScale(2),
                request.fundCode(), request.deliveryMode(), request.plannedStart(), request.plannedEnd(),
                ProjectStatus.DRAFT.name(), user.userId(), null, zero(), zero(), null, null, null, null, now, now);
        projects.insert(project);
        writeLines(code, request);
        String instanceId = processes.start(ServiceProjectProcess.PROCESS_ID, code, Map.of(
                ServiceProjectProcess.Vars.PROJECT_CODE, code,
                ServiceProjectProcess.Vars.AUTHOR, user.userId(),
                ServiceProjectProcess.Vars.DELIVERY_MODE, request.deliveryMode(),
                ServiceProjectProcess.Vars.MILESTONE_COUNT, request.milestones().size()));
        projects.setProcessInstance(code, instanceId);
        audit.append(AuditEvent.of(user.userId(), "PROJECT_CREATED").subject(code)
                .detail("amount", project.amount().toPlainString()).detail("fundCode", project.fundCode())
                .detail("category", project.category()).detail("deliveryMode", project.deliveryMode()));
        return projects.find(code).orElseThrow();
    }

    /** A PURCHASE project called purchase {@code procurementCode} (a new one after a refused method). */
    public void purchaseOpened(String code, String procurementCode) {
        projects.setPurchase(code, procurementCode);
    }

    /** The purchase a PURCHASE project called last; null for other projects and before delivery. */
    public String purchaseOf(String code) {
        return projects.purchaseOf(code);
    }

    /** The project that called purchase {@code procurementCode} last, if any. */
    public Optional<String> projectBuying(String procurementCode) {
        return Optional.ofNullable(projects.projectBuying(procurementCode));
    }

    /** One milestone of a purchase contract, as it becomes the project's. */
    public record ContractMilestone(String name, int percent, BigDecimal amount) {}

    /**
     * A PURCHASE project takes the milestones of the contract its purchase signed: their names,
     * shares and amounts (of the contract price, not of the budget) replace the proposal's, before
     * any was reported or paid; the provider's user {@code supplier} reports them, the contract's
     * {@code purchaser} accepts them with the people served (条例 art. 45), and they are paid on the
     * contract's payment {@code terms}. Returns how
     * many there are.
     */
    public int adoptContractMilestones(String code, String procurementCode, String supplier, String purchaser,
                                       PaymentTerms terms, List<ContractMilestone> milestones) {
        Project project = projects.lock(code).orElseThrow(() -> new IllegalStateException("no project " + code));
        boolean started = projects.milestones(code).stream().anyMatch(m -> !Milestone.PENDING.equals(m.status()));
        if (started || milestones.isEmpty()) {
            throw new IllegalStateException("project " + code + " cannot adopt the milestones of " + procurementCode);
        }
        projects.setContract(code, supplier, purchaser, terms);
        projects.deleteMilestones(code);
        for (int i = 0; i < milestones.size(); i++) {
            ContractMilestone m = milestones.get(i);
            projects.insertMilestone(new Milestone(code, i + 1, m.name(), m.percent(), m.amount(),
                    Milestone.PENDING, null, null, null, null, null, null, null, null, null));
        }
        audit.append(AuditEvent.of(AuditEvent.SYSTEM, "CONTRACT_MILESTONES_ADOPTED").subject(code)
                .detail("procurementCode", procurementCode).detail("supplier", supplier).detail("purchaser", purchaser)
                .detail("paymentTermDays", terms.days()).detail("lateInterestRate", terms.dailyRate().toPlainString())
                .detail("reserved", project.reservedAmount().toPlainString())
                .detail("milestones", milestones.stream().map(m -> Map.of("name", m.name(), "percent", m.percent(),
                        "amount", m.amount().toPlainString())).toList()));
        return milestones.size();
    }

    /** The author edits the report while it is DRAFT or RETURNED. */
    @Transactional
    public Project update(String code, ProjectRequest request, CurrentUser user) {
        Project current = projects.lock(code).orElseThrow(() -> Refusal.notFound("项目", code));
        ProposalChecks.requireCommittee(user, current.communityCode());
        if (!current.author().equals(user.userId())) {
            throw Refusal.forbidden("NOT_AUTHOR", "只有项目申报人可以修改项目报告书 / only the author edits the proposal");
        }
        if (!current.projectStatus().editable()) {
            throw Refusal.conflict("WRONG_STATE", "项目状态为 " + current.status() + "，只有草稿或退回修改时可以修改 / "
                    + "editable only while DRAFT or RETURNED");
        }
        if (request.communityCode() != null && !request.communityCode().equals(current.communityCode())) {
            throw Refusal.invalid("communityCode", "项目所属社区不能修改 / the community cannot change");
        }
        ProjectRequest merged = new ProjectRequest(request.title(), request.category(), current.communityCode(),
                request.beneficiaries(), request.description(), request.amount(), request.fundCode(),
                request.deliveryMode(), request.budgetLines(), request.plannedStart(), request.plannedEnd(),
                request.milestones());
        checks.validate(merged);
        Project updated = new Project(code, merged.title().trim(), merged.category(), current.communityCode(),
                merged.beneficiaries().trim(), merged.description().trim(), merged.amount().setScale(2),
                merged.fundCode(), merged.deliveryMode(), merged.plannedStart(), merged.plannedEnd(), current.status(),
                current.author(), current.processInstanceId(), current.reservedAmount(), current.disbursedAmount(),
                null, null, null, null, current.createdAt(), now());
        projects.updateProposal(updated);
        projects.deleteMilestones(code);
        projects.deleteBudgetLines(code);
        writeLines(code, merged);
        audit.append(AuditEvent.of(user.userId(), "PROJECT_REVISED").subject(code)
                .detail("amount", updated.amount().toPlainString()).detail("fundCode", updated.fundCode())
                .detail("milestones", merged.milestones().size()));
        processes.setVariables(current.processInstanceId(), Map.of(
                ServiceProjectProcess.Vars.DELIVERY_MODE, merged.deliveryMode(),
                ServiceProjectProcess.Vars.MILESTONE_COUNT, merged.milestones().size()));
        return projects.find(code).orElseThrow();
    }

    /** Completes prepare-proposal: the report goes to the residents' meeting. */
    @Transactional
    public Project submit(String code, CurrentUser user) {
        Project project = projects.find(code).orElseThrow(() -> Refusal.notFound("项目", code));
        completeOpenTask(project, ServiceProjectProcess.Tasks.PREPARE_PROPOSAL, user, Map.of());
        return projects.find(code).orElseThrow();
    }

    /** The committee of the community withdraws the project before the reviews begin (DRAFT, RETURNED, AWAITING_MEETING). */
    @Transactional
    public Project withdraw(String code, CurrentUser user) {
        Project project = projects.lock(code).orElseThrow(() -> Refusal.notFound("项目", code));
        ProposalChecks.requireCommittee(user, project.communityCode());
        if (!project.projectStatus().withdrawable()) {
            throw Refusal.conflict("WRONG_STATE", "项目状态为 " + project.status()
                    + "，只能在提交审核前撤回 / can be withdrawn only before the reviews begin");
        }
        processes.correlate(ServiceProjectProcess.Messages.WITHDRAW, code);
        audit.append(AuditEvent.of(user.userId(), "PROJECT_WITHDRAWN").subject(code).detail("status", project.status()));
        return projects.find(code).orElseThrow();
    }

    /** Completes the one open task {@code taskKey} of the project for the caller. */
    void completeOpenTask(Project project, String taskKey, CurrentUser user, Map<String, Object> fields) {
        List<EngineTasks.OpenTask> open = project.processInstanceId() == null ? List.of()
                : tasks.openTasks(project.processInstanceId(), taskKey);
        if (open.isEmpty()) {
            throw Refusal.conflict("WRONG_STATE", "项目 " + project.code() + " 当前没有待办的 " + taskKey
                    + "（状态 " + project.status() + "）/ no open " + taskKey);
        }
        completion.complete(open.get(0).id(), user, fields);
    }

    private void writeLines(String code, ProjectRequest request) {
        for (int i = 0; i < request.budgetLines().size(); i++) {
            ProjectRequest.BudgetLineRequest line = request.budgetLines().get(i);
            projects.insertBudgetLine(new BudgetLine(code, i + 1, line.item().trim(), line.amount().setScale(2)));
        }
        List<BigDecimal> shares = Money.split(request.amount(), request.milestones().stream().map(ProjectRequest.MilestoneRequest::percent).toList());
        for (int i = 0; i < request.milestones().size(); i++) {
            ProjectRequest.MilestoneRequest m = request.milestones().get(i);
            projects.insertMilestone(new Milestone(code, i + 1, m.name().trim(), m.percent(), shares.get(i),
                    Milestone.PENDING, null, null, null, null, null, null, null, null, null));
        }
    }

    private LocalDateTime now() {
        return clock.localNow();
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}

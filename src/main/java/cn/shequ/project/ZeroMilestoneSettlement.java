package cn.shequ.project;

import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.EngineJobs;
import cn.shequ.fund.Money;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.refusal.Refusal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recovery of a project stuck on a 0.00 milestone (issue 10 finding 7). Before the rule "each
 * milestone at least ¥0.01" (金额/里程碑, {@link Money#milestoneProblem}) a report of 0.01 yuan with
 * milestones 40/60 was accepted; its first milestone's disbursement job then fails for good (the
 * ledger takes no line of 0.00) and the project stays IN_DELIVERY with an incident. An administrator
 * settles such a milestone here: it becomes PAID with 0.00 and no ledger line (nothing was owed),
 * the audit chain records who did it and why, and the disbursement job runs again at once, now
 * passing the settled milestone by, so that the project goes on to its next milestone.
 *
 * <p>{@code POST /api/admin/projects/{code}/milestones/{seq}/settle-zero} {@code {"reason"}}
 * (admin group): 200 with the milestone; 400 without a reason; 404 for an unknown project or
 * milestone; 409 when the milestone pays ¥0.01 or more (it is paid the ordinary way) or is not
 * waiting for its disbursement (APPROVED, unpaid).
 */
@RestController
class ZeroMilestoneSettlement {

    static final String ACTION = "MILESTONE_SETTLED_ZERO";
    static final int REASON_MAX = 1000;

    private static final Logger log = LoggerFactory.getLogger(ZeroMilestoneSettlement.class);

    private final ProjectMapper projects;
    private final AuditLog audit;
    private final EngineJobs jobs;
    private final CurrentUsers users;
    private final TransactionTemplate transaction;

    ZeroMilestoneSettlement(ProjectMapper projects, AuditLog audit, EngineJobs jobs, CurrentUsers users,
                            PlatformTransactionManager transactions) {
        this.projects = projects;
        this.audit = audit;
        this.jobs = jobs;
        this.users = users;
        this.transaction = new TransactionTemplate(transactions);
    }

    record SettleRequest(String reason) {}

    @PostMapping("/api/admin/projects/{code}/milestones/{seq}/settle-zero")
    Map<String, Object> settle(@PathVariable String code, @PathVariable int seq, @RequestBody(required = false) SettleRequest request) {
        CurrentUser user = users.current();
        if (!user.isIn(Groups.ADMIN)) {
            throw Refusal.forbidden("ADMINS_ONLY", "只有管理员可以结清零元里程碑 / administrators only");
        }
        String reason = request == null || request.reason() == null ? "" : request.reason().trim();
        if (reason.isEmpty()) {
            throw Refusal.invalid("reason", "结清原因必填，将记入审计日志 / required: the reason goes into the audit log");
        }
        if (reason.length() > REASON_MAX) {
            throw Refusal.invalid("reason", "结清原因最多 " + REASON_MAX + " 字 / at most " + REASON_MAX + " characters");
        }
        Project project = transaction.execute(status -> {
            Project p = projects.lock(code).orElseThrow(() -> Refusal.notFound("项目", code));
            Milestone m = projects.milestone(code, seq).orElseThrow(() -> Refusal.notFound("里程碑", code + "/" + seq));
            if (Money.milestoneProblem(m.amount(), m.percent()) == null) {
                throw Refusal.conflict("MILESTONE_PAYABLE", "里程碑金额 " + Money.format(m.amount())
                        + " 元，应按正常流程拨付，不能按零元结清 / the milestone pays an amount and is paid the ordinary way");
            }
            if (!Milestone.APPROVED.equals(m.status())) {
                throw Refusal.conflict("WRONG_STATE", "里程碑状态为 " + m.status()
                        + "，只有已批准待拨付的零元里程碑可以结清 / only an approved, unpaid milestone can be settled");
            }
            projects.setMilestoneStatus(code, seq, Milestone.PAID);
            audit.append(AuditEvent.of(user.userId(), ACTION).subject(code)
                    .task(ServiceProjectProcess.Elements.DISBURSE_PAYMENT, "SETTLED_ZERO", reason)
                    .detail("milestoneSeq", seq).detail("percent", m.percent())
                    .detail("amount", m.amount().setScale(2).toPlainString()).detail("ledgerLine", false));
            return p;
        });
        boolean retried = false;
        String retryProblem = null;
        if (project.processInstanceId() != null) {
            try {
                retried = jobs.retryNow(project.processInstanceId(), ServiceProjectProcess.Elements.DISBURSE_PAYMENT);
            } catch (RuntimeException e) {
                log.warn("the disbursement job of {} failed again after milestone {} was settled at 0.00", code, seq, e);
                retryProblem = "拨付任务重试失败，请在 Cockpit 查看 / the disbursement job failed again";
            }
        }
        Milestone settled = projects.milestone(code, seq).orElseThrow();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("projectCode", code);
        answer.put("seq", seq);
        answer.put("amount", Money.format(settled.amount().setScale(2)));
        answer.put("status", settled.status());
        answer.put("settledBy", user.userId());
        answer.put("reason", reason);
        answer.put("jobRetried", retried);
        if (retryProblem != null) {
            answer.put("problem", retryProblem);
        }
        answer.put("projectStatus", projects.find(code).orElseThrow().status());
        return answer;
    }
}

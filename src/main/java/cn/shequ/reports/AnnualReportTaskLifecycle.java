package cn.shequ.reports;

import cn.shequ.identity.CurrentUser;
import cn.shequ.task.TaskLifecycle;
import cn.shequ.task.TaskNames;
import cn.shequ.refusal.Refusal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener on every user task of annual-report: indexes the tasks for the task list (civil affairs)
 * and, on completion by whatever door, applies the report's rules: only staff of the reporting body,
 * the narrative's author does not approve, nothing changes after issue, a late submission is flagged.
 */
@Component(AnnualReportProcess.Beans.TASKS)
class AnnualReportTaskLifecycle extends TaskLifecycle {

    private static final Set<String> SET_BY_PROCESS = Set.of(AnnualReportProcess.Vars.REPORT_CODE,
            AnnualReportProcess.Vars.REMIND_AT, AnnualReportProcess.Vars.DUE_AT);

    private final AnnualReports reports;

    AnnualReportTaskLifecycle(AnnualReports reports, TaskLifecycle.Support support) {
        super(support);
        this.reports = reports;
    }

    @Override
    protected void created(DelegateTask task) {
        AnnualReportMapper.Stored r = reports.lock(code(task));
        if (r.processInstanceId() != null && !r.processInstanceId().equals(task.getProcessInstanceId())) {
            throw Refusal.conflict("START_BY_SCHEDULE", "年度进展报告由系统于年初生成草稿后发起，每个报告单位每年一次 / "
                    + "the annual report starts once a year with Shequ's draft");
        }
        index(task, r.code(), null);
    }

    @Override
    protected String subjectName(DelegateTask task) {
        return reports.find(code(task)).map(r -> TaskNames.of(task.getName(), r.code(), r.year() + "年度 " + r.bodyName(),
                "报送" + r.recipient() + "，期限 " + r.deadline())).orElse(null);
    }

    @Override
    protected String dossier(DelegateTask task) {
        return reports.find(code(task)).map(r -> "**" + r.year() + "年度进展报告** · " + r.bodyName() + " → " + r.recipient()
                + "（期限 " + r.deadline() + "）\n\n项目 " + r.figures().projectCount() + " 个；预留 " + r.figures().money().reserved()
                + " 元，拨付 " + r.figures().money().paid() + " 元，结余退回 " + r.figures().money().released() + " 元；逾期支付 "
                + r.figures().latePayments() + " 笔；逾期审核 " + r.figures().overdueReviews() + " 次。").orElse(null);
    }

    @Override
    protected void checkClaim(DelegateTask task, CurrentUser actor) {
        if (AnnualReportProcess.PROCESS_ID.equals(processKey(task))) {
            AnnualReports.requireBody(reports.lock(code(task)), actor);
        }
    }

    /** The step's decision: read only by the gateway right after its task (ADR 0061). */
    @Override
    protected Set<String> routedAtOnce() {
        return Set.of(AnnualReportProcess.Vars.DECISION);
    }

    @Override
    protected Map<String, Object> apply(DelegateTask task, CurrentUser actor) {
        AnnualReportMapper.Stored r = reports.lock(code(task));
        Map<String, Object> routing = new HashMap<>();
        switch (task.getTaskDefinitionKey()) {
            case AnnualReportProcess.Tasks.WRITE_NARRATIVE -> reports.narrate(r, text(task, "narrative"), actor);
            case AnnualReportProcess.Tasks.APPROVE -> {
                String decision = text(task, AnnualReportProcess.Vars.DECISION);
                reports.approve(r, decision, actor);
                routing.put(AnnualReportProcess.Vars.DECISION, decision);
            }
            case AnnualReportProcess.Tasks.SUBMIT -> reports.submit(r, actor);
            default -> throw new IllegalStateException("unknown task " + task.getTaskDefinitionKey());
        }
        return routing;
    }

    @Override
    protected Set<String> processVariables(DelegateTask task) {
        return SET_BY_PROCESS;
    }

    @Override
    protected String subjectCode(DelegateTask task) {
        return code(task);
    }

    private static String processKey(DelegateTask task) {
        String definition = task.getProcessDefinitionId();
        return definition == null ? "" : definition.split(":")[0];
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static String code(DelegateTask task) {
        if (task.getVariable(AnnualReportProcess.Vars.REPORT_CODE) instanceof String code) {
            return code;
        }
        throw Refusal.conflict("START_BY_SCHEDULE", "年度进展报告由系统于年初生成草稿后发起 / the annual report starts with Shequ's draft");
    }
}

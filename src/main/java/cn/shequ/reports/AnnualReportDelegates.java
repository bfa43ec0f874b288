package cn.shequ.reports;

import cn.shequ.audit.AuditActions;
import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.task.WorkItems;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of annual-report: issue the approved report, remind before the deadline, escalate after it. */
@Configuration
class AnnualReportDelegates {

    @Bean(AnnualReportProcess.Beans.ISSUE)
    JavaDelegate issueAnnualReport(AnnualReports reports) {
        return execution -> reports.issue((String) execution.getVariable(AnnualReportProcess.Vars.REPORT_CODE));
    }

    @Bean(AnnualReportProcess.Beans.REMIND)
    JavaDelegate remindAnnualReport(AuditLog audit) {
        return execution -> audit.append(AuditEvent.of(AuditEvent.SYSTEM, AnnualReports.REMINDED)
                .subject((String) execution.getVariable(AnnualReportProcess.Vars.REPORT_CODE))
                .task(AnnualReportProcess.Tasks.SUBMIT, "REMINDED", "年度进展报告报送期限将至，请及时报送 / the deadline is near"));
    }

    /** The deadline passed with the report not submitted: its task is flagged in every task list (督办). */
    @Bean(AnnualReportProcess.Beans.ESCALATE)
    JavaDelegate escalateAnnualReport(WorkItems workItems, AuditLog audit) {
        return execution -> {
            String code = (String) execution.getVariable(AnnualReportProcess.Vars.REPORT_CODE);
            workItems.escalate(code, AnnualReportProcess.Tasks.SUBMIT);
            audit.append(AuditEvent.of(AuditEvent.SYSTEM, AuditActions.TASK_ESCALATED).subject(code)
                    .task(AnnualReportProcess.Tasks.SUBMIT, "ESCALATED", "年度进展报告逾期未报送，已督办 / report overdue, escalated"));
        };
    }
}

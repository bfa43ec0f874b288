package cn.shequ.project;

import cn.shequ.delivery.MilestoneReport;
import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.task.StepOutcome;
import cn.shequ.refusal.Refusal;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * report-milestone: whoever delivers reports a milestone's work (summary and evidence). The committee of
 * the community, or for a project delivered by purchase of services the contracted provider's user alone
 * (102号令 art. 26: the service is not passed on).
 */
@Component
class ReportMilestoneStep implements ProjectStepHandler {

    private final ProjectMapper projects;

    ReportMilestoneStep(ProjectMapper projects) {
        this.projects = projects;
    }

    @Override
    public String taskKey() {
        return Tasks.REPORT_MILESTONE;
    }

    @Override
    public List<String> fields() {
        return MilestoneReport.FIELDS;
    }

    @Override
    public String contractParty(String code) {
        return projects.supplierOf(code);
    }

    @Override
    public Refusal notTheContractParty(String party) {
        return Refusal.forbidden("NOT_SUPPLIER", "本项目以政府购买服务方式实施，由合同承接主体（" + party
                + "）报告履约情况 / the contracted provider " + party + " reports this project's milestones");
    }

    @Override
    public StepOutcome complete(ProjectStep step) {
        MilestoneReport report = MilestoneReport.read(step.input(), TEXT_MAX, COMMENT_MAX);
        projects.reportMilestone(step.code(), step.milestoneSeq(), report.summary(), report.evidence(),
                step.actor().userId(), step.now());
        return StepOutcome.none();
    }
}

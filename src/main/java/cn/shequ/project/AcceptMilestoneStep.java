package cn.shequ.project;

import cn.shequ.delivery.MilestoneAcceptance;
import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.task.StepOutcome;
import cn.shequ.refusal.Refusal;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * accept-milestone: the committee, or for a project delivered by purchase of services the purchaser alone,
 * accepts a reported milestone with the people served taking part (条例 art. 45: how many), or returns it
 * for rework with an opinion.
 */
@Component
class AcceptMilestoneStep implements ProjectStepHandler {

    private final ProjectMapper projects;

    AcceptMilestoneStep(ProjectMapper projects) {
        this.projects = projects;
    }

    @Override
    public String taskKey() {
        return Tasks.ACCEPT_MILESTONE;
    }

    @Override
    public List<String> fields() {
        return MilestoneAcceptance.FIELDS;
    }

    @Override
    public String contractParty(String code) {
        return projects.purchaserOf(code);
    }

    @Override
    public Refusal notTheContractParty(String party) {
        return Refusal.forbidden("NOT_PURCHASER", "本项目以政府购买服务方式实施，由采购人（" + party
                + "）组织履约验收，服务对象参与（条例第四十五条）/ the purchaser " + party + " accepts the provider's work");
    }

    @Override
    public StepOutcome complete(ProjectStep step) {
        MilestoneAcceptance acceptance = MilestoneAcceptance.read(step.input(), COMMENT_MAX);
        projects.acceptMilestone(step.code(), step.milestoneSeq(), acceptance.accepted() ? Milestone.ACCEPTED : Milestone.PENDING,
                step.actor().userId(), step.now(), acceptance.servedParticipants());
        return StepOutcome.decided(acceptance.decision(), acceptance.comment());
    }
}

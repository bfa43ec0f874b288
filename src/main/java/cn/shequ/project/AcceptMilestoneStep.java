package cn.shequ.project;

import static cn.shequ.project.ServiceProjectProcess.Decision.APPROVE;
import static cn.shequ.project.ServiceProjectProcess.Decision.RETURN;

import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.project.ServiceProjectProcess.Vars;
import cn.shequ.task.StepOutcome;
import cn.shequ.task.TaskInput;
import cn.shequ.refusal.Refusal;
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
        TaskInput input = step.input();
        String decision = input.choice(Vars.DECISION, "验收结论", APPROVE, RETURN);
        String comment = input.text(Vars.COMMENT, "验收意见", COMMENT_MAX, RETURN.equals(decision));
        Integer served = APPROVE.equals(decision)
                ? input.integer("servedParticipants", "参与验收的服务对象人数（条例第四十五条）", 1, 1_000_000) : null;
        input.refuseIfInvalid();
        projects.acceptMilestone(step.code(), step.milestoneSeq(), APPROVE.equals(decision) ? Milestone.ACCEPTED : Milestone.PENDING,
                step.actor().userId(), step.now(), served);
        return StepOutcome.decided(decision, comment);
    }
}

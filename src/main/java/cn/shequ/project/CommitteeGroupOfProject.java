package cn.shequ.project;

import cn.shequ.identity.Groups;
import cn.shequ.project.ServiceProjectProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code ${committeeGroupOfProject.of(execution)}}: the candidate group of a committee's task of service-project,
 * evaluated by the engine as it creates the task: the committee group of the project's community
 * ({@link Groups#communityCommittee}, "committee-C001"), so that Tasklist offers the task to that community's
 * committee members only, and the task's history records the one group it was offered to (ADR 0065, ADR 0006).
 * Shequ's own index keeps the group {@link Groups#COMMITTEE} with the community (TaskLifecycle.index).
 *
 * <p>The project row read here is the one the task's create listener reads right after, in the same transaction:
 * ReadOnce (ADR 0053) answers that second read, so the group costs no statement; after the transaction's own UPDATE
 * of the project's money the row read before it answers ({@link ProjectHead}, ADR 0070). A project of no community (none
 * exists: every project is a community's) keeps the group {@link Groups#COMMITTEE}.
 */
@Component(ServiceProjectProcess.Beans.COMMITTEE_GROUP)
public class CommitteeGroupOfProject {

    private final ProjectMapper projects;

    CommitteeGroupOfProject(ProjectMapper projects) {
        this.projects = projects;
    }

    /** The committee group that a committee's task of the project of {@code execution} is offered to. */
    public String of(DelegateExecution execution) {
        String code = (String) execution.getVariable(Vars.PROJECT_CODE);
        String community = ProjectHead.find(projects, code).orElseThrow().communityCode();
        return community == null ? Groups.COMMITTEE : Groups.communityCommittee(community);
    }
}

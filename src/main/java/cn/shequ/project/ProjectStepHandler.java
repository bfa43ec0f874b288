package cn.shequ.project;

import cn.shequ.identity.Groups;
import cn.shequ.task.StepHandler;
import cn.shequ.refusal.Refusal;

/**
 * One user task of the service-project process ({@link ServiceProjectProcess.Tasks}), one Spring bean each,
 * named after the task. Besides what the step does ({@link #complete}), a handler declares who does it:
 * {@link #group()} within the project's community, street or district, or, for a purchased project's
 * milestones, the one {@link #contractParty}. {@link ProjectStepDispatch} checks that (and the segregation of
 * duties, {@link DutySegregation}) before {@link #complete} runs, and records the completion after it.
 */
interface ProjectStepHandler extends StepHandler<ProjectStep> {

    /** The group that does this step (Groups): the committee of the project's community unless said otherwise. */
    default String group() {
        return Groups.COMMITTEE;
    }

    /**
     * The one user who does this step of project {@code code} when a contract party does it alone (a project
     * delivered by purchase of services); null when the step's {@link #group()} does it.
     */
    default String contractParty(String code) {
        return null;
    }

    /** The refusal of anyone but the {@link #contractParty} {@code party}. */
    default Refusal notTheContractParty(String party) {
        throw new IllegalStateException(taskKey() + " has no contract party");
    }
}

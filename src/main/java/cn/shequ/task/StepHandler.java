package cn.shequ.task;

import java.util.List;

/**
 * What completing one user task means, one implementation per task key (named after the task, e.g.
 * {@code FinanceReviewStep}): the fields it reads from the step {@code S} it is given, what it changes in
 * Shequ's tables, and the decision, comment and routing variables it returns. Who may complete the step is
 * declared beside it by the process's own handler interface (its group, its contract party) and checked once,
 * for every step, by the process's dispatch before {@link #complete} runs. A handler refuses by throwing
 * {@code Refusal}: the engine rolls the completion back and the task stays open.
 *
 * <p>Each process finds its handlers by task key in a {@link StepHandlers}, which refuses to start when a
 * user task of the BPMN has no handler, two handlers claim one key, or a handler's key is no user task.
 *
 * @param <S> what the process hands each of its steps: the subject (locked), the actor, the fields sent
 */
public interface StepHandler<S> {

    /** The most characters of an opinion or comment that goes with a decision. */
    int COMMENT_MAX = 2000;
    /** The most characters of a free text (a report's summary, findings, an answer). */
    int TEXT_MAX = 4000;

    /** The BPMN user-task key this handler decides, from the process's constants class. */
    String taskKey();

    /**
     * The fields this step takes, by name: those it reads from what a user sent, and any other its task's form
     * (forms/&lt;task key&gt;.form) shows. Every field key a form declares is one of them ({@code StepFieldsTest}),
     * the step reads no other ({@link SubmittedFields#declaredBy}), and a service project's task listener clears
     * them from the process when the next task starts (ADR 0057).
     */
    List<String> fields();

    /** Reads and checks the fields of {@code step}, applies its effect; returns what the process records and routes on. */
    StepOutcome complete(S step);
}

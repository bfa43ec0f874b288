package cn.shequ.procurement.challenge;

import static cn.shequ.procurement.PurchaseProcess.Decision.DISMISS;
import static cn.shequ.procurement.PurchaseProcess.Decision.UPHOLD;

import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.procurement.PurchaseProcess.Vars;
import cn.shequ.procurement.PurchaseStep;
import cn.shequ.procurement.PurchaseStepHandler;
import cn.shequ.task.StepOutcome;
import cn.shequ.task.TaskInput;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * answer-challenge: the purchaser answers the challenge this task was made for, upholding or dismissing it,
 * within 7 working days (采购法 art. 53: a later answer is recorded as late); an upheld challenge reopens the
 * evaluation.
 */
@Component
class AnswerChallengeStep implements PurchaseStepHandler {

    private final ChallengeMapper challenges;

    AnswerChallengeStep(ChallengeMapper challenges) {
        this.challenges = challenges;
    }

    @Override
    public String taskKey() {
        return Tasks.ANSWER_CHALLENGE;
    }

    @Override
    public List<String> fields() {
        return List.of(Vars.DECISION, "answer");
    }

    @Override
    public StepOutcome complete(PurchaseStep step) {
        String taskId = step.task().taskId();
        Challenge challenge = challenges.byTask(taskId).orElseThrow(() -> new IllegalStateException("no challenge for task " + taskId));
        TaskInput input = step.input();
        String decision = input.choice(Vars.DECISION, "质疑处理结论", UPHOLD, DISMISS);
        String answer = input.text("answer", "答复内容（采购法第五十三条）", TEXT_MAX, true);
        input.refuseIfInvalid();
        challenges.answer(challenge.id(), answer, UPHOLD.equals(decision), step.actor().userId(), step.now(),
                step.now().isAfter(challenge.answerDue()));
        step.fields().record("challengeId", challenge.id());
        return StepOutcome.decided(decision, answer);
    }
}

package cn.shequ.procurement.evaluation;

import cn.shequ.procurement.Procurement;
import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.procurement.PurchaseProcess.Vars;
import cn.shequ.procurement.PurchaseStep;
import cn.shequ.procurement.PurchaseStepHandler;
import cn.shequ.procurement.PurchaseTask;
import cn.shequ.task.StepOutcome;
import cn.shequ.task.TaskInput;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * score-bid: one committee member scores one qualified bid's technical part (0–100, two decimals); only the
 * member the task was made for, as recorded when the engine created it (not a variable a completion could
 * overwrite).
 */
@Component
class ScoreBidStep implements PurchaseStepHandler {

    private final Evaluation evaluation;

    ScoreBidStep(Evaluation evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    public String taskKey() {
        return Tasks.SCORE_BID;
    }

    @Override
    public List<String> fields() {
        return List.of("technicalScore");
    }

    @Override
    public String assignee(Procurement p, PurchaseTask task) {
        return scoringTask(p.code(), task).memberUser();
    }

    @Override
    public StepOutcome complete(PurchaseStep step) {
        TaskInput input = step.input();
        BigDecimal score = input.score("technicalScore", "技术得分（0–100 分）", 100);
        input.refuseIfInvalid();
        long bidId = scoringTask(step.code(), step.task()).bidId();
        evaluation.score(step.code(), bidId, step.actor().userId(), score);
        step.fields().record("bidId", bidId);
        return StepOutcome.none();
    }

    /** Who scores which bid in a score-bid task; for a task created before Shequ kept that, as the engine gave it. */
    private ScoringTask scoringTask(String code, PurchaseTask task) {
        return evaluation.scoringTask(task.taskId()).orElseGet(() -> new ScoringTask(task.taskId(), code,
                (String) task.execution().apply(Vars.MEMBER), ((Number) task.execution().apply(Vars.BID_ID)).longValue()));
    }
}

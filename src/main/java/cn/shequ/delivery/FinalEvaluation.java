package cn.shequ.delivery;

import cn.shequ.rules.PerformanceWeights;
import java.math.BigDecimal;
import java.util.List;

/**
 * The final acceptance of a service project, or the final evaluation of a purchased contract: the
 * satisfaction survey of the people served (respondents, satisfied) and the four performance scores of
 * 财预〔2020〕10号 (budget execution, outputs, outcomes, satisfaction), each from 0 to its part's points in
 * {@code shequ.performance.weights} (10/50/30/10 by default); their total is graded by the performance-grade
 * table ({@link PerformanceGrading}) when the process settles.
 */
public record FinalEvaluation(int respondents, int satisfied, PerformanceWeights.Scores scores) {

    /** The fields {@link #read} reads: the survey and the four scores. */
    public static final List<String> FIELDS = List.of("respondents", "satisfied", "budgetExecution", "outputs", "outcomes",
            "satisfaction");

    /** Reads respondents, satisfied and the four scores; refuses, naming every field at fault. */
    public static FinalEvaluation read(DeliveryForm form, PerformanceWeights weights) {
        Integer respondents = form.integer("respondents", "调查人数", 1, 1_000_000);
        Integer satisfied = form.integer("satisfied", "满意人数", 0, 1_000_000);
        BigDecimal budget = form.score("budgetExecution", "预算执行得分", weights.budgetExecution());
        BigDecimal outputs = form.score("outputs", "产出得分", weights.outputs());
        BigDecimal outcomes = form.score("outcomes", "效益得分", weights.outcomes());
        BigDecimal satisfaction = form.score("satisfaction", "满意度得分", weights.satisfaction());
        if (respondents != null && satisfied != null && satisfied > respondents) {
            form.problem("satisfied", "满意人数不得超过调查人数 / satisfied must not exceed respondents");
        }
        form.refuseIfInvalid();
        return new FinalEvaluation(respondents, satisfied,
                new PerformanceWeights.Scores(budget, outputs, outcomes, satisfaction));
    }
}

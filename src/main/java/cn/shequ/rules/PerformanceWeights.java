package cn.shequ.rules;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shequ.performance.weights.*}: the points of each part of a performance evaluation
 * (绩效评价), by default budget execution 10, outputs 50, outcomes 30 and the satisfaction of the
 * people served 10 (财预〔2020〕10号; DOMAIN-RULES "performance score", configurable). They sum to 100.
 * A final acceptance (service project) and a final evaluation (purchase contract) read their scores
 * against these points in {@code cn.shequ.delivery.FinalEvaluation}; the grade bands are the performance-grade table's.
 *
 * @param budgetExecution the most points for budget execution (预算执行)
 * @param outputs         the most points for outputs (产出)
 * @param outcomes        the most points for outcomes (效益)
 * @param satisfaction    the most points for the satisfaction of the people served (满意度)
 */
@ConfigurationProperties("shequ.performance.weights")
public record PerformanceWeights(@DefaultValue("10") int budgetExecution, @DefaultValue("50") int outputs,
                                 @DefaultValue("30") int outcomes, @DefaultValue("10") int satisfaction) {

    public PerformanceWeights {
        if (budgetExecution < 0 || outputs < 0 || outcomes < 0 || satisfaction < 0
                || budgetExecution + outputs + outcomes + satisfaction != 100) {
            throw new IllegalArgumentException("shequ.performance.weights must be four points of at least 0 summing to 100: "
                    + budgetExecution + "/" + outputs + "/" + outcomes + "/" + satisfaction);
        }
    }

    /** The default weights of 财预〔2020〕10号. */
    public static final PerformanceWeights DEFAULT = new PerformanceWeights(10, 50, 30, 10);

    /** The four scores of an evaluation and their total (at most 100). */
    public record Scores(BigDecimal budgetExecution, BigDecimal outputs, BigDecimal outcomes, BigDecimal satisfaction) {

        public BigDecimal total() {
            return budgetExecution.add(outputs).add(outcomes).add(satisfaction);
        }
    }
}

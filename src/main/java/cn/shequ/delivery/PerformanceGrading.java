package cn.shequ.delivery;

import cn.shequ.engine.EngineDecisions;
import cn.shequ.rules.Decisions.PerformanceGrade;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The grade of a performance score (优 EXCELLENT, 良 GOOD, 中 FAIR, 差 POOR; 财预〔2020〕10号) by the performance-grade decision
 * table, which an administrator may change without a release: the one place a settled service project and a
 * settled purchase grade their final score.
 */
@Component
public class PerformanceGrading {

    private final EngineDecisions decisions;

    PerformanceGrading(EngineDecisions decisions) {
        this.decisions = decisions;
    }

    /** EXCELLENT, GOOD, FAIR or POOR ({@link PerformanceGrade}) for a total score of 0 to 100. */
    public String grade(BigDecimal score) {
        Map<String, Object> result = decisions.evaluate(PerformanceGrade.ID, Map.of(PerformanceGrade.SCORE, score.doubleValue()));
        return (String) result.get(PerformanceGrade.GRADE);
    }
}

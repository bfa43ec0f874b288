package cn.shequ.rules;

import static cn.shequ.rules.Decisions.PerformanceGrade.GRADE;
import static cn.shequ.rules.Decisions.PerformanceGrade.SCORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shequ.rules.Decisions.PerformanceGrade;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** 财预〔2020〕10号: ≥ 90 优, 80–90 良, 60–80 中, < 60 差; no rounding. */
class PerformanceGradeTest {

    private static DmnDecision decision;

    @BeforeAll
    static void parse() {
        decision = DmnTables.parse(PerformanceGrade.RESOURCE, PerformanceGrade.ID);
    }

    private static DmnDecisionTableResult evaluate(double score) {
        return DmnTables.evaluate(decision, Variables.createVariables().putValue(SCORE, score));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "100,   EXCELLENT",
        "90,    EXCELLENT",
        "89.99, GOOD",
        "89.5,  GOOD",
        "80,    GOOD",
        "79.99, FAIR",
        "60,    FAIR",
        "59.99, POOR",
        "0,     POOR",
    })
    void gradesTheWeightedScore(double score, String grade) {
        assertEquals(grade, evaluate(score).getSingleResult().getEntry(GRADE));
    }

    @ParameterizedTest(name = "{0} is no score")
    @ValueSource(doubles = {-0.01, 100.01, 120})
    void aScoreOutsideZeroToHundredGetsNoGrade(double score) {
        assertTrue(evaluate(score).isEmpty(), "a broken total must be refused, not graded");
    }
}

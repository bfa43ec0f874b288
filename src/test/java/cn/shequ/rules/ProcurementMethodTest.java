package cn.shequ.rules;

import static cn.shequ.rules.Decisions.ProcurementMethod.AMOUNT;
import static cn.shequ.rules.Decisions.ProcurementMethod.METHOD;
import static cn.shequ.rules.Decisions.ProcurementMethod.NEEDS_FINANCE_APPROVAL;
import static cn.shequ.rules.Decisions.ProcurementMethod.REQUESTED_METHOD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.shequ.rules.Decisions.ProcurementMethod;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 国办发〔2019〕55号 thresholds (¥1,000,000 and ¥2,000,000); SINGLE_SOURCE and
 * COMPETITIVE_NEGOTIATION need finance approval (采购法 art. 27); a requested method never
 * lowers the method the amount requires, a stricter one is allowed.
 */
class ProcurementMethodTest {

    private static DmnDecision decision;

    @BeforeAll
    static void parse() {
        decision = DmnTables.parse(ProcurementMethod.RESOURCE, ProcurementMethod.ID);
    }

    private static DmnDecisionRuleResult evaluate(BigDecimal amount, String requestedMethod) {
        return DmnTables.evaluate(decision, Variables.createVariables()
                .putValue(AMOUNT, amount)
                .putValue(REQUESTED_METHOD, requestedMethod)).getSingleResult();
    }

    // an unquoted empty requestedMethod is null, '' is the empty string
    @ParameterizedTest(name = "{0} yuan, requested [{1}] -> {2}, finance approval {3}")
    @CsvSource({
        "0.01,        ,                         SMALL_PURCHASE,           false",
        "999999.99,   ,                         SMALL_PURCHASE,           false",
        "999999.99,   '',                       SMALL_PURCHASE,           false",
        "1000000.00,  ,                         COMPETITIVE_CONSULTATION, false",
        "1999999.99,  ,                         COMPETITIVE_CONSULTATION, false",
        "2000000.00,  ,                         OPEN_TENDER,              false",
        "2000000.00,  '',                       OPEN_TENDER,              false",
        // exceptional methods, at any amount, with finance approval
        "50000,       SINGLE_SOURCE,            SINGLE_SOURCE,            true",
        "5000000,     SINGLE_SOURCE,            SINGLE_SOURCE,            true",
        "50000,       COMPETITIVE_NEGOTIATION,  COMPETITIVE_NEGOTIATION,  true",
        "2000000.00,  COMPETITIVE_NEGOTIATION,  COMPETITIVE_NEGOTIATION,  true",
        // a stricter method than the amount needs is allowed
        "50000,       OPEN_TENDER,              OPEN_TENDER,              false",
        "1999999.99,  OPEN_TENDER,              OPEN_TENDER,              false",
        "50000,       COMPETITIVE_CONSULTATION, COMPETITIVE_CONSULTATION, false",
        // a laxer method than the amount needs never wins
        "1000000.00,  SMALL_PURCHASE,           COMPETITIVE_CONSULTATION, false",
        "2000000.00,  SMALL_PURCHASE,           OPEN_TENDER,              false",
        "2000000.00,  COMPETITIVE_CONSULTATION, OPEN_TENDER,              false",
        "999999.99,   SMALL_PURCHASE,           SMALL_PURCHASE,           false",
        // an unknown request is ignored; validating it is the caller's job
        "1500000,     CHEAPEST,                 COMPETITIVE_CONSULTATION, false",
    })
    void choosesTheMethod(BigDecimal amount, String requested, String method, boolean financeApproval) {
        DmnDecisionRuleResult result = evaluate(amount, requested);

        assertEquals(method, result.getEntry(METHOD));
        assertEquals(financeApproval, result.getEntry(NEEDS_FINANCE_APPROVAL));
    }

    /** The ordinary methods from laxest to strictest. */
    private static final List<String> BY_STRICTNESS = List.of(
            ProcurementMethod.METHOD_SMALL_PURCHASE,
            ProcurementMethod.METHOD_COMPETITIVE_CONSULTATION,
            ProcurementMethod.METHOD_OPEN_TENDER);

    static Stream<Arguments> everyEdgeWithEveryOrdinaryRequest() {
        // amount at each edge, with the method the amount alone requires
        List<Arguments> edges = List.of(
                Arguments.of("999999.99", ProcurementMethod.METHOD_SMALL_PURCHASE),
                Arguments.of("1000000.00", ProcurementMethod.METHOD_COMPETITIVE_CONSULTATION),
                Arguments.of("1999999.99", ProcurementMethod.METHOD_COMPETITIVE_CONSULTATION),
                Arguments.of("2000000.00", ProcurementMethod.METHOD_OPEN_TENDER));
        return edges.stream().flatMap(edge -> BY_STRICTNESS.stream()
                .map(requested -> Arguments.of(edge.get()[0], edge.get()[1], requested)));
    }

    @ParameterizedTest(name = "{0} yuan needs {1}, requested {2}")
    @MethodSource("everyEdgeWithEveryOrdinaryRequest")
    void theStricterOfRequiredAndRequestedWins(BigDecimal amount, String required, String requested) {
        String stricter = BY_STRICTNESS.get(
                Math.max(BY_STRICTNESS.indexOf(required), BY_STRICTNESS.indexOf(requested)));

        DmnDecisionRuleResult result = evaluate(amount, requested);

        assertEquals(stricter, result.getEntry(METHOD));
        assertEquals(false, result.getEntry(NEEDS_FINANCE_APPROVAL));
    }
}

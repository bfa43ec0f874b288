package cn.shequ.rules;

import static cn.shequ.rules.Decisions.ApprovalAuthority.AMOUNT;
import static cn.shequ.rules.Decisions.ApprovalAuthority.CATEGORY;
import static cn.shequ.rules.Decisions.ApprovalAuthority.CIVIL_AFFAIRS_REVIEW;
import static cn.shequ.rules.Decisions.ApprovalAuthority.STREET_OFFICE_REVIEW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.shequ.rules.Decisions.ApprovalAuthority;
import java.math.BigDecimal;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Amount up to 50,000.00: street office; above: street office, then civil affairs. */
class ApprovalAuthorityTest {

    private static DmnDecision decision;

    @BeforeAll
    static void parse() {
        decision = DmnTables.parse(ApprovalAuthority.RESOURCE, ApprovalAuthority.ID);
    }

    // amounts go in as BigDecimal, the way Shequ holds money
    @ParameterizedTest(name = "{0} yuan, {1} -> street {2}, civil affairs {3}")
    @CsvSource({
        "0.01,         ELDERLY_CARE, true, false",
        "49999.99,     RELIEF,       true, false",
        "50000.00,     ELDERLY_CARE, true, false",
        "50000.01,     ELDERLY_CARE, true, true",
        "50000.01,     RELIEF,       true, true",
        "100000000.00, CONVENIENCE,  true, true",
        "50000.00,     ,             true, false",
        "50000.01,     ,             true, true",
    })
    void reviewersDependOnTheAmount(BigDecimal amount, String category,
                                    boolean streetOffice, boolean civilAffairs) {
        DmnDecisionRuleResult result = DmnTables.evaluate(decision, Variables.createVariables()
                .putValue(AMOUNT, amount)
                .putValue(CATEGORY, category)).getSingleResult();

        assertEquals(streetOffice, result.getEntry(STREET_OFFICE_REVIEW));
        assertEquals(civilAffairs, result.getEntry(CIVIL_AFFAIRS_REVIEW));
    }
}

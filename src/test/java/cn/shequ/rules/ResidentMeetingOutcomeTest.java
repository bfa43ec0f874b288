package cn.shequ.rules;

import static cn.shequ.rules.Decisions.MeetingOutcome.ELIGIBLE;
import static cn.shequ.rules.Decisions.MeetingOutcome.KIND;
import static cn.shequ.rules.Decisions.MeetingOutcome.OUTCOME;
import static cn.shequ.rules.Decisions.MeetingOutcome.PASSED;
import static cn.shequ.rules.Decisions.MeetingOutcome.PRESENT;
import static cn.shequ.rules.Decisions.MeetingOutcome.QUORUM;
import static cn.shequ.rules.Decisions.MeetingOutcome.YES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shequ.rules.Decisions.MeetingOutcome;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 居委会法 art. 9: quorum is more than half present, passing is more than half of those present. */
class ResidentMeetingOutcomeTest {

    private static DmnDecision decision;

    @BeforeAll
    static void parse() {
        decision = DmnTables.parse(MeetingOutcome.RESOURCE, MeetingOutcome.ID);
    }

    private static DmnDecisionTableResult evaluate(String kind, long eligible, long present, long yes) {
        return DmnTables.evaluate(decision, Variables.createVariables()
                .putValue(KIND, kind)
                .putValue(ELIGIBLE, eligible)
                .putValue(PRESENT, present)
                .putValue(YES, yes));
    }

    @ParameterizedTest(name = "{0}: eligible {1}, present {2}, yes {3} -> {4}")
    @CsvSource({
        // residents' meeting: exactly half present is not a quorum, even if all vote yes
        "RESIDENTS_MEETING,       100, 50, 50, NO_QUORUM, false, false",
        "RESIDENTS_MEETING,       100, 51, 51, PASSED,    true,  true",
        "RESIDENTS_MEETING,       101, 50, 50, NO_QUORUM, false, false",
        "RESIDENTS_MEETING,       101, 51, 26, PASSED,    true,  true",
        // a tie fails; one more yes passes
        "RESIDENTS_MEETING,       100, 51, 25, REJECTED,  true,  false",
        "RESIDENTS_MEETING,       100, 51, 26, PASSED,    true,  true",
        "RESIDENTS_MEETING,       100, 60, 30, REJECTED,  true,  false",
        "RESIDENTS_MEETING,       100, 60, 31, PASSED,    true,  true",
        "RESIDENTS_MEETING,         1,  1,  1, PASSED,    true,  true",
        "RESIDENTS_MEETING,         1,  1,  0, REJECTED,  true,  false",
        "RESIDENTS_MEETING,       100,  0,  0, NO_QUORUM, false, false",
        // the same attendance that fails a representatives' meeting is a residents' quorum
        "RESIDENTS_MEETING,        30, 19, 10, PASSED,    true,  true",
        // representatives' meeting: exactly two thirds is a quorum, one fewer is not
        "REPRESENTATIVES_MEETING,  30, 20, 11, PASSED,    true,  true",
        "REPRESENTATIVES_MEETING,  30, 20, 10, REJECTED,  true,  false",
        "REPRESENTATIVES_MEETING,  30, 19, 19, NO_QUORUM, false, false",
        // 2/3 of 31 is 20.67: 20 present is short, 21 is enough
        "REPRESENTATIVES_MEETING,  31, 20, 20, NO_QUORUM, false, false",
        "REPRESENTATIVES_MEETING,  31, 21, 11, PASSED,    true,  true",
        "REPRESENTATIVES_MEETING,   3,  2,  1, REJECTED,  true,  false",
        "REPRESENTATIVES_MEETING,   1,  1,  1, PASSED,    true,  true",
        "REPRESENTATIVES_MEETING,   1,  0,  0, NO_QUORUM, false, false",
    })
    void decidesQuorumAndMajority(String kind, long eligible, long present, long yes,
                                  String outcome, boolean quorum, boolean passed) {
        DmnDecisionRuleResult result = evaluate(kind, eligible, present, yes).getSingleResult();

        assertEquals(outcome, result.getEntry(OUTCOME));
        assertEquals(quorum, result.getEntry(QUORUM));
        assertEquals(passed, result.getEntry(PASSED));
    }

    @Test
    void integerVotesFromAFormAreAccepted() {
        DmnDecisionRuleResult result = DmnTables.evaluate(decision, Variables.createVariables()
                .putValue(KIND, MeetingOutcome.KIND_RESIDENTS_MEETING)
                .putValue(ELIGIBLE, 100)
                .putValue(PRESENT, 51)
                .putValue(YES, 26)).getSingleResult();

        assertEquals(MeetingOutcome.OUTCOME_PASSED, result.getEntry(OUTCOME));
    }

    @Test
    void anUnknownKindOfMeetingGetsNoOutcome() {
        assertTrue(evaluate("VILLAGERS_MEETING", 100, 100, 100).isEmpty(),
                "the caller must refuse rather than guess a quorum rule");
    }
}

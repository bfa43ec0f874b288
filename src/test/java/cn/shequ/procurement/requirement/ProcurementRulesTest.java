package cn.shequ.procurement.requirement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The requirement of a purchase: term (102号令 art. 24), price weight (87号令 art. 55), method reason (采购法 art. 27). */
class ProcurementRulesTest {

    private static ProcurementRequest request(Integer term, String termReason, String weight, String method, String reason) {
        return new ProcurementRequest("居家养老上门服务", "ELDERLY_CARE", new BigDecimal("100000.00"), "F2026-PURCHASE", term,
                termReason, weight == null ? null : new BigDecimal(weight), null, method, reason);
    }

    @Test
    void aCompleteRequirementHasNoProblems() {
        assertThat(ProcurementRules.problems(request(12, null, "30", null, null))).isEmpty();
    }

    @ParameterizedTest(name = "{0} months, reason [{1}] → problem on [{2}]")
    @CsvSource({
        "1,  ,      ",
        "12, ,      ",
        "13, ,      termReason",
        "13, 服务连续性强, ",
        "36, 服务连续性强, ",
        "37, 服务连续性强, termMonths",
        "0,  ,      termMonths",
    })
    void theTermIsAYearOrUpToThreeWithAReason(int months, String reason, String field) {
        Map<String, String> problems = ProcurementRules.problems(request(months, reason, "30", null, null));
        if (field == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).containsOnlyKeys(field);
            assertThat(problems.get(field)).contains("102号令第二十四条");
        }
    }

    @ParameterizedTest(name = "weight {0} → valid {1}")
    @CsvSource({"10, true", "30, true", "20.5, true", "9.99, false", "30.01, false", "0.3, false", "25.123, false"})
    void thePriceWeightOfAServiceIsTenToThirtyPercent(String weight, boolean valid) {
        Map<String, String> problems = ProcurementRules.problems(request(12, null, weight, null, null));
        assertThat(problems.isEmpty()).isEqualTo(valid);
        if (!valid) {
            assertThat(problems.get("priceWeight")).contains("87号令第五十五条");
        }
    }

    @Test
    void theExceptionalMethodsNeedAReasonAndUnknownMethodsAreRefused() {
        assertThat(ProcurementRules.problems(request(12, null, "30", "SINGLE_SOURCE", null)).get("methodReason"))
                .contains("采购法第二十七");
        assertThat(ProcurementRules.problems(request(12, null, "30", "COMPETITIVE_NEGOTIATION", " "))).containsKey("methodReason");
        assertThat(ProcurementRules.problems(request(12, null, "30", "SINGLE_SOURCE", "唯一供应商"))).isEmpty();
        assertThat(ProcurementRules.problems(request(12, null, "30", "OPEN_TENDER", null))).isEmpty();
        assertThat(ProcurementRules.problems(request(12, null, "30", "AUCTION", null))).containsOnlyKeys("method");
    }

    @Test
    void everyMissingFieldIsNamed() {
        Map<String, String> problems = ProcurementRules.problems(new ProcurementRequest(null, null, null, null, null, null,
                null, null, null, null));
        assertThat(problems).containsOnlyKeys("title", "category", "amount", "fundCode", "termMonths", "priceWeight");
    }
}

package cn.shequ.procurement.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.procurement.bidding.Bids;
import cn.shequ.rules.Decisions.ProcurementMethod;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The fewest committee members and qualified bids (DOMAIN-RULES "evaluation committee", "too few bids"),
 * at their edges.
 */
class CommitteeAndBidMinimaTest {

    @Test
    void anOpenTenderNeedsFiveMembersAndSevenFromABudgetOfTenMillion() {
        // 87号令 art. 47
        assertThat(CommitteeRules.minimumMembers(ProcurementMethod.METHOD_OPEN_TENDER, new BigDecimal("9999999.99"), true)).isEqualTo(5);
        assertThat(CommitteeRules.minimumMembers(ProcurementMethod.METHOD_OPEN_TENDER, new BigDecimal("10000000.00"), true)).isEqualTo(7);
    }

    @Test
    void aPanelNeedsThreeMembersAndFiveOnceTheAmountReachesTheOpenTenderThreshold() {
        // 74号令 art. 7; 财库〔2014〕214号 art. 14
        for (String method : new String[] {ProcurementMethod.METHOD_COMPETITIVE_NEGOTIATION,
                ProcurementMethod.METHOD_COMPETITIVE_CONSULTATION, ProcurementMethod.METHOD_SMALL_PURCHASE}) {
            assertThat(CommitteeRules.minimumMembers(method, new BigDecimal("1999999.99"), false)).as(method).isEqualTo(3);
            assertThat(CommitteeRules.minimumMembers(method, new BigDecimal("2000000.00"), true)).as(method).isEqualTo(5);
        }
        assertThat(CommitteeRules.minimumMembers(ProcurementMethod.METHOD_SINGLE_SOURCE, new BigDecimal("2000000.00"), true)).isEqualTo(3);
    }

    @Test
    void aConsultationForPurchasedServicesGoesOnWithTwoQualifiedBidsOtherMethodsNeedThree() {
        // 财库〔2015〕124号; 采购法 art. 36; single source has one supplier by definition
        assertThat(Bids.minimum(ProcurementMethod.METHOD_COMPETITIVE_CONSULTATION)).isEqualTo(2);
        assertThat(Bids.minimum(ProcurementMethod.METHOD_OPEN_TENDER)).isEqualTo(3);
        assertThat(Bids.minimum(ProcurementMethod.METHOD_COMPETITIVE_NEGOTIATION)).isEqualTo(3);
        assertThat(Bids.minimum(ProcurementMethod.METHOD_SMALL_PURCHASE)).isEqualTo(3);
        assertThat(Bids.minimum(ProcurementMethod.METHOD_SINGLE_SOURCE)).isEqualTo(1);
    }
}

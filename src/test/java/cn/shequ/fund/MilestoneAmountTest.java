package cn.shequ.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 金额/里程碑: each milestone (of a project or a contract) pays at least ¥0.01 once the amount is split. */
class MilestoneAmountTest {

    @Test
    void aShareThatRoundsToZeroIsRefusedNamingTheRuleAndOneFenIsEnough() {
        List<BigDecimal> shares = Money.split(new BigDecimal("0.01"), List.of(40, 60));
        assertThat(shares).containsExactly(new BigDecimal("0.00"), new BigDecimal("0.01"));
        assertThat(Money.milestoneProblem(shares.get(0), 40)).contains("0.00", "40%", "金额/里程碑", "至少 0.01 元");
        assertThat(Money.milestoneProblem(shares.get(1), 60)).isNull();
        assertThat(Money.split(new BigDecimal("0.02"), List.of(40, 60)))
                .allSatisfy(share -> assertThat(Money.milestoneProblem(share, 50)).isNull());
        // a contract of 0.49 yuan with the default 30/40/30 payment nodes: 0.15, 0.20, 0.14
        assertThat(Money.split(new BigDecimal("0.49"), List.of(30, 40, 30)))
                .allSatisfy(share -> assertThat(Money.milestoneProblem(share, 30)).isNull());
        // 1% of 0.49 is 0.0049: 0.00
        assertThat(Money.milestoneProblem(Money.split(new BigDecimal("0.49"), List.of(1, 99)).get(0), 1)).isNotNull();
        assertThat(Money.milestoneProblem(new BigDecimal("-0.01"), 50)).isNotNull();
    }
}

package cn.shequ.reports;

import cn.shequ.document.Amounts;
import java.math.BigDecimal;

/**
 * 满意率 as democratic evaluations count it, for the assessment of departments (考评) and the
 * community's public page alike: (满意 + 基本满意) ÷ all opinions, one decimal ("87.5%"). Here, below
 * transparency, so that reports does not use transparency (ADR 0051).
 */
public final class SatisfactionRate {

    private SatisfactionRate() {
    }

    /** The rate, or null when nobody gave an opinion. */
    public static String of(long satisfied, long basicallySatisfied, long dissatisfied) {
        long all = satisfied + basicallySatisfied + dissatisfied;
        return all == 0 ? null : Amounts.percent(BigDecimal.valueOf(satisfied + basicallySatisfied), BigDecimal.valueOf(all));
    }
}

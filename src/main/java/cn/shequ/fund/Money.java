package cn.shequ.fund;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Yuan amounts (DOMAIN-RULES "Money"): greater than zero, at most two decimals, at most
 * 100,000,000.00; written with two decimals, as strings in JSON.
 */
public final class Money {

    public static final BigDecimal MAX = new BigDecimal("100000000.00");

    private Money() {}

    public static String format(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** Why {@code amount} is not a valid amount, or {@code null}. */
    public static String problem(BigDecimal amount) {
        if (amount == null) {
            return "金额必填 / required";
        }
        if (amount.signum() <= 0) {
            return "金额必须大于零 / must be greater than 0";
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            return "金额最多两位小数 / at most two decimals";
        }
        if (amount.compareTo(MAX) > 0) {
            return "金额不得超过 100,000,000.00 元 / at most 100,000,000.00";
        }
        return null;
    }

    /** The smallest amount a milestone may pay: one fen. */
    public static final BigDecimal MIN_MILESTONE = new BigDecimal("0.01");

    /**
     * Why a milestone whose share of the amount is {@code share} cannot be paid, or {@code null}:
     * each milestone pays at least ¥0.01 (金额/里程碑). A share that rounds to 0.00 (e.g. 40% of
     * 0.01) would leave a disbursement the ledger refuses and the project stuck in delivery.
     */
    public static String milestoneProblem(BigDecimal share, int percent) {
        if (share != null && share.compareTo(MIN_MILESTONE) >= 0) {
            return null;
        }
        return "里程碑金额 " + (share == null ? "?" : share.setScale(2, RoundingMode.HALF_UP).toPlainString()) + " 元（" + percent
                + "%）：金额/里程碑规则，每个里程碑金额至少 0.01 元，请提高金额或合并里程碑 / "
                + "each milestone must be at least ¥0.01";
    }

    /**
     * {@code amount} split by {@code percents} (summing to 100), each share rounded to the fen; the
     * last share takes the remainder, so the shares always sum to the amount (milestone payments).
     */
    public static List<BigDecimal> split(BigDecimal amount, List<Integer> percents) {
        BigDecimal rest = amount.setScale(2);
        List<BigDecimal> shares = new ArrayList<>();
        for (int i = 0; i < percents.size(); i++) {
            BigDecimal share = i == percents.size() - 1 ? rest
                    : amount.multiply(BigDecimal.valueOf(percents.get(i))).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            shares.add(share);
            rest = rest.subtract(share);
        }
        return shares;
    }
}

package cn.shequ.fund;

import java.math.BigDecimal;

/**
 * 资金: money of one source and fiscal year, ring-fenced to its categories unless
 * {@code allCategories} (预算法 art. 93). available = total − reserved; disbursed ≤ reserved.
 */
public record Fund(String code, String name, String source, int fiscalYear, boolean allCategories,
                   String ownerStreet, BigDecimal total, BigDecimal reserved, BigDecimal disbursed) {

    public BigDecimal available() {
        return total.subtract(reserved);
    }

    public Fund withBalances(BigDecimal newReserved, BigDecimal newDisbursed) {
        return new Fund(code, name, source, fiscalYear, allCategories, ownerStreet, total, newReserved, newDisbursed);
    }
}

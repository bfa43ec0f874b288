package cn.shequ.transparency;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sums of ledger lines by entry type, to the cent, as the accounts and their reconciliation add them. */
final class LedgerSums {

    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private LedgerSums() {
    }

    static Map<String, Map<String, BigDecimal>> totalsByProject(List<AccountsMapper.SumRow> rows) {
        Map<String, Map<String, BigDecimal>> totals = new HashMap<>();
        rows.forEach(s -> totals.computeIfAbsent(s.projectCode(), k -> new HashMap<>()).put(s.entryType(), s.total()));
        return totals;
    }

    static BigDecimal sum(List<AccountsMapper.LineRow> lines, String type) {
        return lines.stream().filter(l -> type.equals(l.entryType())).map(AccountsMapper.LineRow::amount)
                .reduce(ZERO, BigDecimal::add).setScale(2);
    }

    static BigDecimal get(Map<String, BigDecimal> totals, String type) {
        BigDecimal total = totals.get(type);
        return total == null ? ZERO : total.setScale(2);
    }
}

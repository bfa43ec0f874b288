package cn.shequ.fund;

import cn.shequ.engine.ShequClock;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only way money moves (DESIGN.md "Money"): each change of a fund's balances is one
 * append-only ledger line written in the same transaction, under a lock on the fund row.
 */
@Service
public class FundLedger {

    public static final String ALLOCATE = "ALLOCATE";

    private final FundMapper funds;
    private final ShequClock clock;

    public FundLedger(FundMapper funds, ShequClock clock) {
        this.funds = funds;
        this.clock = clock;
    }

    public Optional<Fund> find(String code) {
        return funds.find(code);
    }

    public List<Fund> all() {
        return funds.findAll();
    }

    public List<String> categories(String fundCode) {
        return funds.categories(fundCode);
    }

    public List<LedgerEntry> ledger(String fundCode) {
        return funds.ledger(fundCode);
    }

    /**
     * Opens a fund with its allocation: the fund row with zero balances, its ring-fenced
     * categories (none when it may pay for every category), and the ALLOCATE line.
     */
    @Transactional
    public Fund open(String code, String name, String source, int fiscalYear, String ownerStreet,
                     BigDecimal total, List<String> categories, String actor) {
        Fund fund = new Fund(code, name, source, fiscalYear, categories.isEmpty(), ownerStreet,
                BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));
        funds.insert(fund);
        categories.forEach(category -> funds.insertCategory(code, category));
        Fund allocated = new Fund(code, name, source, fiscalYear, fund.allCategories(), ownerStreet,
                total.setScale(2), fund.reserved(), fund.disbursed());
        funds.updateBalances(allocated);
        append(allocated, ALLOCATE, total, null, null, actor);
        return allocated;
    }

    private void append(Fund after, String type, BigDecimal amount, String projectCode, Integer milestoneSeq,
                        String actor) {
        LedgerRow row = new LedgerRow();
        row.fundCode = after.code();
        row.entryType = type;
        row.amount = amount.setScale(2);
        row.projectCode = projectCode;
        row.milestoneSeq = milestoneSeq;
        row.at = clock.now().atZone(ShequClock.ZONE).toLocalDateTime();
        row.actor = actor;
        row.availableAfter = after.available();
        funds.insertEntry(row);
    }
}

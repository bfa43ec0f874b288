package cn.shequ.fund;

import cn.shequ.audit.AuditActions;
import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.ShequClock;
import cn.shequ.refusal.Refusal;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
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
    public static final String RESERVE = "RESERVE";
    public static final String DISBURSE = "DISBURSE";
    public static final String RELEASE = "RELEASE";

    private final FundMapper funds;
    private final ShequClock clock;
    private final AuditLog audit;

    public FundLedger(FundMapper funds, ShequClock clock, AuditLog audit) {
        this.funds = funds;
        this.clock = clock;
        this.audit = audit;
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
        append(allocated, ALLOCATE, total, null, null, actor, Map.of());
        return allocated;
    }

    /**
     * Opens a fund of money raised from the residents of {@code community} (筹资筹劳, 居委会法 arts. 10,
     * 16), ring-fenced to {@code category} and to that community's own projects. The caller has checked
     * the residents' meeting decision it is opened from.
     */
    @Transactional
    public Fund openRaisedByResidents(String code, String name, String source, int fiscalYear, String community,
                                      BigDecimal total, String category, String actor) {
        Fund fund = open(code, name, source, fiscalYear, null, total, List.of(category), actor);
        funds.setOwnerCommunity(code, community);
        return fund;
    }

    /** The community whose residents raised the fund, or empty for a fund of the budget. */
    public Optional<String> ownerCommunity(String fundCode) {
        return Optional.ofNullable(funds.ownerCommunity(fundCode));
    }

    /**
     * Reserves {@code amount} for a project (budget first: 预算法 art. 13; 102号令 art. 14). Refused
     * with 409 when the fund may not pay for the category (ring-fencing, 预算法 art. 93) or does
     * not hold the amount now; nothing is changed then.
     */
    @Transactional
    public LedgerEntry reserve(String fundCode, String category, BigDecimal amount, String projectCode, String actor) {
        FundMapper.LockedWithOwner locked = funds.lockWithOwner(fundCode).orElseThrow(() -> Refusal.notFound("资金", fundCode));
        Fund fund = locked.fund();
        if (!fund.allCategories() && !funds.categories(fundCode).contains(category)) {
            throw Refusal.conflict("FUND_CATEGORY_NOT_ALLOWED", "资金 " + fundCode + " 为专项资金，不得用于类别 " + category
                    + "（不得挪作他用，预算法第九十三条）/ this fund may not pay for " + category);
        }
        String owner = locked.ownerCommunity();
        if (owner != null && !owner.equals(funds.projectCommunity(projectCode))) {
            // money raised from residents pays only for what their meeting decided, in their community
            throw Refusal.conflict("FUND_OF_ANOTHER_COMMUNITY", "资金 " + fundCode + " 是社区 " + owner
                    + " 居民筹集的资金，只能用于居民会议决定的本社区事项（居委会法第十条、第十六条）/ money raised by the residents of "
                    + owner + " pays only for their own community's decided purpose");
        }
        if (fund.available().compareTo(amount) < 0) {
            throw Refusal.conflict("INSUFFICIENT_FUNDS", "资金 " + fundCode + " 可用余额 " + Money.format(fund.available())
                    + " 元，不足以预留 " + Money.format(amount) + " 元（先有预算后有支出，预算法第十三条）/ insufficient funds");
        }
        Fund after = fund.withBalances(fund.reserved().add(amount), fund.disbursed());
        funds.updateBalances(after);
        return append(after, RESERVE, amount, projectCode, null, actor, Map.of());
    }

    /**
     * Pays {@code amount} of what was reserved for the project. The caller guarantees that the
     * project's disbursed total stays within its reservation; the fund row is locked here.
     * {@code paymentDetail} (the terms the milestone was due under, any late-payment interest) goes
     * into the line's audit entry as it is.
     */
    @Transactional
    public LedgerEntry disburse(String fundCode, BigDecimal amount, String projectCode, int milestoneSeq, String actor,
                                Map<String, ?> paymentDetail) {
        Fund fund = lock(fundCode);
        if (fund.disbursed().add(amount).compareTo(fund.reserved()) > 0) {
            throw Refusal.conflict("DISBURSE_EXCEEDS_RESERVED", "拨付金额超过资金 " + fundCode + " 的预留额 / exceeds the reservation");
        }
        Fund after = fund.withBalances(fund.reserved(), fund.disbursed().add(amount));
        funds.updateBalances(after);
        return append(after, DISBURSE, amount, projectCode, milestoneSeq, actor, paymentDetail);
    }

    /** Returns the unused part of a project's reservation to the fund (at final acceptance). */
    @Transactional
    public LedgerEntry release(String fundCode, BigDecimal amount, String projectCode, String actor) {
        Fund fund = lock(fundCode);
        Fund after = fund.withBalances(fund.reserved().subtract(amount), fund.disbursed());
        funds.updateBalances(after);
        return append(after, RELEASE, amount, projectCode, null, actor, Map.of());
    }

    private Fund lock(String fundCode) {
        return funds.lock(fundCode).orElseThrow(() -> Refusal.notFound("资金", fundCode));
    }

    private LedgerEntry append(Fund after, String type, BigDecimal amount, String projectCode, Integer milestoneSeq,
                        String actor, Map<String, ?> more) {
        LedgerRow row = new LedgerRow();
        row.fundCode = after.code();
        row.entryType = type;
        row.amount = amount.setScale(2);
        row.projectCode = projectCode;
        row.milestoneSeq = milestoneSeq;
        row.at = clock.localNow();
        row.actor = actor;
        row.availableAfter = after.available();
        funds.insertEntry(row);
        AuditEvent event = AuditEvent.of(actor, AuditActions.LEDGER_ENTRY).subject(projectCode)
                .detail("ledgerSeq", row.seq).detail("fundCode", row.fundCode).detail("type", type)
                .detail("amount", row.amount.toPlainString()).detail("milestoneSeq", milestoneSeq)
                .detail("availableAfter", row.availableAfter.toPlainString());
        for (Map.Entry<String, ?> detail : more.entrySet()) {
            event = event.detail(detail.getKey(), detail.getValue());
        }
        audit.append(event);
        return new LedgerEntry(row.seq, row.fundCode, type, row.amount, projectCode, milestoneSeq, row.at, actor,
                row.availableAfter);
    }
}

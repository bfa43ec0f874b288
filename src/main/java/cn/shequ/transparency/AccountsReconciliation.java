package cn.shequ.transparency;

import cn.shequ.fund.FundLedger;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

import static cn.shequ.transparency.LedgerSums.ZERO;
import static cn.shequ.transparency.LedgerSums.get;
import static cn.shequ.transparency.LedgerSums.totalsByProject;

/** 对账: a community's accounts beside the ledger's own sums, and each project's books beside its ledger lines, to the cent. */
@Component
class AccountsReconciliation {

    /** Far enough ahead to mean "everything so far" in a ledger query. */
    private static final LocalDateTime END_OF_TIME = LocalDateTime.of(9999, 1, 1, 0, 0);

    private final AccountsMapper mapper;

    AccountsReconciliation(AccountsMapper mapper) {
        this.mapper = mapper;
    }

    CommunityAccounts.Reconciliation of(String community, LocalDateTime start, LocalDateTime until, BigDecimal reserved,
                                        BigDecimal raised, List<CommunityAccounts.Payment> payments, BigDecimal released,
                                        Map<String, AccountsMapper.ProjectRow> projects) {
        Map<String, BigDecimal> ledger = new HashMap<>();
        mapper.ledgerTotals(community, start, until).forEach(s -> ledger.put(s.entryType(), s.total()));
        BigDecimal paid = payments.stream().map(CommunityAccounts.Payment::amount).reduce(ZERO, BigDecimal::add);
        List<CommunityAccounts.Check> checks = new ArrayList<>();
        checks.add(check("received.reservedForProjects", "本期为项目预留（收入）", reserved, get(ledger, FundLedger.RESERVE)));
        checks.add(check("received.raisedFromResidents", "本期居民筹资（收入）", raised, get(ledger, FundLedger.ALLOCATE)));
        checks.add(check("spent.payments", "本期逐笔拨付合计（支出）", paid, get(ledger, FundLedger.DISBURSE)));
        checks.add(check("released", "本期退回资金", released, get(ledger, FundLedger.RELEASE)));
        // each project's own books (kept beside the ledger by the project steps) against its ledger lines so far
        Map<String, Map<String, BigDecimal>> sofar = totalsByProject(mapper.projectTotals(community, END_OF_TIME));
        Map<String, BigDecimal> paymentRows = new HashMap<>();
        mapper.paymentTotals(community).forEach(s -> paymentRows.put(s.projectCode(), s.total()));
        for (AccountsMapper.ProjectRow p : projects.values()) {
            Map<String, BigDecimal> t = sofar.getOrDefault(p.code(), Map.of());
            if (t.isEmpty() && p.reservedAmount().signum() == 0 && !paymentRows.containsKey(p.code())) {
                continue;
            }
            checks.add(check("project." + p.code() + ".reserved", p.code() + " 项目台账预留额 ↔ 总账 预留−退回",
                    p.reservedAmount(), get(t, FundLedger.RESERVE).subtract(get(t, FundLedger.RELEASE))));
            checks.add(check("project." + p.code() + ".disbursed", p.code() + " 项目台账已拨付 ↔ 总账 拨付",
                    p.disbursedAmount(), get(t, FundLedger.DISBURSE)));
            checks.add(check("project." + p.code() + ".payments", p.code() + " 里程碑付款记录 ↔ 总账 拨付",
                    paymentRows.getOrDefault(p.code(), ZERO), get(t, FundLedger.DISBURSE)));
        }
        return new CommunityAccounts.Reconciliation(checks.stream().allMatch(CommunityAccounts.Check::agrees), checks);
    }

    private static CommunityAccounts.Check check(String item, String label, BigDecimal accounts, BigDecimal ledger) {
        BigDecimal difference = accounts.subtract(ledger).setScale(2);
        return new CommunityAccounts.Check(item, label, accounts.setScale(2), ledger.setScale(2), difference, difference.signum() == 0);
    }
}

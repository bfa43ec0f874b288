package cn.shequ.transparency;

import cn.shequ.engine.ShequClock;
import cn.shequ.fund.FundLedger;
import cn.shequ.refusal.Refusal;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static cn.shequ.transparency.LedgerSums.ZERO;
import static cn.shequ.transparency.LedgerSums.get;
import static cn.shequ.transparency.LedgerSums.sum;
import static cn.shequ.transparency.LedgerSums.totalsByProject;

/**
 * 社区服务收支: a community's accounts for a period, derived from the fund ledger every time they are
 * read (never typed twice): money received (allocations reserved for its projects, money raised from
 * its residents), money spent (disbursements by project and milestone), what went back to the funds,
 * and what is reserved and not yet paid at the end of the period. Each account carries its
 * reconciliation: the accounts' figures beside the ledger's own sums, and each project's books
 * (its reserved and paid amounts, its payment rows) beside its ledger lines, to the cent.
 *
 * <p>Disclosed quarterly and on the public site (居委会法 art. 16: 居民委员会应当及时公布…财务收支;
 * 汕府〔2007〕60号 四(六)). A project belongs to the community it serves ({@code project.community_code});
 * a purchase made for a project pays through the project's ledger lines, so it is counted there.
 */
@Service
public class CommunityAccounts {

    private final AccountsMapper mapper;
    private final AccountsReconciliation reconciliation;
    private final ShequClock clock;

    CommunityAccounts(AccountsMapper mapper, AccountsReconciliation reconciliation, ShequClock clock) {
        this.mapper = mapper;
        this.reconciliation = reconciliation;
        this.clock = clock;
    }

    public record Community(String code, String name, String streetCode, String streetName) {}

    /** The accounts of one community for the days {@code from} to {@code to}, both included. */
    public record Accounts(Community community, LocalDate from, LocalDate to, Received received, Spent spent,
                          @JsonSerialize(using = MoneyJson.class) BigDecimal released,
                          @JsonSerialize(using = MoneyJson.class) BigDecimal reservedNotPaid,
                          List<ProjectAccount> projects, List<RaisedFund> raisedFunds, List<Execution> byCategory,
                          List<Execution> byQuarter, List<Line> lines, Reconciliation reconciliation) {}

    /** 收入: reserved for the community's projects in the period, raised from its residents in the period. */
    public record Received(@JsonSerialize(using = MoneyJson.class) BigDecimal reservedForProjects,
                           @JsonSerialize(using = MoneyJson.class) BigDecimal raisedFromResidents,
                           @JsonSerialize(using = MoneyJson.class) BigDecimal total) {}

    /** 支出: disbursed in the period, payment by payment (project and milestone). */
    public record Spent(@JsonSerialize(using = MoneyJson.class) BigDecimal disbursed, List<Payment> payments) {}

    public record Payment(String projectCode, String projectTitle, int milestoneSeq, String milestone,
                          @JsonSerialize(using = MoneyJson.class) BigDecimal amount, LocalDate paidOn, long ledgerSeq,
                          String fundCode) {}

    /** One project's movements in the period, and what stays reserved and unpaid at its end. */
    public record ProjectAccount(String code, String title, String category, String categoryName, String status,
                                 @JsonSerialize(using = MoneyJson.class) BigDecimal approved,
                                 @JsonSerialize(using = MoneyJson.class) BigDecimal reserved,
                                 @JsonSerialize(using = MoneyJson.class) BigDecimal disbursed,
                                 @JsonSerialize(using = MoneyJson.class) BigDecimal released,
                                 @JsonSerialize(using = MoneyJson.class) BigDecimal reservedNotPaid) {}

    /** A fund raised from the community's residents (筹资筹劳), with the meeting decision it was opened from. */
    public record RaisedFund(String fundCode, String fundName, String purpose, String category, long decisionId,
                             LocalDate decidedOn, @JsonSerialize(using = MoneyJson.class) BigDecimal decided,
                             @JsonSerialize(using = MoneyJson.class) BigDecimal raised,
                             @JsonSerialize(using = MoneyJson.class) BigDecimal reserved,
                             @JsonSerialize(using = MoneyJson.class) BigDecimal disbursed,
                             @JsonSerialize(using = MoneyJson.class) BigDecimal available) {}

    /** Budget execution of a category or a quarter: reserved, paid and released in it. */
    public record Execution(String key, String label, @JsonSerialize(using = MoneyJson.class) BigDecimal reserved,
                            @JsonSerialize(using = MoneyJson.class) BigDecimal disbursed,
                            @JsonSerialize(using = MoneyJson.class) BigDecimal released) {}

    /** A ledger line of the period, as the ledger holds it (the lines the accounts are built from). */
    public record Line(long seq, String fundCode, String type, @JsonSerialize(using = MoneyJson.class) BigDecimal amount,
                       String projectCode, Integer milestoneSeq, OffsetDateTime at) {}

    /** 对账: every check holds to the cent, or {@code balanced} is false and the check that fails says by how much. */
    public record Reconciliation(boolean balanced, List<Check> checks) {}

    public record Check(String item, String label, @JsonSerialize(using = MoneyJson.class) BigDecimal accounts,
                        @JsonSerialize(using = MoneyJson.class) BigDecimal ledger,
                        @JsonSerialize(using = MoneyJson.class) BigDecimal difference, boolean agrees) {}

    public List<Community> communities() {
        return mapper.communities().stream().map(CommunityAccounts::community).toList();
    }

    public Optional<Community> community(String code) {
        return mapper.community(code).map(CommunityAccounts::community);
    }

    /** The accounts for the days {@code from} to {@code to} (both included); 404 for an unknown community. */
    @Transactional(readOnly = true)
    public Accounts of(String communityCode, LocalDate from, LocalDate to) {
        Community community = community(communityCode).orElseThrow(() -> Refusal.notFound("社区", communityCode));
        LocalDateTime start = from.atStartOfDay();
        LocalDateTime until = to.plusDays(1).atStartOfDay();
        List<AccountsMapper.LineRow> projectLines = mapper.projectLines(communityCode, start, until);
        List<AccountsMapper.LineRow> raisedLines = mapper.raisedLines(communityCode, start, until);
        List<AccountsMapper.ProjectRow> projectRows = mapper.projects(communityCode);
        Map<String, AccountsMapper.ProjectRow> byCode = new LinkedHashMap<>();
        projectRows.forEach(p -> byCode.put(p.code(), p));
        Map<String, String> milestoneNames = new HashMap<>();
        mapper.milestones(communityCode).forEach(m -> milestoneNames.put(m.projectCode() + "#" + m.seq(), m.name()));

        BigDecimal reserved = sum(projectLines, FundLedger.RESERVE);
        BigDecimal disbursed = sum(projectLines, FundLedger.DISBURSE);
        BigDecimal released = sum(projectLines, FundLedger.RELEASE);
        BigDecimal raised = sum(raisedLines, FundLedger.ALLOCATE);

        List<Payment> payments = new ArrayList<>();
        for (AccountsMapper.LineRow line : projectLines) {
            if (FundLedger.DISBURSE.equals(line.entryType())) {
                AccountsMapper.ProjectRow p = byCode.get(line.projectCode());
                payments.add(new Payment(line.projectCode(), p.title(), line.milestoneSeq(),
                        milestoneNames.get(line.projectCode() + "#" + line.milestoneSeq()), line.amount(),
                        line.at().toLocalDate(), line.seq(), line.fundCode()));
            }
        }

        Map<String, Map<String, BigDecimal>> atEnd = totalsByProject(mapper.projectTotals(communityCode, until));
        List<ProjectAccount> projects = new ArrayList<>();
        BigDecimal reservedNotPaid = ZERO;
        for (AccountsMapper.ProjectRow p : projectRows) {
            List<AccountsMapper.LineRow> own = projectLines.stream().filter(l -> l.projectCode().equals(p.code())).toList();
            Map<String, BigDecimal> end = atEnd.getOrDefault(p.code(), Map.of());
            BigDecimal outstanding = get(end, FundLedger.RESERVE).subtract(get(end, FundLedger.DISBURSE))
                    .subtract(get(end, FundLedger.RELEASE));
            if (own.isEmpty() && outstanding.signum() == 0) {
                continue; // nothing moved for it in the period and nothing waits to be paid
            }
            reservedNotPaid = reservedNotPaid.add(outstanding);
            projects.add(new ProjectAccount(p.code(), p.title(), p.category(), p.categoryName(), p.status(), p.amount(),
                    sum(own, FundLedger.RESERVE), sum(own, FundLedger.DISBURSE), sum(own, FundLedger.RELEASE), outstanding));
        }

        List<RaisedFund> raisedFunds = mapper.raisedFunds(communityCode).stream()
                .map(r -> new RaisedFund(r.fundCode(), r.fundName(), r.purpose(), r.category(), r.decisionId(), r.heldOn(),
                        r.decided(), r.total(), r.reserved(), r.disbursed(), r.total().subtract(r.reserved())))
                .toList();

        List<Line> lines = new ArrayList<>();
        for (AccountsMapper.LineRow l : merged(projectLines, raisedLines)) {
            lines.add(new Line(l.seq(), l.fundCode(), l.entryType(), l.amount(), l.projectCode(), l.milestoneSeq(),
                    l.at().atZone(ShequClock.ZONE).toOffsetDateTime()));
        }
        Reconciliation reconciled = reconciliation.of(communityCode, start, until, reserved, raised, payments, released, byCode);
        return new Accounts(community, from, to, new Received(reserved, raised, reserved.add(raised)),
                new Spent(disbursed, payments), released, reservedNotPaid, projects, raisedFunds,
                byCategory(projectLines, byCode), byQuarter(projectLines, from, to), lines, reconciled);
    }

    /** The accounts of a calendar quarter (1–4) of {@code year}. */
    public Accounts ofQuarter(String communityCode, int year, int quarter) {
        LocalDate from = LocalDate.of(year, 3 * quarter - 2, 1);
        return of(communityCode, from, from.plusMonths(3).minusDays(1));
    }

    /** The accounts of a calendar (fiscal) year. */
    public Accounts ofYear(String communityCode, int year) {
        return of(communityCode, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** Today on Shequ's (possibly moved) clock: the default period is its year. */
    public LocalDate today() {
        return clock.today();
    }

    private List<Execution> byCategory(List<AccountsMapper.LineRow> lines, Map<String, AccountsMapper.ProjectRow> projects) {
        List<Execution> rows = new ArrayList<>();
        for (AccountsMapper.CategoryName category : mapper.categories()) {
            List<AccountsMapper.LineRow> own = lines.stream()
                    .filter(l -> category.code().equals(projects.get(l.projectCode()).category())).toList();
            if (!own.isEmpty()) {
                rows.add(new Execution(category.code(), category.name(), sum(own, FundLedger.RESERVE),
                        sum(own, FundLedger.DISBURSE), sum(own, FundLedger.RELEASE)));
            }
        }
        return rows;
    }

    private static List<Execution> byQuarter(List<AccountsMapper.LineRow> lines, LocalDate from, LocalDate to) {
        List<Execution> rows = new ArrayList<>();
        LocalDate quarterStart = from.withMonth((from.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
        while (!quarterStart.isAfter(to)) {
            LocalDateTime start = quarterStart.atStartOfDay();
            LocalDateTime end = quarterStart.plusMonths(3).atStartOfDay();
            List<AccountsMapper.LineRow> own = lines.stream()
                    .filter(l -> !l.at().isBefore(start) && l.at().isBefore(end)).toList();
            int quarter = (quarterStart.getMonthValue() - 1) / 3 + 1;
            rows.add(new Execution(quarterStart.getYear() + "-Q" + quarter, quarterStart.getYear() + "年第" + quarter + "季度",
                    sum(own, FundLedger.RESERVE), sum(own, FundLedger.DISBURSE), sum(own, FundLedger.RELEASE)));
            quarterStart = quarterStart.plusMonths(3);
        }
        return rows;
    }

    private static List<AccountsMapper.LineRow> merged(List<AccountsMapper.LineRow> a, List<AccountsMapper.LineRow> b) {
        List<AccountsMapper.LineRow> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort((x, y) -> Long.compare(x.seq(), y.seq()));
        return all;
    }

    private static Community community(AccountsMapper.CommunityRow r) {
        return new Community(r.code(), r.name(), r.streetCode(), r.streetName());
    }
}

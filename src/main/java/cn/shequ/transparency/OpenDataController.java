package cn.shequ.transparency;

import cn.shequ.fund.Money;
import cn.shequ.web.Csv;
import cn.shequ.refusal.Refusal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open data: each table of a community's accounts that the public site shows, as CSV, for the same
 * period parameters as the JSON ({@code /public/communities/{code}/accounts}).
 * {@code GET /public/communities/{code}/accounts/{table}.csv}, table one of {@link Table}.
 */
@RestController
class OpenDataController {

    /** The tables, by the name in their address. */
    enum Table { summary, payments, projects, lines, categories, quarters, raised, reconciliation }

    private final CommunityAccounts accounts;

    OpenDataController(CommunityAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/public/communities/{code}/accounts/{table}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String code, @PathVariable String table,
                               @RequestParam(required = false) String year, @RequestParam(required = false) String quarter,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Table which;
        try {
            which = Table.valueOf(table);
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("公开数据表", table);
        }
        AccountsPeriod period = AccountsPeriod.parse(year, quarter, from, to, accounts.today());
        CommunityAccounts.Accounts a = accounts.of(code, period.from(), period.to());
        return table(which, a).download(code + "-" + period.from() + "-" + period.to() + "-" + which + ".csv");
    }

    static Csv table(Table which, CommunityAccounts.Accounts a) {
        return switch (which) {
            case summary -> new Csv(List.of("社区", "起始日期", "截止日期", "为项目预留（元）", "居民筹资（元）", "收入合计（元）",
                    "拨付（元）", "退回资金（元）", "已预留未支付（元）", "对账结果"))
                    .row(List.of(a.community().name(), a.from(), a.to(), m(a.received().reservedForProjects()),
                            m(a.received().raisedFromResidents()), m(a.received().total()), m(a.spent().disbursed()),
                            m(a.released()), m(a.reservedNotPaid()), a.reconciliation().balanced() ? "相符" : "不符"));
            case payments -> {
                Csv csv = new Csv(List.of("项目编号", "项目名称", "里程碑", "里程碑名称", "金额（元）", "拨付日期", "资金", "总账序号"));
                a.spent().payments().forEach(p -> csv.row(List.of(p.projectCode(), p.projectTitle(), p.milestoneSeq(),
                        nz(p.milestone()), m(p.amount()), p.paidOn(), p.fundCode(), p.ledgerSeq())));
                yield csv;
            }
            case projects -> {
                Csv csv = new Csv(List.of("项目编号", "项目名称", "类别", "状态", "批准金额（元）", "本期预留（元）", "本期拨付（元）",
                        "本期退回（元）", "期末已预留未支付（元）"));
                a.projects().forEach(p -> csv.row(List.of(p.code(), p.title(), p.categoryName(), p.status(), m(p.approved()),
                        m(p.reserved()), m(p.disbursed()), m(p.released()), m(p.reservedNotPaid()))));
                yield csv;
            }
            case lines -> {
                Csv csv = new Csv(List.of("总账序号", "资金", "类型", "金额（元）", "项目编号", "里程碑", "时间"));
                a.lines().forEach(l -> csv.row(List.of(l.seq(), l.fundCode(), l.type(), m(l.amount()), nz(l.projectCode()),
                        l.milestoneSeq() == null ? "" : l.milestoneSeq(), l.at())));
                yield csv;
            }
            case categories -> execution("类别", a.byCategory());
            case quarters -> execution("季度", a.byQuarter());
            case raised -> {
                Csv csv = new Csv(List.of("资金", "名称", "用途", "类别", "居民会议日期", "决定金额（元）", "已筹集（元）",
                        "已预留（元）", "已拨付（元）", "可用（元）"));
                a.raisedFunds().forEach(f -> csv.row(List.of(f.fundCode(), f.fundName(), f.purpose(), f.category(),
                        f.decidedOn(), m(f.decided()), m(f.raised()), m(f.reserved()), m(f.disbursed()), m(f.available()))));
                yield csv;
            }
            case reconciliation -> {
                Csv csv = new Csv(List.of("核对项", "说明", "收支账（元）", "资金总账（元）", "差额（元）", "是否相符"));
                a.reconciliation().checks().forEach(c -> csv.row(List.of(c.item(), c.label(), m(c.accounts()), m(c.ledger()),
                        m(c.difference()), c.agrees() ? "相符" : "不符")));
                yield csv;
            }
        };
    }

    private static Csv execution(String what, List<CommunityAccounts.Execution> rows) {
        Csv csv = new Csv(List.of(what, "预留（元）", "拨付（元）", "退回（元）"));
        rows.forEach(r -> csv.row(List.of(r.label(), m(r.reserved()), m(r.disbursed()), m(r.released()))));
        return csv;
    }

    private static String m(java.math.BigDecimal amount) {
        return Money.format(amount);
    }

    private static Object nz(Object value) {
        return value == null ? "" : value;
    }
}

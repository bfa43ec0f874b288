package cn.shequ.auditor.workspace;

import cn.shequ.fund.Money;
import cn.shequ.refusal.Refusal;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A fund's ledger as an auditor checks it: each line with the running totals recomputed from the
 * lines themselves (allocated, reserved net of releases, disbursed, available = allocated − reserved)
 * beside the available balance the system stored with the line; {@code consistent} is false where the
 * two disagree. JSON or {@code ?format=csv}.
 */
@RestController
class FundLedgerController {

    private final WorkspaceMapper sql;
    private final Auditors auditors;
    private final Timeline timeline;

    FundLedgerController(WorkspaceMapper sql, Auditors auditors, Timeline timeline) {
        this.sql = sql;
        this.auditors = auditors;
        this.timeline = timeline;
    }

    record Line(long seq, OffsetDateTime at, String type, String amount, String projectCode, Integer milestoneSeq,
                String actor, String actorName, String availableAfter, String allocated, String reserved,
                String disbursed, String available, boolean consistent) {}

    @GetMapping("/api/audit/funds/{code}/ledger")
    List<Line> ledger(@PathVariable String code) {
        auditors.require();
        sql.fund(code).orElseThrow(() -> Refusal.notFound("资金", code));
        List<WorkspaceMapper.LedgerRow> rows = sql.ledgerOfFund(code);
        Map<String, String> names = timeline.names(rows.stream().map(WorkspaceMapper.LedgerRow::actor).toList());
        BigDecimal allocated = BigDecimal.ZERO;
        BigDecimal reserved = BigDecimal.ZERO;
        BigDecimal disbursed = BigDecimal.ZERO;
        List<Line> lines = new ArrayList<>(rows.size());
        for (WorkspaceMapper.LedgerRow r : rows) {
            switch (r.entryType()) {
                case "ALLOCATE" -> allocated = allocated.add(r.amount());
                case "RESERVE" -> reserved = reserved.add(r.amount());
                case "RELEASE" -> reserved = reserved.subtract(r.amount());
                case "DISBURSE" -> disbursed = disbursed.add(r.amount());
                default -> { }
            }
            BigDecimal available = allocated.subtract(reserved);
            lines.add(new Line(r.seq(), Timeline.offset(r.at()), r.entryType(), Money.format(r.amount()), r.projectCode(),
                    r.milestoneSeq(), r.actor(), names.get(r.actor()), Money.format(r.availableAfter()),
                    Money.format(allocated), Money.format(reserved), Money.format(disbursed), Money.format(available),
                    available.compareTo(r.availableAfter()) == 0));
        }
        return lines;
    }

    @GetMapping(value = "/api/audit/funds/{code}/ledger", params = "format=csv")
    ResponseEntity<byte[]> ledgerCsv(@PathVariable String code) {
        Csv csv = new Csv("序号 seq", "时间 at", "类型 type", "金额 amount", "项目 project", "里程碑 milestone", "经办人 actor",
                "可用余额(记录) availableAfter", "累计下达 allocated", "净预留 reserved", "累计拨付 disbursed",
                "可用余额(复算) available", "一致 consistent");
        ledger(code).forEach(l -> csv.row(l.seq(), l.at(), l.type(), l.amount(), l.projectCode(), l.milestoneSeq(),
                l.actorName() == null ? l.actor() : l.actorName() + " (" + l.actor() + ")", l.availableAfter(),
                l.allocated(), l.reserved(), l.disbursed(), l.available(), l.consistent()));
        return csv.response("ledger-" + code + ".csv");
    }
}

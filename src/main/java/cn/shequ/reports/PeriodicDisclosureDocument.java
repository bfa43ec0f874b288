package cn.shequ.reports;

import cn.shequ.audit.AuditHeads;
import cn.shequ.document.Amounts;
import cn.shequ.document.DocumentContent;
import cn.shequ.document.DocumentContent.Column;
import cn.shequ.document.DocumentService;
import cn.shequ.document.IssuedDocument;
import cn.shequ.engine.ShequClock;
import cn.shequ.identity.Community;
import cn.shequ.pages.Labels;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Lays out a community's 居务公开 of a period as the content of its issued document (six sections, a correction's note). */
@Component
class PeriodicDisclosureDocument {

    private final PeriodicDisclosureMapper mapper;
    private final DocumentService documents;
    private final AuditHeads heads;
    private final ShequClock clock;
    private final Labels labels;
    private final ObjectProvider<DisclosedAccounts> accounts;

    PeriodicDisclosureDocument(PeriodicDisclosureMapper mapper, DocumentService documents, AuditHeads heads, ShequClock clock,
                               Labels labels, ObjectProvider<DisclosedAccounts> accounts) {
        this.mapper = mapper;
        this.documents = documents;
        this.heads = heads;
        this.clock = clock;
        this.labels = labels;
        this.accounts = accounts;
    }

    DocumentContent content(Community c, DisclosurePeriod period, int version, Long replacesId, String reason) {
        String committee = c.name() + "居民委员会";
        List<PeriodicDisclosureMapper.ApprovedProject> approved = mapper.approved(c.code(), period.from(), period.until());
        List<PeriodicDisclosureMapper.HeldMeeting> meetings = mapper.meetings(c.code(), period.start(), period.end());
        List<PeriodicDisclosureMapper.Payment> payments = mapper.payments(c.code(), period.from(), period.until());
        List<PeriodicDisclosureMapper.ServingPurchase> purchases = mapper.purchases(c.code(), period.from(), period.until());

        DocumentContent.Builder b = DocumentContent.builder(committee, "居务公开表")
                .subtitle(period.label() + "居务公开" + (version > 1 ? "（第 " + version + " 版，更正）" : ""))
                .party("社区", c.name())
                .party("公开期间", period.start() + " 至 " + period.end());
        if (replacesId != null) {
            PeriodicDisclosureMapper.Stored old = mapper.find(replacesId).orElseThrow();
            String oldSha = documents.find(old.documentId()).map(IssuedDocument::sha256).orElse("");
            b.paragraph("本版更正并替代第 " + old.version() + " 版（文件指纹 " + oldSha + "）。更正理由：" + reason);
        }

        BigDecimal approvedTotal = approved.stream().map(PeriodicDisclosureMapper.ApprovedProject::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        b.heading("一、本期批准的项目");
        b.table(List.of(Column.left("项目", 5), Column.center("类别", 2), Column.right("批准金额（元）", 2),
                        Column.center("状态", 2), Column.right("已拨付（元）", 2), Column.center("绩效", 1)),
                approved.stream().map(p -> List.of(p.code() + " " + p.title(), category(p.category()), Amounts.format(p.amount()),
                        labels.status(p.status()), Amounts.format(p.disbursedAmount()), grade(p.grade()))).toList(),
                List.of("合计 " + approved.size() + " 项", "", Amounts.format(approvedTotal), "", "", ""));

        b.heading("二、本期召开的居民会议、作出的决定及执行情况");
        b.table(List.of(Column.center("日期", 2), Column.left("议题", 4), Column.center("应到/实到", 2), Column.center("赞成/反对/弃权", 2),
                        Column.center("决定", 2), Column.center("执行情况", 2), Column.right("已拨付（元）", 2), Column.center("绩效", 1)),
                meetings.stream().map(m -> List.of(m.heldOn().toString(), m.projectCode() + " " + m.title(),
                        m.eligible() + "/" + m.present(), m.yesVotes() + "/" + m.noVotes() + "/" + m.abstentions(),
                        labels.decision(m.outcome()), labels.status(m.status()), Amounts.format(m.disbursedAmount()),
                        grade(m.grade()))).toList(),
                null);

        BigDecimal paidTotal = payments.stream().map(PeriodicDisclosureMapper.Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        b.heading("三、本期资金拨付");
        b.table(List.of(Column.left("项目", 5), Column.center("里程碑", 1), Column.center("拨付日期", 2), Column.right("金额（元）", 2)),
                payments.stream().map(p -> List.of(p.projectCode() + " " + p.title(), String.valueOf(p.milestoneSeq()),
                        p.paidAt().toLocalDate().toString(), Amounts.format(p.amount()))).toList(),
                List.of("合计", "", "", Amounts.format(paidTotal)));

        b.heading("四、为上述项目开展的政府购买服务");
        b.table(List.of(Column.left("采购", 5), Column.center("项目", 2), Column.center("方式", 2), Column.center("状态", 2),
                        Column.right("预算（元）", 2), Column.right("已支付（元）", 2)),
                purchases.stream().map(p -> List.of(p.code() + " " + p.title(), p.projectCode(),
                        ReportNames.METHODS.getOrDefault(p.method(), p.method()), p.status(), Amounts.format(p.amount()),
                        Amounts.format(p.disbursedAmount()))).toList(),
                null);

        b.heading("五、社区服务收支");
        Optional<List<DisclosedAccounts.Line>> lines = Optional.ofNullable(accounts.getIfAvailable())
                .flatMap(a -> a.lines(c.code(), period));
        if (lines.isPresent()) {
            b.table(List.of(Column.left("事项", 5), Column.right("金额（元）", 2)),
                    lines.get().stream().map(l -> List.of(l.item(), Amounts.format(l.amount()))).toList(), null);
        } else {
            b.paragraph("本期社区服务收支另行公开（见公开网站本社区“收支”栏目）；本表第三部分为本期实际拨付。");
        }
        b.heading("六、监督方式");
        b.paragraph("居民对上述事项有异议的，可向" + committee + "或街道办事处反映。签发时审计日志链尾："
                + heads.current().describe() + "（每日链尾见 /public/audit-heads.html）");
        return b.signature("公开单位", committee, true).issuedOn(clock.today()).build();
    }

    private String category(String code) {
        String name = mapper.categoryName(code);
        return name == null ? code : name;
    }

    private static String grade(String grade) {
        return grade == null ? "" : ReportNames.GRADES.getOrDefault(grade, grade);
    }
}

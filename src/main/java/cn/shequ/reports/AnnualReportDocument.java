package cn.shequ.reports;

import cn.shequ.audit.AuditHeads;
import cn.shequ.document.Amounts;
import cn.shequ.document.DocumentContent;
import cn.shequ.document.DocumentContent.Column;
import cn.shequ.document.DocumentType;
import cn.shequ.engine.ShequClock;
import cn.shequ.pages.Labels;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Lays out an annual report as the content of its issued document (the seven sections and the signature). */
@Component
class AnnualReportDocument {

    private final AuditHeads heads;
    private final ShequClock clock;
    private final Labels labels;
    private final Assessments assessments;

    AnnualReportDocument(AuditHeads heads, ShequClock clock, Labels labels, Assessments assessments) {
        this.heads = heads;
        this.clock = clock;
        this.labels = labels;
        this.assessments = assessments;
    }

    DocumentContent content(AnnualReportMapper.Stored r) {
        AnnualReportFigures f = AnnualReportTally.read(r);
        DocumentContent.Builder b = DocumentContent.builder(r.bodyName(), DocumentType.ANNUAL_REPORT.chineseName())
                .subtitle(r.reportYear() + "年度社区公共服务项目进展情况报告")
                .party("报送单位", r.recipient())
                .party("报送期限", r.deadline().toString());
        b.heading("一、项目情况（按类别和状态）");
        b.table(List.of(Column.left("类别", 3), Column.center("状态", 3), Column.right("项目数", 1), Column.right("金额（元）", 2)),
                f.projects().stream().map(p -> List.of(p.categoryName(), labels.status(p.status()), String.valueOf(p.projects()),
                        Amounts.format(new BigDecimal(p.amount())))).toList(),
                List.of("合计", "", String.valueOf(f.projectCount()), ""));
        b.heading("二、资金情况");
        b.fields(List.of(new DocumentContent.Field("下达资金", Amounts.format(new BigDecimal(f.money().allocated())) + " 元"),
                new DocumentContent.Field("预留", Amounts.format(new BigDecimal(f.money().reserved())) + " 元"),
                new DocumentContent.Field("拨付", Amounts.format(new BigDecimal(f.money().paid())) + " 元"),
                new DocumentContent.Field("结余退回", Amounts.format(new BigDecimal(f.money().released())) + " 元"),
                new DocumentContent.Field("逾期支付", f.latePayments() + " 笔，" + Amounts.format(new BigDecimal(f.latePaymentAmount())) + " 元")));
        b.heading("三、绩效与满意度");
        b.fields(List.of(new DocumentContent.Field("绩效等级", f.grades().isEmpty() ? "本年无终期评价项目"
                        : f.grades().stream().map(g -> g.name() + " " + g.count() + " 项").collect(Collectors.joining("，"))),
                new DocumentContent.Field("居民满意度", f.respondents() == 0 ? "无调查"
                        : f.satisfied() + "/" + f.respondents() + "（" + f.satisfactionRate() + "）")));
        b.heading("四、政府购买服务");
        b.table(List.of(Column.left("采购方式", 3), Column.right("项目数", 1), Column.right("预算（元）", 2)),
                f.purchasesByMethod().stream().map(m -> List.of(m.name(), String.valueOf(m.purchases()),
                        Amounts.format(new BigDecimal(m.amount())))).toList(), null);
        b.table(List.of(Column.left("承接主体", 4), Column.right("项目数", 1), Column.right("成交金额（元）", 2)),
                f.purchasesByProvider().stream().map(m -> List.of(m.name(), String.valueOf(m.purchases()),
                        Amounts.format(new BigDecimal(m.amount())))).toList(), null);
        b.heading("五、逾期审核与异常");
        b.fields(List.of(new DocumentContent.Field("逾期审核（已督办）", f.overdueReviews() + " 次"),
                new DocumentContent.Field("发现的异常", f.anomalies().isEmpty() ? "无"
                        : f.anomalies().stream().map(a -> a.name() + " " + a.count() + " 项").collect(Collectors.joining("；")))));
        b.heading("六、部门考评（奖优罚劣，公开通报）");
        b.table(List.of(Column.left("部门", 4), Column.right("审核 按时/逾期", 2), Column.right("拨付 按时/逾期", 2),
                        Column.right("异常", 1), Column.right("平均得分", 1.5f), Column.right("民主评议满意率 部门/服务", 2.5f)),
                assessments.ofDistrict(r.reportYear(), r.bodyCode()).stream().map(d -> List.of(d.name(),
                        d.reviewsOnTime() + "/" + d.reviewsOverdue(), d.paymentsOnTime() + "/" + d.paymentsLate(),
                        String.valueOf(d.anomalies()), d.averageScore() == null ? "—" : d.averageScore(),
                        (d.evaluatedRate() == null ? "—" : d.evaluatedRate()) + "/" + (d.servicesRate() == null ? "—" : d.servicesRate())))
                        .toList(), null);
        b.heading("七、工作情况说明");
        b.paragraph(r.narrative() == null ? "" : r.narrative());
        b.paragraph("本报告数据由社区公共服务系统根据业务记录生成（" + r.draftedAt().toLocalDate() + "），签发时审计日志链尾："
                + heads.current().describe());
        return b.signature("报告单位", r.bodyName(), true).issuedOn(clock.today()).build();
    }
}

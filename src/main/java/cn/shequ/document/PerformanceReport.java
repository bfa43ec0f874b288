package cn.shequ.document;

import static cn.shequ.document.Amounts.yuan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 绩效评价报告: the scored evaluation of a finished project, indicator by indicator, and its grade. */
public final class PerformanceReport {

    public static final DocumentType TYPE = DocumentType.PERFORMANCE_REPORT;

    /** One indicator of the evaluation: its weight (points available) and the points given. */
    public record Indicator(String name, BigDecimal weight, BigDecimal score, String remark) {}

    /** @param grade 优秀, 良好, 合格 or 不合格, as the performance-grade rule decided */
    public record Data(String issuer, String projectCode, String projectTitle, String implementer, BigDecimal budget,
                       BigDecimal spent, List<Indicator> indicators, BigDecimal score, String grade, int respondents,
                       int satisfied, String conclusion, String evaluator, LocalDate issuedOn) {}

    private PerformanceReport() {}

    public static DocumentContent content(Data d) {
        List<List<String>> rows = d.indicators().stream()
                .map(i -> List.of(i.name(), i.weight().toPlainString(), i.score().toPlainString(), i.remark() == null ? "" : i.remark()))
                .toList();
        BigDecimal weights = d.indicators().stream().map(Indicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        return DocumentContent.builder(d.issuer(), TYPE.chineseName())
                .subtitle(d.projectTitle())
                .party("项目编号", d.projectCode())
                .party("承接主体", d.implementer())
                .fields(List.of(
                        new DocumentContent.Field("预算金额", yuan(d.budget())),
                        new DocumentContent.Field("实际支出", yuan(d.spent())),
                        new DocumentContent.Field("预算执行率", Amounts.percent(d.spent(), d.budget())),
                        new DocumentContent.Field("居民满意率", MeetingResolution.percent(d.satisfied(), d.respondents())
                                + "（调查 " + d.respondents() + " 人）"),
                        new DocumentContent.Field("综合得分", d.score().toPlainString()),
                        new DocumentContent.Field("评价等级", d.grade())))
                .heading("一、评价指标")
                .table(List.of(DocumentContent.Column.left("指标", 4), DocumentContent.Column.right("分值", 1),
                                DocumentContent.Column.right("得分", 1), DocumentContent.Column.left("说明", 4)),
                        rows, List.of("合计", weights.toPlainString(), d.score().toPlainString(), ""))
                .heading("二、评价结论")
                .paragraph(d.conclusion())
                .signature("评价单位", d.issuer(), true)
                .signature("评价人", d.evaluator(), false)
                .issuedOn(d.issuedOn())
                .build();
    }
}

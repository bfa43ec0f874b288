package cn.shequ.document;

import static cn.shequ.document.Amounts.yuan;
import static cn.shequ.document.ChineseDates.numeric;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** 项目报告书: what a residents' committee proposes, with its budget, as submitted for review. */
public final class ProjectReport {

    public static final DocumentType TYPE = DocumentType.PROJECT_REPORT;

    /** A line of the budget (预算明细). */
    public record BudgetItem(String item, BigDecimal amount) {}

    /**
     * @param issuer       the committee, e.g. 东湖社区居民委员会
     * @param deliveryMode 社区自办 or 政府购买服务
     * @param author       who drew it up (经办人)
     */
    public record Data(String issuer, String projectCode, String title, String category, String community,
                       String beneficiaries, String description, BigDecimal amount, String fund, String deliveryMode,
                       LocalDate plannedStart, LocalDate plannedEnd, List<BudgetItem> budget, String author,
                       LocalDate issuedOn) {}

    private ProjectReport() {}

    public static DocumentContent content(Data d) {
        List<List<String>> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < d.budget().size(); i++) {
            BudgetItem line = d.budget().get(i);
            rows.add(List.of(Integer.toString(i + 1), line.item(), Amounts.format(line.amount())));
            total = total.add(line.amount());
        }
        return DocumentContent.builder(d.issuer(), TYPE.chineseName())
                .subtitle(d.title())
                .party("项目编号", d.projectCode())
                .party("申报单位", d.issuer())
                .heading("一、项目基本情况")
                .fields(List.of(
                        new DocumentContent.Field("项目名称", d.title()),
                        new DocumentContent.Field("服务类别", d.category()),
                        new DocumentContent.Field("所属社区", d.community()),
                        new DocumentContent.Field("服务对象", d.beneficiaries()),
                        new DocumentContent.Field("实施方式", d.deliveryMode()),
                        new DocumentContent.Field("实施期限", numeric(d.plannedStart()) + "至" + numeric(d.plannedEnd())),
                        new DocumentContent.Field("资金来源", d.fund()),
                        new DocumentContent.Field("申请金额", yuan(d.amount()) + "（" + Amounts.capitals(d.amount()) + "）")))
                .heading("二、项目内容")
                .paragraph(d.description())
                .heading("三、预算明细")
                .table(List.of(DocumentContent.Column.center("序号", 1), DocumentContent.Column.left("支出项目", 6),
                        DocumentContent.Column.right("金额（元）", 2)), rows, List.of("", "合计", Amounts.format(total)))
                .signature("申报单位", d.issuer(), true)
                .signature("经办人", d.author(), false)
                .issuedOn(d.issuedOn())
                .build();
    }
}

package cn.shequ.procurement.contract;

import static cn.shequ.document.Amounts.yuan;
import static cn.shequ.document.ChineseDates.numeric;

import cn.shequ.document.Amounts;
import cn.shequ.document.DocumentContent;
import cn.shequ.document.DocumentType;
import cn.shequ.fund.PaymentTerms;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 政府购买服务合同: parties, service, price, term, performance bond (≤ 10%, 条例 art. 48), the
 * milestones with their payment schedule, the payment term and late-payment interest agreed, acceptance with the people served (条例 art. 45), no
 * whole subcontracting (102号令 art. 26).
 */
public final class PurchaseContract {

    public static final DocumentType TYPE = DocumentType.CONTRACT;

    public record Milestone(int seq, String name, int percent, BigDecimal amount) {}

    public record Data(String purchaser, String contractCode, String procurementCode, String title, String provider,
                       BigDecimal amount, int termMonths, BigDecimal performanceBond, List<Milestone> milestones,
                       int paymentTermDays, BigDecimal lateInterestDailyRate, LocalDate signedOn, String purchaserSignatory, String otherTerms,
                       LocalDate issuedOn) {}

    private PurchaseContract() {}

    public static DocumentContent content(Data d) {
        List<List<String>> rows = d.milestones().stream().map(m -> List.of(Integer.toString(m.seq()), m.name(),
                m.percent() + "%", yuan(m.amount()))).toList();
        return DocumentContent.builder(d.purchaser(), TYPE.chineseName())
                .subtitle("合同编号 " + d.contractCode())
                .party("甲方（购买主体）", d.purchaser())
                .party("乙方（承接主体）", d.provider())
                .party("采购项目编号", d.procurementCode())
                .fields(List.of(
                        new DocumentContent.Field("服务项目", d.title()),
                        new DocumentContent.Field("合同金额（小写）", yuan(d.amount())),
                        new DocumentContent.Field("合同金额（大写）", "人民币" + Amounts.capitals(d.amount())),
                        new DocumentContent.Field("履行期限", d.termMonths() + " 个月"),
                        new DocumentContent.Field("履约保证金", yuan(d.performanceBond())),
                        new DocumentContent.Field("签订日期", numeric(d.signedOn()))))
                .heading("一、付款进度")
                .table(List.of(DocumentContent.Column.center("期次", 1), DocumentContent.Column.left("节点", 4),
                        DocumentContent.Column.right("比例", 1.5f), DocumentContent.Column.right("金额", 2.5f)), rows, null)
                .paragraph("甲方在每期验收合格后" + d.paymentTermDays() + "日内付款；逾期付款的，按每日"
                        + PaymentTerms.percent(d.lateInterestDailyRate()) + "向乙方支付逾期利息（保障中小企业款项支付条例第九条、第十七条）。")
                .heading("二、履约与验收")
                .paragraph("乙方不得将服务整体转包（102号令第二十六条）。每期服务由甲方组织验收，服务对象参与验收，验收结果向社会公告（条例第四十五条）。"
                        + "履约保证金不超过合同金额的百分之十（条例第四十八条）。")
                .heading("三、其他约定")
                .paragraph(d.otherTerms())
                .signature("甲方", d.purchaser(), true)
                .signature("甲方代表", d.purchaserSignatory(), false)
                .signature("乙方", d.provider(), true)
                .issuedOn(d.issuedOn())
                .build();
    }
}

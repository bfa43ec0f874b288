package cn.shequ.procurement.bidding;

import static cn.shequ.document.Amounts.yuan;
import static cn.shequ.document.ChineseDates.numeric;

import cn.shequ.document.DocumentContent;
import cn.shequ.document.DocumentType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** 采购公告: the call for bids of a purchase of services, with its budget, method and bid deadline. */
public final class ProcurementNotice {

    public static final DocumentType TYPE = DocumentType.PROCUREMENT_NOTICE;

    /**
     * @param purchaser the purchasing body, e.g. 金霞街道办事处
     * @param round     1 for the first notice, 2 … for a re-tender
     */
    public record Data(String purchaser, String procurementCode, String title, String category, BigDecimal budget,
                       String method, String methodRule, int termMonths, BigDecimal priceWeight, BigDecimal bidDeposit, int round,
                       LocalDate publishedOn, LocalDateTime bidDeadline, String minimumPeriod, String contact,
                       LocalDate issuedOn) {}

    private ProcurementNotice() {}

    public static DocumentContent content(Data d) {
        return DocumentContent.builder(d.purchaser(), TYPE.chineseName())
                .subtitle(d.round() > 1 ? "（第" + d.round() + "次公告）" : "")
                .party("采购项目编号", d.procurementCode())
                .party("采购人", d.purchaser())
                .fields(List.of(
                        new DocumentContent.Field("项目名称", d.title()),
                        new DocumentContent.Field("服务类别", d.category()),
                        new DocumentContent.Field("采购预算", yuan(d.budget())),
                        new DocumentContent.Field("采购方式", d.method()),
                        new DocumentContent.Field("合同履行期限", d.termMonths() + " 个月"),
                        new DocumentContent.Field("价格分权重", d.priceWeight().stripTrailingZeros().toPlainString() + "%"),
                        new DocumentContent.Field("投标保证金", d.bidDeposit() == null ? "不收取" : yuan(d.bidDeposit())),
                        new DocumentContent.Field("公告日期", numeric(d.publishedOn())),
                        new DocumentContent.Field("投标截止时间", d.bidDeadline().format(DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")))))
                .heading("一、供应商资格要求")
                .paragraph("依法登记、经认证且在有效期内、服务范围包含本类别的承接主体（102号令第六至八条；采购法第二十二条）。"
                        + "投标报价不得超过采购预算（87号令第六十三条）；每个承接主体只能提交一份投标文件，截止时间前可以修改，逾期不予接收。")
                .heading("二、采购方式与期限")
                .paragraph(d.methodRule() + "。自公告发布之日起至投标截止之日止不少于 " + d.minimumPeriod() + "。"
                        + "合格投标不足法定家数的，采购失败，重新组织采购（采购法第三十六条）。")
                .heading("三、联系方式")
                .paragraph(d.contact())
                .signature("采购人", d.purchaser(), true)
                .issuedOn(d.issuedOn())
                .build();
    }
}

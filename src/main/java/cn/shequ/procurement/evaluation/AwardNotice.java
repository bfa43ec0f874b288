package cn.shequ.procurement.evaluation;

import static cn.shequ.document.Amounts.yuan;
import static cn.shequ.document.ChineseDates.numeric;

import cn.shequ.document.DocumentContent;
import cn.shequ.document.DocumentType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 中标（成交）公告: who won, at what price, every bidder's scores and the committee's names
 * (87号令 art. 69), and the challenge period (采购法 art. 52).
 */
public final class AwardNotice {

    public static final DocumentType TYPE = DocumentType.AWARD_NOTICE;

    /** One ranked bid as published. */
    public record Line(int rank, String provider, BigDecimal price, BigDecimal priceScore, BigDecimal technicalScore,
                       BigDecimal total) {}

    public record Data(String purchaser, String procurementCode, String title, String method, BigDecimal budget,
                       String winner, BigDecimal price, List<Line> ranking, List<String> committee,
                       LocalDate challengeUntil, String remark, LocalDate issuedOn) {}

    private AwardNotice() {}

    public static DocumentContent content(Data d) {
        List<List<String>> rows = d.ranking().stream().map(l -> List.of(Integer.toString(l.rank()), l.provider(),
                yuan(l.price()), l.priceScore().toPlainString(), l.technicalScore().toPlainString(),
                l.total().toPlainString())).toList();
        return DocumentContent.builder(d.purchaser(), TYPE.chineseName())
                .party("采购项目编号", d.procurementCode())
                .party("采购人", d.purchaser())
                .fields(List.of(
                        new DocumentContent.Field("项目名称", d.title()),
                        new DocumentContent.Field("采购方式", d.method()),
                        new DocumentContent.Field("采购预算", yuan(d.budget())),
                        new DocumentContent.Field("中标（成交）供应商", d.winner()),
                        new DocumentContent.Field("中标（成交）金额", yuan(d.price()))))
                .heading("一、评审结果（综合评分法，87号令第五十五条）")
                .table(List.of(DocumentContent.Column.center("排名", 1), DocumentContent.Column.left("投标人", 4),
                        DocumentContent.Column.right("报价", 2.5f), DocumentContent.Column.right("价格分", 1.5f),
                        DocumentContent.Column.right("技术分", 1.5f), DocumentContent.Column.right("综合得分", 1.5f)),
                        rows, null)
                .heading("二、评审委员会成员")
                .paragraph(String.join("、", d.committee()))
                .heading("三、质疑")
                .paragraph("投标人认为中标（成交）结果使自己的权益受到损害的，可以在 " + numeric(d.challengeUntil())
                        + " 前（结果公告期限一个工作日届满之日起七个工作日内）以书面形式向采购人提出质疑（采购法第五十二条；条例第五十三条第三项；87号令第六十九条），采购人在收到质疑后七个工作日内答复（采购法第五十三条）。")
                .heading("四、其他事项")
                .paragraph(d.remark())
                .signature("采购人", d.purchaser(), true)
                .issuedOn(d.issuedOn())
                .build();
    }
}

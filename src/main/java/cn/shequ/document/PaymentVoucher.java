package cn.shequ.document;

import static cn.shequ.document.Amounts.yuan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** 拨付凭证: one milestone payment out of a fund, with the amount in figures and in capitals. */
public final class PaymentVoucher {

    public static final DocumentType TYPE = DocumentType.PAYMENT_VOUCHER;

    /**
     * @param issuer     the paying finance office, e.g. 龙湖区财政局
     * @param ledgerSeq  the fund ledger entry that moved the money
     * @param approvedBy who approved the payment; {@code paidBy} who executed it
     * @param remark     附注: the acceptance this payment rests on, or anything the payee should know
     */
    public record Data(String issuer, String subjectCode, String projectTitle, String payee, String fundCode,
                       String fundName, int milestoneSeq, String milestoneName, BigDecimal amount, long ledgerSeq,
                       LocalDateTime paidAt, String approvedBy, String paidBy, String remark, LocalDate issuedOn) {}

    private PaymentVoucher() {}

    public static DocumentContent content(Data d) {
        return DocumentContent.builder(d.issuer(), TYPE.chineseName())
                .party("项目编号", d.subjectCode())
                .party("收款单位", d.payee())
                .fields(List.of(
                        new DocumentContent.Field("项目名称", d.projectTitle()),
                        new DocumentContent.Field("资金来源", d.fundName() + "（" + d.fundCode() + "）"),
                        new DocumentContent.Field("拨付节点", "第" + d.milestoneSeq() + "期：" + d.milestoneName()),
                        new DocumentContent.Field("拨付金额（小写）", yuan(d.amount())),
                        new DocumentContent.Field("拨付金额（大写）", "人民币" + Amounts.capitals(d.amount())),
                        new DocumentContent.Field("资金台账序号", Long.toString(d.ledgerSeq())),
                        new DocumentContent.Field("拨付时间", d.paidAt().format(DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")))))
                .heading("附注")
                .paragraph(d.remark())
                .signature("审批人", d.approvedBy(), false)
                .signature("经办人", d.paidBy(), false)
                .signature("拨付单位", d.issuer(), true)
                .issuedOn(d.issuedOn())
                .build();
    }
}

package cn.shequ.document;

import static cn.shequ.document.Amounts.yuan;
import static cn.shequ.document.ChineseDates.numeric;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 审批意见书: one review of a project (街道审核, 区民政局审批) with its decision and reasons. */
public final class ReviewOpinion {

    public static final DocumentType TYPE = DocumentType.REVIEW_OPINION;

    public enum Decision {
        APPROVED("同意"), REJECTED("不同意"), RETURNED("退回修改");

        private final String text;

        Decision(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * @param issuer   the reviewing body, e.g. 金霞街道办事处
     * @param stage    e.g. 街道审核
     * @param reviewer who decided (审核人)
     */
    public record Data(String issuer, String projectCode, String projectTitle, String applicant, BigDecimal amount,
                       String stage, Decision decision, String opinion, String reviewer, LocalDate reviewedOn,
                       LocalDate issuedOn) {}

    private ReviewOpinion() {}

    public static DocumentContent content(Data d) {
        return DocumentContent.builder(d.issuer(), TYPE.chineseName())
                .subtitle(d.stage())
                .party("项目编号", d.projectCode())
                .party("申报单位", d.applicant())
                .fields(List.of(
                        new DocumentContent.Field("项目名称", d.projectTitle()),
                        new DocumentContent.Field("申请金额", yuan(d.amount())),
                        new DocumentContent.Field("审批环节", d.stage()),
                        new DocumentContent.Field("审批结论", d.decision().text()),
                        new DocumentContent.Field("审批日期", numeric(d.reviewedOn()))))
                .heading("审批意见")
                .paragraph(d.opinion())
                .signature("审批单位", d.issuer(), true)
                .signature("审核人", d.reviewer(), false)
                .issuedOn(d.issuedOn())
                .build();
    }
}

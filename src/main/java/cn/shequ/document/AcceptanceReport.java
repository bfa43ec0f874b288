package cn.shequ.document;

import static cn.shequ.document.ChineseDates.numeric;

import java.time.LocalDate;
import java.util.List;

/** 验收报告: the acceptance of a milestone or of the whole project, with residents' satisfaction. */
public final class AcceptanceReport {

    public static final DocumentType TYPE = DocumentType.ACCEPTANCE_REPORT;

    /**
     * @param scope        what was accepted, e.g. 第1期：场地改造 or 项目整体
     * @param implementer  who delivered the service (承接主体 or the committee itself)
     * @param respondents  residents asked about the service; {@code satisfied} of them satisfied
     * @param passed       合格 or not
     */
    public record Data(String issuer, String projectCode, String projectTitle, String scope, String implementer,
                       LocalDate acceptedOn, String summary, String evidence, int servedParticipants, int respondents,
                       int satisfied, boolean passed, String opinion, List<String> acceptors, LocalDate issuedOn) {}

    private AcceptanceReport() {}

    public static DocumentContent content(Data d) {
        DocumentContent.Builder b = DocumentContent.builder(d.issuer(), TYPE.chineseName())
                .subtitle(d.projectTitle())
                .party("项目编号", d.projectCode())
                .party("承接主体", d.implementer())
                .fields(List.of(
                        new DocumentContent.Field("验收范围", d.scope()),
                        new DocumentContent.Field("验收日期", numeric(d.acceptedOn())),
                        new DocumentContent.Field("服务人次", Integer.toString(d.servedParticipants())),
                        new DocumentContent.Field("满意度调查", "调查 " + d.respondents() + " 人，满意 " + d.satisfied()
                                + " 人，满意率 " + MeetingResolution.percent(d.satisfied(), d.respondents())),
                        new DocumentContent.Field("验收结论", d.passed() ? "合格" : "不合格")))
                .heading("一、完成情况")
                .paragraph(d.summary())
                .heading("二、佐证材料")
                .paragraph(d.evidence())
                .heading("三、验收意见")
                .paragraph(d.opinion());
        b.signature("验收单位", d.issuer(), true);
        for (String acceptor : d.acceptors()) {
            b.signature("验收人", acceptor, false);
        }
        return b.issuedOn(d.issuedOn()).build();
    }
}

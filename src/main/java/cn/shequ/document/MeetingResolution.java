package cn.shequ.document;

import static cn.shequ.document.ChineseDates.numeric;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 居民会议决议: the residents' (representatives') meeting on a project, with its tallies, whether
 * the quorum was met and whether the proposal passed (居委会法 art. 9). The outcome is decided by
 * the meeting rules elsewhere; this only prints it.
 */
public final class MeetingResolution {

    public static final DocumentType TYPE = DocumentType.MEETING_RESOLUTION;

    /**
     * @param meetingKind 居民会议 or 居民代表会议
     * @param mode        who attended, e.g. 户代表
     * @param quorumRule  the rule applied, e.g. 出席人数超过应到人数的一半
     * @param passingRule e.g. 同意票超过出席人数的一半
     */
    public record Data(String issuer, String projectCode, String projectTitle, String meetingKind, String mode,
                       LocalDate heldOn, int eligible, int present, int yes, int no, int abstentions,
                       String quorumRule, boolean quorumMet, String passingRule, boolean passed, String minutes,
                       String recorder, LocalDate issuedOn) {}

    private MeetingResolution() {}

    public static DocumentContent content(Data d) {
        String result = !d.quorumMet() ? "出席人数未达法定人数，会议不能作出决定。"
                : d.passed() ? "会议有效，决议通过。" : "会议有效，决议未通过。";
        return DocumentContent.builder(d.issuer(), TYPE.chineseName())
                .subtitle("关于" + d.projectTitle() + "的决议")
                .party("项目编号", d.projectCode())
                .party("会议类型", d.meetingKind() + "（" + d.mode() + "）")
                .party("会议日期", numeric(d.heldOn()))
                .heading("一、表决情况")
                .table(List.of(DocumentContent.Column.center("应到人数", 1), DocumentContent.Column.center("实到人数", 1),
                                DocumentContent.Column.center("出席率", 1), DocumentContent.Column.center("同意", 1),
                                DocumentContent.Column.center("反对", 1), DocumentContent.Column.center("弃权", 1),
                                DocumentContent.Column.center("同意率", 1)),
                        List.of(List.of(Integer.toString(d.eligible()), Integer.toString(d.present()),
                                percent(d.present(), d.eligible()), Integer.toString(d.yes()), Integer.toString(d.no()),
                                Integer.toString(d.abstentions()), percent(d.yes(), d.present()))),
                        List.of())
                .heading("二、法定人数与表决结果")
                .fields(List.of(
                        new DocumentContent.Field("法定人数", d.quorumRule() + "：" + (d.quorumMet() ? "已达到" : "未达到")),
                        new DocumentContent.Field("通过条件", d.passingRule() + "：" + (d.passed() ? "已满足" : "未满足")),
                        new DocumentContent.Field("表决结果", result)))
                .heading("三、会议纪要")
                .paragraph(d.minutes())
                .signature("会议召集", d.issuer(), true)
                .signature("记录人", d.recorder(), false)
                .issuedOn(d.issuedOn())
                .build();
    }

    static String percent(int part, int whole) {
        return Amounts.percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }
}

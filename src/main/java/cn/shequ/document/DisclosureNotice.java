package cn.shequ.document;

import static cn.shequ.document.ChineseDates.numeric;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** 居务公开表: what the committee publishes about a project — decision, money in and out — and how to object. */
public final class DisclosureNotice {

    public static final DocumentType TYPE = DocumentType.DISCLOSURE_NOTICE;

    /** One line of income or spending: what, when, how much. */
    public record Entry(String item, LocalDate on, BigDecimal amount) {}

    /**
     * @param kind    e.g. 立项公示 or 结项公示
     * @param facts   what is disclosed besides money (会议决定, 实施情况…), label and text
     * @param contact where residents may ask or object (监督电话, 意见箱)
     */
    public record Data(String issuer, String projectCode, String projectTitle, String kind, LocalDate from, LocalDate to,
                       List<DocumentContent.Field> facts, List<Entry> entries, String contact, LocalDate issuedOn) {}

    private DisclosureNotice() {}

    public static DocumentContent content(Data d) {
        List<List<String>> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Entry e : d.entries()) {
            rows.add(List.of(e.item(), numeric(e.on()), Amounts.format(e.amount())));
            total = total.add(e.amount());
        }
        return DocumentContent.builder(d.issuer(), TYPE.chineseName())
                .subtitle(d.projectTitle() + " " + d.kind())
                .party("项目编号", d.projectCode())
                .party("公示期", numeric(d.from()) + "至" + numeric(d.to()))
                .heading("一、公开事项")
                .fields(d.facts())
                .heading("二、资金收支")
                .table(List.of(DocumentContent.Column.left("事项", 5), DocumentContent.Column.center("日期", 2),
                        DocumentContent.Column.right("金额（元）", 2)), rows, List.of("合计", "", Amounts.format(total)))
                .heading("三、监督方式")
                .paragraph("公示期内，居民对上述事项有异议的，可通过以下方式反映：" + d.contact())
                .signature("公开单位", d.issuer(), true)
                .issuedOn(d.issuedOn())
                .build();
    }
}

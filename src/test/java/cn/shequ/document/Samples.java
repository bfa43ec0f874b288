package cn.shequ.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import cn.shequ.procurement.evaluation.AwardNotice;
import cn.shequ.procurement.bidding.ProcurementNotice;
import cn.shequ.procurement.contract.PurchaseContract;

/** One filled-in document of each type, as the processes will issue them, with what must be readable in it. */
final class Samples {

    static final LocalDate ISSUED = LocalDate.of(2026, 11, 27);
    static final String PROJECT = "SP-2026-0007";
    static final String END = "（正文完）";

    /**
     * @param expected texts text extraction must find: title, subject code, amounts, names
     * @param freeText the sample's longest free text, which the long variant makes run over a page
     */
    record Sample(DocumentType type, DocumentContent content, List<String> expected, String freeText, String project) {

        Sample(DocumentType type, DocumentContent content, List<String> expected, String freeText) {
            this(type, content, expected, freeText, expected.get(1));
        }

        DocumentHeader header() {
            return DocumentHeader.first(type, number(), project);
        }

        String number() {
            return "东湖居〔2026〕" + (type.ordinal() + 3) + "号";
        }
    }

    private Samples() {}

    /** A description of {@code sentences} sentences mixing Chinese, Latin words and numbers, ending in {@link #END}. */
    static String text(int sentences) {
        StringBuilder out = new StringBuilder();
        String[] parts = {
            "项目面向辖区内65周岁以上的独居、空巢老人，提供每日午餐配送（meal delivery）与每周两次的健康随访。",
            "服务点设在东湖社区党群服务中心一楼，面积约120平方米，配备冷藏柜2台、保温箱30个。",
            "志愿者队伍由社区居民、辖区单位职工组成，实行“一对一”结对，服务记录按月汇总公示。",
            "资金按里程碑拨付，第1期用于场地改造，第2期用于运营，结余资金按规定退回原渠道。"
        };
        for (int i = 0; i < sentences; i++) {
            out.append(parts[i % parts.length]);
        }
        return out.append(END).toString();
    }

    static List<Sample> all(int sentences) {
        List<Sample> samples = new ArrayList<>();
        for (DocumentType type : DocumentType.values()) {
            samples.add(of(type, sentences));
        }
        return samples;
    }

    static Sample of(DocumentType type, int sentences) {
        return of(type, sentences, PROJECT);
    }

    /** The sample of {@code type} for project {@code PROJECT}: its code is in the content and in {@code expected}. */
    static Sample of(DocumentType type, int sentences, String project) {
        String free = text(sentences);
        return switch (type) {
            case PROJECT_REPORT -> new Sample(type, ProjectReport.content(new ProjectReport.Data("东湖社区居民委员会", project,
                    "东湖社区老年助餐服务项目", "居家养老", "东湖社区", "辖区65周岁以上独居老人约120人", free,
                    new BigDecimal("50000.00"), "2026年市级社区服务资金（F2026-CITY）", "社区自办",
                    LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31),
                    List.of(new ProjectReport.BudgetItem("场地改造", new BigDecimal("18000.00")),
                            new ProjectReport.BudgetItem("餐食补贴", new BigDecimal("26500.00")),
                            new ProjectReport.BudgetItem("志愿者保险", new BigDecimal("5500.00"))),
                    "张丽", ISSUED)),
                    List.of("项目报告书", project, "50,000.00", "18,000.00", "26,500.00", "伍万元整", "张丽", "东湖社区居民委员会",
                            "二〇二六年十一月二十七日"), free);
            case MEETING_RESOLUTION -> new Sample(type, MeetingResolution.content(new MeetingResolution.Data("东湖社区居民委员会",
                    project, "东湖社区老年助餐服务项目", "居民会议", "户代表", LocalDate.of(2026, 2, 10), 240, 131, 98, 20, 13,
                    "出席人数超过应到人数的一半", true, "同意票超过出席人数的一半", true, free, "王芳", ISSUED)),
                    List.of("居民会议决议", project, "240", "131", "98", "74.8%", "决议通过", "王芳"), free);
            case REVIEW_OPINION -> new Sample(type, ReviewOpinion.content(new ReviewOpinion.Data("金霞街道办事处", project,
                    "东湖社区老年助餐服务项目", "东湖社区居民委员会", new BigDecimal("50000.00"), "街道审核",
                    ReviewOpinion.Decision.APPROVED, free, "刘强", LocalDate.of(2026, 2, 20), ISSUED)),
                    List.of("审批意见书", project, "¥50,000.00", "同意", "刘强", "金霞街道办事处"), free);
            case PAYMENT_VOUCHER -> new Sample(type, PaymentVoucher.content(new PaymentVoucher.Data("龙湖区财政局", project,
                    "东湖社区老年助餐服务项目", "东湖社区居民委员会", "F2026-CITY", "2026年市级社区服务资金", 1, "场地改造",
                    new BigDecimal("18000.00"), 42, LocalDateTime.of(2026, 4, 2, 10, 15), "finance1 赵敏", "finance2 钱进",
                    free, ISSUED)),
                    List.of("拨付凭证", project, "¥18,000.00", "人民币壹万捌仟元整", "F2026-CITY", "赵敏", "钱进"), free);
            case ACCEPTANCE_REPORT -> new Sample(type, AcceptanceReport.content(new AcceptanceReport.Data("金霞街道办事处",
                    project, "东湖社区老年助餐服务项目", "项目整体", "东湖社区居民委员会", LocalDate.of(2026, 12, 20), free,
                    "服务签到表、照片、满意度问卷共3份", 2860, 80, 72, true, "同意通过验收。", List.of("刘强", "陈伟"), ISSUED)),
                    List.of("验收报告", project, "2860", "满意 72 人", "90.0%", "合格", "刘强", "陈伟"), free);
            case PERFORMANCE_REPORT -> new Sample(type, PerformanceReport.content(new PerformanceReport.Data("龙湖区民政局",
                    project, "东湖社区老年助餐服务项目", "东湖社区居民委员会", new BigDecimal("50000.00"),
                    new BigDecimal("48750.00"),
                    List.of(new PerformanceReport.Indicator("产出数量", new BigDecimal("30"), new BigDecimal("28"), "服务2860人次"),
                            new PerformanceReport.Indicator("服务质量", new BigDecimal("30"), new BigDecimal("27"), ""),
                            new PerformanceReport.Indicator("居民满意度", new BigDecimal("40"), new BigDecimal("36"), "满意率90%")),
                    new BigDecimal("91"), "优秀", 80, 72, free, "civil1 孙红", ISSUED)),
                    List.of("绩效评价报告", project, "¥48,750.00", "97.5%", "91", "优秀", "孙红"), free);
            case DISCLOSURE_NOTICE -> new Sample(type, DisclosureNotice.content(new DisclosureNotice.Data("东湖社区居民委员会",
                    project, "东湖社区老年助餐服务项目", "结项公示", LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 31),
                    List.of(new DocumentContent.Field("会议决定", "2026年2月10日居民会议表决通过"),
                            new DocumentContent.Field("实施情况", free)),
                    List.of(new DisclosureNotice.Entry("第1期拨付：场地改造", LocalDate.of(2026, 4, 2), new BigDecimal("18000.00")),
                            new DisclosureNotice.Entry("第2期拨付：运营", LocalDate.of(2026, 8, 3), new BigDecimal("30750.00"))),
                    "监督电话 0731-12345678，社区意见箱", ISSUED)),
                    List.of("居务公开表", project, "18,000.00", "30,750.00", "48,750.00", "0731-12345678"), free);
            case AUDIT_REPORT -> new Sample(type, AuditReport.content(new AuditReport.Data("龙湖区审计局", project,
                    "东湖社区老年助餐服务项目", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), free,
                    List.of(new AuditReport.Finding("第2期拨付晚于验收3个工作日", null, "程序瑕疵"),
                            new AuditReport.Finding("餐食补贴票据缺失", new BigDecimal("1250.00"), "需补正")),
                    "保留意见", "除上述事项外，项目资金使用符合规定。", List.of("auditor1 周静"), ISSUED)),
                    List.of("审计报告", project, "1,250.00", "保留意见", "周静", "龙湖区审计局"), free);
            case PROCUREMENT_NOTICE -> new Sample(type, ProcurementNotice.content(new ProcurementNotice.Data("金霞街道办事处",
                    project, "金霞街道居家养老上门服务", "居家养老", new BigDecimal("2400000.00"), "公开招标",
                    "采购法第二十六条", 12, new BigDecimal("30"), new BigDecimal("48000.00"), 2, LocalDate.of(2026, 6, 1),
                    LocalDateTime.of(2026, 6, 22, 9, 0), "20 日（采购法第三十五条）", free, ISSUED)),
                    List.of("采购公告", project, "¥2,400,000.00", "公开招标", "2026年6月22日 09:00", "第2次公告", "30%", "¥48,000.00"), free);
            case AWARD_NOTICE -> new Sample(type, AwardNotice.content(new AwardNotice.Data("金霞街道办事处", project,
                    "金霞街道居家养老上门服务", "公开招标", new BigDecimal("2400000.00"), "汕头市阳光居家养老服务有限公司",
                    new BigDecimal("2150000.00"),
                    List.of(new AwardNotice.Line(1, "汕头市阳光居家养老服务有限公司", new BigDecimal("2150000.00"),
                                    new BigDecimal("97.67"), new BigDecimal("88.40"), new BigDecimal("91.18")),
                            new AwardNotice.Line(2, "汕头市龙湖区东湖社会工作服务中心", new BigDecimal("2100000.00"),
                                    new BigDecimal("100.00"), new BigDecimal("80.20"), new BigDecimal("86.14"))),
                    List.of("评审专家1", "评审专家2", "评审专家3"), LocalDate.of(2026, 7, 10), free, ISSUED)),
                    List.of("中标（成交）公告", project, "¥2,150,000.00", "91.18", "86.14", "评审专家2"), free);
            case CONTRACT -> new Sample(type, PurchaseContract.content(new PurchaseContract.Data("金霞街道办事处",
                    "CT-2026-0001", project, "金霞街道居家养老上门服务", "汕头市阳光居家养老服务有限公司",
                    new BigDecimal("2150000.00"), 12, new BigDecimal("215000.00"),
                    List.of(new PurchaseContract.Milestone(1, "合同签订（预付款）", 30, new BigDecimal("645000.00")),
                            new PurchaseContract.Milestone(2, "中期评估", 40, new BigDecimal("860000.00")),
                            new PurchaseContract.Milestone(3, "终期验收", 30, new BigDecimal("645000.00"))),
                    30, new BigDecimal("0.0005"), LocalDate.of(2026, 7, 20), "刘强", free, ISSUED)),
                    List.of("政府购买服务合同", project, "CT-2026-0001", "¥2,150,000.00", "人民币贰佰壹拾伍万元整", "¥215,000.00",
                            "¥860,000.00"), free);
            case ANNUAL_REPORT -> new Sample(type, DocumentContent.builder("龙湖区民政局", "年度进展报告")
                    .subtitle("2026年度社区公共服务项目进展情况报告").party("项目", project).party("报送单位", "汕头市民政局")
                    .heading("一、项目情况").table(List.of(DocumentContent.Column.left("类别", 3), DocumentContent.Column.right("项目数", 1)),
                            java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(i -> List.of("居家养老 第" + i + "行", String.valueOf(i)))
                                    .toList(), List.of("合计", "78"))
                    .heading("六、工作情况说明").paragraph(free).signature("报告单位", "龙湖区民政局", true).issuedOn(ISSUED).build(),
                    List.of("年度进展报告", project, "汕头市民政局", "龙湖区民政局"), free);
        };
    }
}

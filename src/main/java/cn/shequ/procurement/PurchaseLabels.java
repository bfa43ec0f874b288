package cn.shequ.procurement;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The Chinese words the purchase pages (workbench and public) show for a purchase's codes: its
 * status, method, milestone status, grade, late-interest rate and a challenge's outcome, on the
 * purchaser's, the provider's and the expert's pages alike. Used from the templates as
 * {@code @purchaseLabels}; display only, never a rule.
 */
@Component("purchaseLabels")
public class PurchaseLabels {

    static final Map<String, String> STATUSES = Map.ofEntries(
            Map.entry("AWAITING_REQUIREMENT", "待确定采购需求"), Map.entry("AWAITING_METHOD_APPROVAL", "待财政审批采购方式"),
            Map.entry("AWAITING_NOTICE", "待发布采购公告"), Map.entry("BIDDING", "投标中"), Map.entry("FAILED", "投标不足，待决定"),
            Map.entry("AWAITING_COMMITTEE", "待组建评审委员会"), Map.entry("EVALUATING", "评审中"),
            Map.entry("CHALLENGE_PERIOD", "中标公告，质疑期内"), Map.entry("AWAITING_CONTRACT", "待签订合同"),
            Map.entry("AWAITING_CONTRACT_PUBLICATION", "待公告合同"), Map.entry("IN_DELIVERY", "合同履行中"),
            Map.entry("AWAITING_FINAL_EVALUATION", "待绩效评价"), Map.entry("COMPLETED", "已完成"),
            Map.entry("CANCELLED", "已终止"), Map.entry("REJECTED", "采购方式未获批准"));

    static final Map<String, String> MILESTONES = Map.of("PENDING", "未开始", "REPORTED", "已报告，待验收",
            "ACCEPTED", "已验收，待审批付款", "APPROVED", "已批准付款", "PAID", "已付款", "REJECTED", "验收未通过");

    static final Map<String, String> GRADES = Map.of("EXCELLENT", "优", "GOOD", "良", "FAIR", "中", "POOR", "差");

    public String status(String code) {
        return code == null ? "" : STATUSES.getOrDefault(code, code);
    }

    public String method(String code) {
        return code == null ? "" : ProcurementDocuments.method(code);
    }

    public String milestone(String code) {
        return code == null ? "" : MILESTONES.getOrDefault(code, code);
    }

    /** ¥2,200,000.00 for an amount the views give as text ("2200000.00"). */
    public String money(String amount) {
        if (amount == null || amount.isBlank()) {
            return "";
        }
        try {
            return new cn.shequ.pages.Labels().money(new java.math.BigDecimal(amount));
        } catch (NumberFormatException e) {
            return amount;
        }
    }

    /** "（暂定，待国务院公布2027年节假日安排后确定）" after a deadline counted on a provisional calendar, else "". */
    public String provisional(Boolean provisional, Object deadline) {
        if (!Boolean.TRUE.equals(provisional) || deadline == null) {
            return "";
        }
        String text = deadline.toString();
        return ProcurementDocuments.provisionalNote(java.time.LocalDate.parse(text.substring(0, 10)));
    }

    /** A daily late-interest rate as a fraction ("0.0005") as a percentage ("0.05%"). */
    public String dailyRate(String fraction) {
        return fraction == null ? "" : cn.shequ.fund.PaymentTerms.percent(new java.math.BigDecimal(fraction));
    }

    public String grade(String code) {
        return code == null ? "" : GRADES.getOrDefault(code, code);
    }
}

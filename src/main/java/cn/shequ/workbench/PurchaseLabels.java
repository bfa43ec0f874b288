package cn.shequ.workbench;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The Chinese words the provider's and expert's pages show for a purchase's codes
 * ({@code ${@purchaseLabels.status(p.status)}}): statuses, methods, grades.
 */
@Component("purchaseLabels")
public class PurchaseLabels {

    static final Map<String, String> STATUSES = Map.ofEntries(
            Map.entry("AWAITING_REQUIREMENT", "待明确需求"), Map.entry("AWAITING_METHOD_APPROVAL", "待财政审批采购方式"),
            Map.entry("AWAITING_NOTICE", "待发布公告"), Map.entry("BIDDING", "接受投标中"),
            Map.entry("FAILED", "有效投标不足"), Map.entry("AWAITING_COMMITTEE", "已开标，待组建评审委员会"),
            Map.entry("EVALUATING", "评审中"), Map.entry("CHALLENGE_PERIOD", "已公告中标结果，质疑期内"),
            Map.entry("AWAITING_CONTRACT", "待签订合同"), Map.entry("AWAITING_CONTRACT_PUBLICATION", "待公告合同"),
            Map.entry("IN_DELIVERY", "履约中"), Map.entry("AWAITING_FINAL_EVALUATION", "待绩效评价"),
            Map.entry("COMPLETED", "已完成"), Map.entry("CANCELLED", "已取消"), Map.entry("REJECTED", "采购方式未获批准"));

    static final Map<String, String> METHODS = Map.of("OPEN_TENDER", "公开招标", "INVITED_TENDER", "邀请招标",
            "COMPETITIVE_NEGOTIATION", "竞争性谈判", "COMPETITIVE_CONSULTATION", "竞争性磋商",
            "REQUEST_FOR_QUOTATION", "询价", "SINGLE_SOURCE", "单一来源采购", "SMALL_PURCHASE", "小额采购");

    static final Map<String, String> GRADES = Map.of("EXCELLENT", "优", "GOOD", "良", "FAIR", "中", "POOR", "差");

    public String status(String code) {
        return STATUSES.getOrDefault(code, code);
    }

    public String method(String code) {
        return code == null ? "" : METHODS.getOrDefault(code, code);
    }

    /** A money string of the API's views ("2200000.00") as the pages show money ("¥2,200,000.00"). */
    public String money(String amount) {
        if (amount == null || amount.isBlank()) {
            return "";
        }
        try {
            return new Labels().money(new java.math.BigDecimal(amount));
        } catch (NumberFormatException e) {
            return amount;
        }
    }

    /** A daily late-interest rate as a fraction ("0.0005") as a percentage ("0.05%"). */
    public String dailyRate(String fraction) {
        return fraction == null ? "" : cn.shequ.fund.PaymentTerms.percent(new java.math.BigDecimal(fraction));
    }

    public String grade(String code) {
        return code == null ? "" : GRADES.getOrDefault(code, code);
    }
}

package cn.shequ.procurement.evaluation;

import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.Groups;
import cn.shequ.procurement.Procurement;
import cn.shequ.rules.Decisions.ProcurementMethod;
import java.math.BigDecimal;
import java.util.Set;

/**
 * What the evaluation committee's size and make-up must be, by method and budget (87号令 art. 47; 采购法
 * arts. 38, 40; 74号令 art. 7; 财库〔2014〕214号 art. 14), and who represents the purchaser on it; the rule's
 * text for a refusal. No engine, no database: {@link Evaluation#appoint} checks a committee with these.
 */
final class CommitteeRules {

    private CommitteeRules() {}

    /** 87号令 art. 47: a budget of ¥10,000,000 or more needs a committee of at least 7. */
    static final BigDecimal SEVEN_MEMBER_BUDGET = new BigDecimal("10000000.00");
    /** The methods whose committee is a 评审小组 of at least 3, 5 once the amount reaches the open-tender threshold. */
    static final Set<String> PANEL_METHODS = Set.of(ProcurementMethod.METHOD_COMPETITIVE_NEGOTIATION,
            ProcurementMethod.METHOD_COMPETITIVE_CONSULTATION, ProcurementMethod.METHOD_SMALL_PURCHASE);

    /**
     * The fewest members: for an open tender 5, or 7 when the budget is ¥10,000,000 or more (87号令 art. 47);
     * for a negotiation, consultation or small purchase 3 (采购法 arts. 38, 40; 财库〔2014〕214号 art. 14), or
     * 5 when its amount reaches the open-tender threshold (74号令 art. 7; 财库〔2014〕214号 art. 14).
     * {@code reachesOpenTenderThreshold}: what the procurement-method table says of the amount.
     */
    static int minimumMembers(String method, BigDecimal budget, boolean reachesOpenTenderThreshold) {
        if (ProcurementMethod.METHOD_OPEN_TENDER.equals(method)) {
            return budget.compareTo(SEVEN_MEMBER_BUDGET) >= 0 ? 7 : 5;
        }
        return PANEL_METHODS.contains(method) && reachesOpenTenderThreshold ? 5 : 3;
    }

    static String minimumRule(String method, int minimum) {
        if (ProcurementMethod.METHOD_OPEN_TENDER.equals(method)) {
            return minimum == 7 ? "采购预算金额在1000万元以上的，评标委员会须为 7 人以上单数（87号令第四十七条）"
                    : "公开招标的评标委员会须至少 5 人（87号令第四十七条）";
        }
        return minimum == 5 ? "达到公开招标数额标准的项目，评审小组须为 5 人以上单数（74号令第七条；财库〔2014〕214号第十四条）"
                : "评审小组须至少 3 人（采购法第三十八、四十条）";
    }

    /** A representative of the purchaser: staff of its street office, or of its district's civil affairs bureau. */
    static boolean representsPurchaser(Procurement p, CurrentUser member) {
        return p.purchaserStreet() != null
                ? member.isIn(Groups.STREET_OFFICE) && p.purchaserStreet().equals(member.streetCode())
                : member.isIn(Groups.CIVIL_AFFAIRS) && p.purchaserDistrict() != null
                        && p.purchaserDistrict().equals(member.districtCode());
    }

    static String purchaserName(Procurement p) {
        return p.purchaserStreet() != null ? "街道 " + p.purchaserStreet() : "区 " + p.purchaserDistrict() + " 民政局";
    }
}

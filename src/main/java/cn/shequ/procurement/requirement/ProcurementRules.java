package cn.shequ.procurement.requirement;

import cn.shequ.fund.Money;
import cn.shequ.rules.Decisions.ProcurementMethod;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a purchase requirement must hold before anything is reserved or started: a title, a
 * category, an amount by the money rules, a fund, a term of at most 12 months or up to 36 with a
 * reason (102号令 art. 24), a price weight of 10–30% (87号令 art. 55), and a reason for the two
 * exceptional methods (采购法 arts. 27, 30, 31). Returns the problems by field; no engine, no
 * database (category, fund and project are checked by the caller against the tables).
 */
public final class ProcurementRules {

    static final int TITLE_MAX = 100;
    static final int REASON_MAX = 1000;
    /** 102号令 art. 24: a contract runs at most one year, up to three with a reason. */
    static final int TERM_PLAIN_MAX = 12;
    static final int TERM_MAX = 36;
    /** 87号令 art. 55: for services the price is 10% to 30% of the score. */
    static final BigDecimal PRICE_WEIGHT_MIN = BigDecimal.TEN;
    static final BigDecimal PRICE_WEIGHT_MAX = BigDecimal.valueOf(30);

    static final Set<String> METHODS = Set.of(ProcurementMethod.METHOD_SMALL_PURCHASE,
            ProcurementMethod.METHOD_COMPETITIVE_CONSULTATION, ProcurementMethod.METHOD_OPEN_TENDER,
            ProcurementMethod.METHOD_SINGLE_SOURCE, ProcurementMethod.METHOD_COMPETITIVE_NEGOTIATION);
    /** Methods only with a stated reason and finance approval (采购法 art. 27). */
    static final Set<String> EXCEPTIONAL = Set.of(ProcurementMethod.METHOD_SINGLE_SOURCE,
            ProcurementMethod.METHOD_COMPETITIVE_NEGOTIATION);

    private ProcurementRules() {}

    public static Map<String, String> problems(ProcurementRequest r) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (blank(r.title())) {
            problems.put("title", "采购项目名称必填 / required");
        } else if (r.title().trim().length() > TITLE_MAX) {
            problems.put("title", "采购项目名称最多 " + TITLE_MAX + " 字 / at most " + TITLE_MAX + " characters");
        }
        if (blank(r.category())) {
            problems.put("category", "服务类别必填（须为政府购买服务指导性目录内的服务，102号令第十条）/ required");
        }
        String amount = Money.problem(r.amount());
        if (amount != null) {
            problems.put("amount", amount);
        }
        if (blank(r.fundCode())) {
            problems.put("fundCode", "资金必填：先有预算后购买（102号令第十四条）/ required: budget first");
        }
        term(problems, r.termMonths(), r.termReason());
        priceWeight(problems, r.priceWeight());
        method(problems, r.method(), r.methodReason());
        return problems;
    }

    private static void term(Map<String, String> problems, Integer months, String reason) {
        if (months == null) {
            problems.put("termMonths", "合同履行期限（月）必填 / required");
        } else if (months < 1 || months > TERM_MAX) {
            problems.put("termMonths", "合同履行期限须为 1 到 36 个月：一般不超过 1 年，确有必要的不超过 3 年（102号令第二十四条）"
                    + " / the term is 1 to 36 months (102号令 art. 24)");
        } else if (months > TERM_PLAIN_MAX && blank(reason)) {
            problems.put("termReason", "履行期限超过 12 个月须说明理由：购买内容相对固定、连续性强、经费来源稳定（102号令第二十四条）"
                    + " / a term over 12 months needs a reason (102号令 art. 24)");
        }
        if (!blank(reason) && reason.trim().length() > REASON_MAX) {
            problems.put("termReason", "理由最多 " + REASON_MAX + " 字 / at most " + REASON_MAX + " characters");
        }
    }

    private static void priceWeight(Map<String, String> problems, BigDecimal weight) {
        if (weight == null) {
            problems.put("priceWeight", "价格分权重（%）必填 / required");
        } else if (weight.compareTo(PRICE_WEIGHT_MIN) < 0 || weight.compareTo(PRICE_WEIGHT_MAX) > 0
                || weight.stripTrailingZeros().scale() > 2) {
            problems.put("priceWeight", "服务项目的价格分值占总分值的比重须在 10% 到 30% 之间（87号令第五十五条），以百分数填写，如 30"
                    + " / the price weight of a service is 10 to 30 percent (87号令 art. 55)");
        }
    }

    private static void method(Map<String, String> problems, String method, String reason) {
        if (!blank(method) && !METHODS.contains(method)) {
            problems.put("method", "采购方式须为 " + String.join("、", METHODS.stream().sorted().toList())
                    + " 之一 / unknown method: " + method);
        } else if (!blank(method) && EXCEPTIONAL.contains(method) && blank(reason)) {
            problems.put("methodReason", "采用单一来源或竞争性谈判须说明理由并经财政部门批准（采购法第二十七、三十、三十一条）"
                    + " / " + method + " needs a stated reason and finance approval (采购法 art. 27)");
        }
        if (!blank(reason) && reason.trim().length() > REASON_MAX) {
            problems.put("methodReason", "理由最多 " + REASON_MAX + " 字 / at most " + REASON_MAX + " characters");
        }
    }

    public static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

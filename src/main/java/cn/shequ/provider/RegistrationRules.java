package cn.shequ.provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who may register as a provider, checked before anything is written: every problem is named by
 * its field and its rule. No Spring, no database: the category catalogue is handed in.
 */
final class RegistrationRules {

    static final int NAME_MAX = 128;

    private RegistrationRules() {}

    /** A registration as it will be stored: trimmed name, upper-case credit code, categories in order without repeats. */
    record Cleaned(String name, LegalType type, String creditCode, List<String> categories) {}

    /** The problems of {@code r}, by field; empty when it may be registered. */
    static Map<String, String> problems(ProviderRegistration r, Set<String> catalogue) {
        Map<String, String> problems = new LinkedHashMap<>();
        String name = r.name() == null ? "" : r.name().trim();
        if (name.isEmpty()) {
            problems.put("name", "名称必填 / required");
        } else if (name.length() > NAME_MAX) {
            problems.put("name", "名称最多 " + NAME_MAX + " 字 / at most " + NAME_MAX + " characters");
        }
        if (r.type() == null || r.type().isBlank()) {
            problems.put("type", "主体类型必填 / required: " + LegalType.allowedNames());
        } else {
            LegalType.of(r.type().trim()).ifPresentOrElse(type -> {
                if (!type.allowed()) {
                    problems.put("type", type.refusal());
                }
            }, () -> problems.put("type", "未知的主体类型，政府购买服务管理办法第六条允许 / unknown legal type; 102号令 art. 6 allows: "
                    + LegalType.allowedNames()));
        }
        String creditProblem = CreditCode.problem(creditCode(r.creditCode()));
        if (creditProblem != null) {
            problems.put("creditCode", creditProblem);
        }
        if (r.categories() == null || r.categories().isEmpty()) {
            problems.put("categories", "至少选择一个服务类别 / at least one service category");
        } else {
            List<String> unknown = new ArrayList<>();
            for (String category : r.categories()) {
                if (category == null || !catalogue.contains(category.trim())) {
                    unknown.add(String.valueOf(category));
                }
            }
            if (!unknown.isEmpty()) {
                problems.put("categories", "不在服务类别目录中 / not in the service-category catalogue: " + String.join(", ", unknown));
            }
        }
        if (Boolean.TRUE.equals(r.seriousViolationInLast3Years())) {
            problems.put("seriousViolationInLast3Years", "参加政府采购活动前三年内在经营活动中有重大违法记录的，不得作为承接主体"
                    + "（政府采购法第二十二条、政府购买服务管理办法第八条） / a serious violation in the last three years "
                    + "excludes a provider (采购法 art. 22; 102号令 art. 8)");
        }
        if (Boolean.TRUE.equals(r.dishonestListed())) {
            problems.put("dishonestListed", "被列入经营异常名录或严重违法失信名单的，不得作为承接主体（政府购买服务管理办法第八条） / "
                    + "a provider on the abnormal-operations or seriously-dishonest list is excluded (102号令 art. 8)");
        }
        return problems;
    }

    /** The registration as stored; call only when {@link #problems} is empty. */
    static Cleaned clean(ProviderRegistration r) {
        Set<String> categories = new LinkedHashSet<>();
        r.categories().forEach(c -> categories.add(c.trim()));
        return new Cleaned(r.name().trim(), LegalType.of(r.type().trim()).orElseThrow(), creditCode(r.creditCode()),
                List.copyOf(categories));
    }

    /** Credit codes are written in capitals (GB 32100-2015); spaces around it are not part of it. */
    static String creditCode(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }
}

package cn.shequ.auditor.anomaly;

import cn.shequ.fund.Money;
import cn.shequ.rules.Decisions.ProcurementMethod;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Purchases split below a threshold (化整为零): purchases of one category by one purchaser in one fiscal
 * year count together; when their total calls for a stricter method (procurement-method DMN, the same
 * table the purchase process uses) than one of them was bought by, that purchase is a finding. Single
 * source and competitive negotiation are approved exceptions with a stated reason and are not ranked.
 * Waits for {@link PurchaseRecords}.
 */
@Component
class SplitPurchase extends PurchaseRecordRule {

    private static final List<String> STRICTNESS = List.of(ProcurementMethod.METHOD_SMALL_PURCHASE,
            ProcurementMethod.METHOD_COMPETITIVE_CONSULTATION, ProcurementMethod.METHOD_OPEN_TENDER);

    private final ProcurementMethodTable methods;

    SplitPurchase(ObjectProvider<PurchaseRecords> records, ProcurementMethodTable methods) {
        super(records);
        this.methods = methods;
    }

    @Override
    public String id() {
        return "SPLIT_PURCHASE";
    }

    @Override
    public String title() {
        return "化整为零规避采购方式 / purchases split below a threshold";
    }

    // 采购法 art. 28 (不得化整为零规避公开招标); 条例 art. 28 (同一财政年度同一品目累计计算)
    @Override
    public String legalSource() {
        return "政府采购法第二十八条；政府采购法实施条例第二十八条（一个财政年度内同一品目累计计算）";
    }

    @Override
    List<Anomaly> detect(PurchaseRecords source, LocalDateTime now) {
        return findings(source.purchases(), methods::methodFor);
    }

    /** The rule itself, over any list of purchases and any method table. */
    List<Anomaly> findings(List<PurchaseRecords.Purchase> purchases, Function<BigDecimal, String> methodFor) {
        Map<String, List<PurchaseRecords.Purchase>> groups = new LinkedHashMap<>();
        purchases.forEach(p -> groups.computeIfAbsent(p.purchaser() + "|" + p.category() + "|" + p.fiscalYear(),
                k -> new ArrayList<>()).add(p));
        List<Anomaly> found = new ArrayList<>();
        for (List<PurchaseRecords.Purchase> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            BigDecimal total = group.stream().map(PurchaseRecords.Purchase::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            String required = methodFor.apply(total);
            int requiredRank = STRICTNESS.indexOf(required);
            for (PurchaseRecords.Purchase p : group) {
                int used = STRICTNESS.indexOf(p.method());
                if (used >= 0 && used < requiredRank) {
                    found.add(Anomaly.of(this, p.code(), p.purchaser() + " " + p.fiscalYear() + " 年度类别 " + p.category()
                            + " 共 " + group.size() + " 笔采购，合计 ¥" + Money.format(total) + "，应采用 " + required
                            + "；本笔 ¥" + Money.format(p.amount()) + " 采用 " + p.method(), p.startedAt()));
                }
            }
        }
        return found;
    }
}

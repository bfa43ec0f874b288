package cn.shequ.auditor.anomaly;

import cn.shequ.fund.Money;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A project (or purchase) paid more from a fund than was reserved for it there: in the ledger, the sum
 * of its DISBURSE lines exceeds its RESERVE lines less its RELEASE lines. The ledger is the evidence;
 * the project row's own totals cannot disagree this way (a CHECK constraint keeps disbursed ≤ reserved
 * there), so the rule reads the ledger.
 */
@Component
class DisbursedBeyondReservation implements AnomalyRule {

    private final AnomalyMapper sql;

    DisbursedBeyondReservation(AnomalyMapper sql) {
        this.sql = sql;
    }

    @Override
    public String id() {
        return "DISBURSED_BEYOND_RESERVED";
    }

    @Override
    public String title() {
        return "拨付超过预留 / disbursed more than reserved";
    }

    // 预算法 art. 13: spending only on the basis of the approved budget; DOMAIN-RULES "disbursed ≤ reserved per project"
    @Override
    public String legalSource() {
        return "预算法第十三条（支出必须以经批准的预算为依据）；DOMAIN-RULES“每个项目拨付不超过预留”";
    }

    @Override
    public List<Anomaly> detect(LocalDateTime now) {
        return sql.disbursedBeyondReservation().stream()
                .map(o -> Anomaly.of(this, o.projectCode(), "资金 " + o.fundCode() + "：预留 ¥" + Money.format(o.reserved())
                        + "，释放 ¥" + Money.format(o.released()) + "，拨付 ¥" + Money.format(o.disbursed()) + "，超出 ¥"
                        + Money.format(o.disbursed().subtract(o.reserved().subtract(o.released()))), o.lastDisbursedAt()))
                .toList();
    }
}

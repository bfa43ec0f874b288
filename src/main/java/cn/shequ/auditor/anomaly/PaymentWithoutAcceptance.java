package cn.shequ.auditor.anomaly;

import cn.shequ.fund.Money;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Money paid for a milestone — of a project, or of a purchase contract — that was not accepted: the
 * milestone is missing, has no acceptance, was accepted only after the payment, or is not in an
 * accepted state. The processes pay only after acceptance, so a finding means the tables were changed
 * around them.
 */
@Component
class PaymentWithoutAcceptance implements AnomalyRule {

    private final AnomalyMapper sql;

    PaymentWithoutAcceptance(AnomalyMapper sql) {
        this.sql = sql;
    }

    @Override
    public String id() {
        return "PAYMENT_WITHOUT_ACCEPTANCE";
    }

    @Override
    public String title() {
        return "里程碑未经验收即付款 / payment without an accepted milestone";
    }

    // 政府采购法实施条例 art. 45: the purchaser accepts performance (with the people served) before paying
    @Override
    public String legalSource() {
        return "政府采购法实施条例第四十五条（履约验收）；DESIGN.md“按验收合格的里程碑拨付”";
    }

    @Override
    public List<Anomaly> detect(LocalDateTime now) {
        return sql.paymentsWithoutAcceptance().stream().map(p -> {
            String why = p.milestoneFound() == null ? "该里程碑不存在 / no such milestone"
                    : p.milestoneAcceptedAt() == null ? "里程碑无验收记录 / milestone never accepted"
                    : p.milestoneAcceptedAt().isAfter(p.paidAt()) ? "付款后才验收（" + p.milestoneAcceptedAt() + "）/ accepted after payment"
                    : "里程碑状态为 " + p.milestoneStatus() + " / milestone not accepted";
            return Anomaly.of(this, p.subjectCode(), "第 " + p.milestoneSeq() + " 期付款 ¥" + Money.format(p.amount())
                    + "（" + p.paidBy() + "）：" + why, p.paidAt());
        }).toList();
    }
}

package cn.shequ.auditor.anomaly;

import cn.shequ.fund.Money;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Ring-fenced money aimed at another category: attempts the fund check refused
 * (RULE_REFUSED, FUND_CATEGORY_NOT_ALLOWED), and any reservation or payment in the ledger that a
 * ring-fenced fund made for a project of a category it may not pay for (which the check should have
 * made impossible).
 */
@Component
class RingFenceBreach implements AnomalyRule {

    static final String REFUSAL = "FUND_CATEGORY_NOT_ALLOWED";

    private final AnomalyMapper sql;

    RingFenceBreach(AnomalyMapper sql) {
        this.sql = sql;
    }

    @Override
    public String id() {
        return "RING_FENCED_FUND";
    }

    @Override
    public String title() {
        return "专项资金用于其他类别 / ring-fenced money for another category";
    }

    // 预算法 art. 93 (挪用); 慈善法 art. 53; 汕府〔2007〕60号 四(六): 不得挪作他用
    @Override
    public String legalSource() {
        return "预算法第九十三条；慈善法第五十三条；汕府〔2007〕60号 四（六）（专款专用，不得挪作他用）";
    }

    @Override
    public List<Anomaly> detect(LocalDateTime now) {
        List<Anomaly> found = new ArrayList<>();
        sql.refusals(REFUSAL).forEach(r -> found.add(Anomaly.of(this, r.subjectCode(), r.actor() + " 在 " + r.taskKey()
                + " 试图动用专项资金，被拒：" + r.comment() + "（审计日志第 " + r.seq() + " 条）", r.at())));
        sql.ringFencedLinesOfOtherCategories().forEach(l -> found.add(Anomaly.of(this, l.projectCode(), "资金 "
                + l.fundCode() + " 台账第 " + l.seq() + " 行 " + l.entryType() + " ¥" + Money.format(l.amount())
                + " 用于类别 " + l.category() + "，该资金不得支付此类别", l.at())));
        return found;
    }
}

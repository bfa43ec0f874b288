package cn.shequ.auditor.anomaly;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Someone tried to take two incompatible roles on one project (proposer reviewing, one person doing two
 * reviews, approving a payment they reported or accepted, auditing a project they worked on). The
 * system refused, but the attempt is itself what an auditor looks at: every RULE_REFUSED entry whose
 * decision is an SOD_* rule.
 */
@Component
class DutySegregationRefusals implements AnomalyRule {

    private final AnomalyMapper sql;

    DutySegregationRefusals(AnomalyMapper sql) {
        this.sql = sql;
    }

    @Override
    public String id() {
        return "SEGREGATION_OF_DUTIES";
    }

    @Override
    public String title() {
        return "违反职责分离的操作被拒绝 / segregation-of-duties refusal";
    }

    // 行政事业单位内部控制规范（试行）(财会〔2012〕21号) art. 12: 不相容岗位相互分离; DOMAIN-RULES "Segregation of duties"
    @Override
    public String legalSource() {
        return "行政事业单位内部控制规范（试行）第十二条（不相容岗位相互分离）；DOMAIN-RULES“职责分离”";
    }

    @Override
    public List<Anomaly> detect(LocalDateTime now) {
        return sql.dutySegregationRefusals().stream()
                .map(r -> Anomaly.of(this, r.subjectCode(), r.actor() + " 办理 " + r.taskKey() + " 被拒（" + r.decision()
                        + "）：" + r.comment() + "（审计日志第 " + r.seq() + " 条）", r.at()))
                .toList();
    }
}

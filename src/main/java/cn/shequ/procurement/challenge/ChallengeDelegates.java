package cn.shequ.procurement.challenge;

import static cn.shequ.procurement.ProcurementDelegates.SYSTEM;
import static cn.shequ.procurement.ProcurementDelegates.code;

import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.ShequClock;
import cn.shequ.procurement.Procurement;
import cn.shequ.procurement.ProcurementMapper;
import cn.shequ.procurement.PurchaseProcess;
import cn.shequ.procurement.evaluation.Evaluation;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service task of purchase-of-service that reopens the evaluation after an upheld challenge. */
@Configuration
class ChallengeDelegates {

    /** An upheld challenge (采购法 art. 53; 条例 art. 52): the award is withdrawn and the committee scores again. */
    @Bean(PurchaseProcess.Beans.REOPEN_EVALUATION)
    JavaDelegate reopenEvaluation(ProcurementMapper procurements, Evaluation evaluation, ChallengeMapper challenges,
                                  ShequClock clock, AuditLog audit) {
        return execution -> {
            Procurement p = procurements.lock(code(execution)).orElseThrow();
            LocalDateTime now = clock.localNow();
            int cleared = evaluation.reopen(p.code());
            procurements.setAward(p.code(), null, null, null, now);
            int superseded = challenges.supersede(p.code(), "质疑成立，已重新评审；重新评审结果另行公告，可对其再次质疑"
                    + " / an upheld challenge reopened the evaluation", now);
            audit.append(AuditEvent.of(SYSTEM, "EVALUATION_REOPENED").subject(p.code())
                    .detail("previousAwardBidId", p.awardBidId()).detail("scoresCleared", cleared)
                    .detail("challengesSuperseded", superseded));
        };
    }
}

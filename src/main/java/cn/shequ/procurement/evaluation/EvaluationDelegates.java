package cn.shequ.procurement.evaluation;

import static cn.shequ.procurement.ProcurementDelegates.SYSTEM;
import static cn.shequ.procurement.ProcurementDelegates.code;

import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.ShequClock;
import cn.shequ.procurement.Procurement;
import cn.shequ.procurement.ProcurementDeadlines;
import cn.shequ.procurement.ProcurementDocuments;
import cn.shequ.procurement.ProcurementMapper;
import cn.shequ.procurement.ProcurementStatus;
import cn.shequ.procurement.PurchaseProcess;
import cn.shequ.procurement.PurchaseProcess.Vars;
import cn.shequ.procurement.bidding.Bid;
import cn.shequ.procurement.bidding.BidMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service task of purchase-of-service that ranks the scored bids and awards the purchase. */
@Configuration
class EvaluationDelegates {

    /**
     * Every score is in: rank, award the top bid, publish the award notice and open the challenge
     * period: 7 working days from the end of the 1-working-day result notice period (采购法 art. 52; 条例 art. 53(三); 87号令 art. 69); the contract is due 30 days after it (采购法 art. 46).
     */
    @Bean(PurchaseProcess.Beans.AWARD)
    JavaDelegate awardProcurement(ProcurementMapper procurements, Evaluation evaluation, BidMapper bids,
                                  ProcurementDeadlines deadlines, ProcurementDocuments documents, ShequClock clock,
                                  AuditLog audit) {
        return execution -> {
            Procurement p = procurements.lock(code(execution)).orElseThrow();
            List<Ranking.Result> ranking = evaluation.rank(p);
            Bid winner = bids.bid(ranking.get(0).bidId()).orElseThrow();
            LocalDate today = clock.today();
            LocalDateTime challengeDeadline = deadlines.challengeDeadline(today);
            LocalDateTime now = clock.localNow();
            procurements.setAward(p.code(), winner.id(), today, challengeDeadline, now);
            procurements.setStatus(p.code(), ProcurementStatus.CHALLENGE_PERIOD.name(), now);
            List<AwardNotice.Line> lines = ranking.stream().map(r -> new AwardNotice.Line(r.rank(),
                    bids.bid(r.bidId()).orElseThrow().providerName(), r.price(), r.priceScore(), r.technicalScore(),
                    r.total())).toList();
            documents.award(p, winner, lines, evaluation.members(p.code()), challengeDeadline.toLocalDate());
            execution.setVariable(Vars.SUPPLIER, winner.submittedBy());
            // the period ends when challenges are no longer received (later when counted provisionally)
            execution.setVariable(Vars.CHALLENGE_DEADLINE,
                    ProcurementDeadlines.date(deadlines.challengesAcceptedUntil(today, challengeDeadline)));
            execution.setVariable(Vars.CONTRACT_DUE,
                    ProcurementDeadlines.date(ProcurementDeadlines.endOf(deadlines.contractDue(today))));
            audit.append(AuditEvent.of(SYSTEM, "AWARDED").subject(p.code()).detail("bidId", winner.id())
                    .detail("providerId", winner.providerId()).detail("price", winner.price().toPlainString())
                    .detail("ranking", ranking.stream().map(r -> Map.of("bidId", r.bidId(), "rank", r.rank(),
                            "priceScore", r.priceScore().toPlainString(), "technicalScore", r.technicalScore().toPlainString(),
                            "total", r.total().toPlainString())).toList())
                    .detail("challengeDeadline", challengeDeadline.toString())
                    .detail("challengeDeadlineProvisional", deadlines.provisional(challengeDeadline)));
        };
    }
}

package cn.shequ.procurement.challenge;

import cn.shequ.audit.AuditActions;
import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.EngineProcesses;
import cn.shequ.engine.ShequClock;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.Groups;
import cn.shequ.procurement.Procurement;
import cn.shequ.procurement.ProcurementDeadlines;
import cn.shequ.procurement.ProcurementDocuments;
import cn.shequ.procurement.ProcurementMapper;
import cn.shequ.procurement.ProcurementStatus;
import cn.shequ.procurement.PurchaseProcess;
import cn.shequ.procurement.bidding.BidMapper;
import cn.shequ.procurement.requirement.ProcurementRules;
import cn.shequ.refusal.Refusal;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 质疑: a bidder may challenge the award within 7 working days of the end of the 1-working-day result notice period (采购法 art. 52; 条例 art. 53(三); 87号令 art. 69);
 * each challenge opens an answer task for the purchaser, due 7 working days later (采购法 art. 53).
 */
@Service
public class Challenges {

    static final int REASON_MAX = 4000;

    private final ProcurementMapper procurements;
    private final ChallengeMapper challenges;
    private final BidMapper bids;
    private final ProcurementDeadlines deadlines;
    private final EngineProcesses processes;
    private final ShequClock clock;
    private final AuditLog audit;

    Challenges(ProcurementMapper procurements, ChallengeMapper challenges, BidMapper bids, ProcurementDeadlines deadlines,
               EngineProcesses processes, ShequClock clock, AuditLog audit) {
        this.procurements = procurements;
        this.challenges = challenges;
        this.bids = bids;
        this.deadlines = deadlines;
        this.processes = processes;
        this.clock = clock;
        this.audit = audit;
    }

    List<Challenge> of(String code) {
        return challenges.challenges(code);
    }

    @Transactional
    public Challenge file(String code, String reason, CurrentUser user) {
        Procurement p = procurements.lock(code).orElseThrow(() -> Refusal.notFound("采购项目", code));
        try {
            if (!user.isIn(Groups.PROVIDER) || user.organisationId() == null
                    || bids.bidOf(code, user.organisationId()).isEmpty()) {
                throw Refusal.forbidden("NOT_A_BIDDER", "只有参加本项目投标的供应商可以提出质疑（采购法第五十二条）"
                        + " / only a bidder may challenge");
            }
            LocalDateTime now = clock.localNow();
            // counted on a provisional calendar, a challenge is received up to the bound later (docs/calendar.md)
            if (p.procurementStatus() != ProcurementStatus.CHALLENGE_PERIOD || p.challengeDeadline() == null
                    || now.isAfter(deadlines.challengesAcceptedUntil(p))) {
                throw Refusal.conflict("CHALLENGE_PERIOD_OVER", "不在质疑期内：质疑须在中标（成交）结果公告期限（一个工作日）届满之日起七个工作日内提出"
                        + (p.challengeDeadline() == null ? "" : "（截止 " + ProcurementDocuments.minute(p.challengeDeadline()) + "）")
                        + "（采购法第五十二条；条例第五十三条第三项；87号令第六十九条）/ outside the challenge period");
            }
        } catch (Refusal refused) {
            audit.appendIndependently(AuditEvent.of(user.userId(), AuditActions.RULE_REFUSED).subject(code)
                    .task("file-challenge", refused.code(), AuditEvent.refusalComment(refused.getMessage())).detail("status", refused.kind().number()));
            throw refused;
        }
        if (ProcurementRules.blank(reason)) {
            throw Refusal.invalid("reason", "质疑事项和理由必填（采购法第五十二条：以书面形式提出）/ required");
        }
        if (reason.trim().length() > REASON_MAX) {
            throw Refusal.invalid("reason", "最多 " + REASON_MAX + " 字 / at most " + REASON_MAX + " characters");
        }
        LocalDateTime now = clock.localNow();
        LocalDateTime due = deadlines.challengeAnswerDue(now.toLocalDate());
        challenges.insert(code, user.organisationId(), user.userId(), reason.trim(), now, due);
        // the answer task's create listener takes this challenge (the oldest one without a task)
        processes.correlate(PurchaseProcess.Messages.CHALLENGE_FILED, code);
        Challenge filed = challenges.challenges(code).stream().reduce((a, b) -> b)
                .orElseThrow(() -> new Refusal(Refusal.Kind.INTERNAL, "CHALLENGE_LOST", "challenge not stored"));
        audit.append(AuditEvent.of(user.userId(), "CHALLENGE_FILED").subject(code).detail("challengeId", filed.id())
                .detail("providerId", filed.providerId()).detail("answerDue", due.toString())
                .detail("answerDueProvisional", deadlines.provisional(due)));
        return filed;
    }
}

package cn.shequ.procurement.evaluation;

import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.EngineDecisions;
import cn.shequ.engine.ShequClock;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.procurement.Procurement;
import cn.shequ.procurement.ProcurementMapper;
import cn.shequ.procurement.ProcurementStatus;
import cn.shequ.procurement.PurchaseProcess;
import cn.shequ.procurement.bidding.Bid;
import cn.shequ.procurement.bidding.BidMapper;
import cn.shequ.rules.Decisions.ProcurementMethod;
import cn.shequ.refusal.Refusal;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evaluation committee and its scores. {@code ${procurementEvaluation.members(procurementCode)}}
 * and {@code ${procurementEvaluation.bidIds(procurementCode)}} give the model its scoring tasks: one
 * per member and qualified bid. The committee is checked for size, odd number, share of experts
 * and ties to a bidder (87号令 art. 47; 采购法 arts. 12, 38, 40); a member who is not an expert represents
 * the purchaser (its own staff), and no auditor sits on it; ranking by {@link Ranking}.
 */
@Component(PurchaseProcess.Beans.EVALUATION)
public class Evaluation {

    private final EvaluationMapper evaluations;
    private final BidMapper bids;
    private final ProcurementMapper procurements;
    private final CurrentUsers users;
    private final ShequClock clock;
    private final AuditLog audit;
    private final EngineDecisions decisions;

    Evaluation(EvaluationMapper evaluations, BidMapper bids, ProcurementMapper procurements, CurrentUsers users,
               ShequClock clock, AuditLog audit, EngineDecisions decisions) {
        this.decisions = decisions;
        this.evaluations = evaluations;
        this.bids = bids;
        this.procurements = procurements;
        this.users = users;
        this.clock = clock;
        this.audit = audit;
    }

    /** The committee's user ids (multi-instance collection of the scoring). */
    public List<String> members(String code) {
        return evaluations.members(code).stream().map(CommitteeMember::userId).toList();
    }

    /** The qualified bids' ids (multi-instance collection of each member's scoring). */
    public List<Long> bidIds(String code) {
        return bids.bids(code).stream().filter(Bid::qualified).map(Bid::id).toList();
    }

    public List<CommitteeMember> committee(String code) {
        return evaluations.members(code);
    }

    public List<Score> scores(String code) {
        return evaluations.scores(code);
    }

    public boolean isMember(String code, String userId) {
        return members(code).contains(userId);
    }

    /** Whether {@code amount} alone calls for an open tender by the procurement-method table (its threshold, per jurisdiction). */
    private boolean reachesOpenTenderThreshold(BigDecimal amount) {
        Map<String, Object> byAmount = decisions.evaluate(ProcurementMethod.ID, Map.of(ProcurementMethod.AMOUNT, amount.doubleValue(),
                ProcurementMethod.REQUESTED_METHOD, ""));
        return ProcurementMethod.METHOD_OPEN_TENDER.equals(byAmount.get(ProcurementMethod.METHOD));
    }

    /**
     * Checks and appoints the committee; {@code memberIds} in order, {@code expertIds} a subset.
     * Every problem is a 400 naming its rule.
     */
    void appoint(Procurement p, List<String> memberIds, Set<String> expertIds, String actor) {
        String problem = problem(p, memberIds, expertIds);
        if (problem != null) {
            throw Refusal.invalid("members", problem);
        }
        LocalDateTime now = clock.localNow();
        for (String member : memberIds) {
            evaluations.insertMember(new CommitteeMember(p.code(), member, expertIds.contains(member), actor, now));
        }
    }

    private String problem(Procurement p, List<String> memberIds, Set<String> expertIds) {
        if (memberIds.isEmpty()) {
            return "评审委员会成员必填 / members required";
        }
        Set<String> distinct = new LinkedHashSet<>(memberIds);
        if (distinct.size() != memberIds.size()) {
            return "评审委员会成员不得重复 / a member is listed twice";
        }
        if (!distinct.containsAll(expertIds)) {
            return "专家须是评审委员会成员 / an expert who is not a member";
        }
        int size = memberIds.size();
        int minimum = CommitteeRules.minimumMembers(p.method(), p.amount(),
                CommitteeRules.PANEL_METHODS.contains(p.method()) && reachesOpenTenderThreshold(p.amount()));
        if (size < minimum) {
            return CommitteeRules.minimumRule(p.method(), minimum) + "，现为 " + size + " 人 / the committee needs at least " + minimum + " members";
        }
        if (size % 2 == 0) {
            return "评审委员会成员须为单数（87号令第四十七条；采购法第三十八、四十条），现为 " + size + " 人 / an odd number of members";
        }
        if (expertIds.size() * 3 < size * 2) {
            return "评审专家不得少于成员总数的三分之二（87号令第四十七条；采购法第三十八、四十条），现为 " + expertIds.size() + "/" + size
                    + " / experts must be at least two thirds of the members";
        }
        Set<Long> bidders = bids.bids(p.code()).stream().map(Bid::providerId).collect(Collectors.toSet());
        for (String id : memberIds) {
            // the organisation as stored: whether a member is tied to a bidder does not wait for a kept row (ADR 0070)
            CurrentUser member = users.loadAsStored(id);
            if (member.groups().isEmpty()) {
                return "未知的用户 / unknown user: " + id;
            }
            if (expertIds.contains(id) && !member.isIn(Groups.EVALUATION_EXPERT)) {
                return id + " 不是评审专家库中的专家（87号令第四十八条）/ not an evaluation expert";
            }
            if (member.isIn(Groups.AUDITOR)) {
                // DOMAIN-RULES "Segregation of duties": auditors change nothing but their audit tasks
                return id + " 是审计人员：审计人员除审计任务外不办理任何业务，不得参加评审（职责分离）"
                        + " / an auditor changes nothing but their audit tasks and sits on no committee";
            }
            if (id.equals(p.purchaserUser())) {
                return id + " 是本项目的采购经办人，须回避（采购法第十二条）/ the purchaser may not evaluate their own procurement";
            }
            if (member.organisationId() != null && bidders.contains(member.organisationId())) {
                return id + " 与投标人存在利害关系（所属单位参加了投标），须回避（采购法第十二条；87号令第四十七条）"
                        + " / a member tied to a bidder";
            }
            if (!expertIds.contains(id) && !CommitteeRules.representsPurchaser(p, member)) {
                // 87号令 art. 47; 采购法 arts. 38, 40: the committee is the purchaser's representatives and experts
                return id + " 既不是评审专家，也不是采购人代表：评审委员会由采购人代表和评审专家组成，非专家成员须为采购人（"
                        + CommitteeRules.purchaserName(p) + "）的工作人员（87号令第四十七条；采购法第三十八、四十条）"
                        + " / a member who is not an expert must represent the purchaser " + CommitteeRules.purchaserName(p);
            }
        }
        return null;
    }

    /** A member scores a bid for the first time (their scoring task). */
    void score(String code, long bidId, String member, BigDecimal technicalScore) {
        LocalDateTime now = clock.localNow();
        if (evaluations.score(bidId, member).isPresent()) {
            evaluations.reviseScore(bidId, member, technicalScore, now);
        } else {
            evaluations.insertScore(bidId, member, code, technicalScore, now);
        }
    }

    /** The engine created score-bid task {@code taskId}: who scores which bid in it is kept in Shequ's table. */
    public void bindScoringTask(String taskId, String code, String member, long bidId) {
        evaluations.insertScoringTask(taskId, code, member, bidId, clock.localNow());
    }

    Optional<ScoringTask> scoringTask(String taskId) {
        return evaluations.scoringTask(taskId);
    }

    /**
     * A member changes a score already given, while the evaluation is open (other members are still
     * scoring): once every score is in, the ranking stands.
     */
    @Transactional
    public Score revise(String code, long bidId, CurrentUser member, BigDecimal technicalScore) {
        Procurement p = procurements.lock(code).orElseThrow(() -> Refusal.notFound("采购项目", code));
        if (p.procurementStatus() != ProcurementStatus.EVALUATING) {
            throw Refusal.conflict("EVALUATION_CLOSED", "评审已结束，评分不得修改 / the evaluation is closed (status "
                    + p.status() + ")");
        }
        Score before = evaluations.score(bidId, member.userId()).orElseThrow(() -> Refusal.conflict("NOT_SCORED",
                "您尚未为该投标打分 / you have not scored this bid"));
        evaluations.reviseScore(bidId, member.userId(), technicalScore, clock.localNow());
        audit.append(AuditEvent.of(member.userId(), "SCORE_REVISED").subject(code).detail("bidId", bidId)
                .detail("from", before.technicalScore().toPlainString()).detail("to", technicalScore.toPlainString()));
        return evaluations.score(bidId, member.userId()).orElseThrow();
    }

    /** Ranks the qualified bids and returns the results, best first (also written to the bids). */
    public List<Ranking.Result> rank(Procurement p) {
        Map<Long, List<BigDecimal>> technical = Ranking.byBid(evaluations.scores(p.code()));
        List<Ranking.Entry> entries = new ArrayList<>();
        for (Bid bid : bids.bids(p.code())) {
            if (bid.qualified()) {
                entries.add(new Ranking.Entry(bid.id(), bid.price(), bid.id(), technical.getOrDefault(bid.id(), List.of())));
            }
        }
        List<Ranking.Result> results = Ranking.rank(entries, p.priceWeight());
        results.forEach(r -> bids.setResult(r.bidId(), r.priceScore(), r.technicalScore(), r.total(), r.rank()));
        return results;
    }

    /** An upheld challenge: scores and ranking cleared, the same committee scores again. */
    public int reopen(String code) {
        bids.clearResults(code);
        return evaluations.clearScores(code);
    }
}

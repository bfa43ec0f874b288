package cn.shequ.procurement;

import cn.shequ.engine.ShequClock;
import cn.shequ.fund.MilestonePayments;
import cn.shequ.fund.Money;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.Groups;
import cn.shequ.procurement.bidding.Bid;
import cn.shequ.procurement.bidding.BidMapper;
import cn.shequ.procurement.bidding.BidPeriods;
import cn.shequ.procurement.challenge.ChallengeMapper;
import cn.shequ.procurement.contract.ContractMapper;
import cn.shequ.procurement.evaluation.Evaluation;
import cn.shequ.procurement.evaluation.Score;
import cn.shequ.project.ProjectService;
import cn.shequ.task.WorkItem;
import cn.shequ.task.WorkItems;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The JSON shapes of a procurement (API.md): money as strings. Bids are sealed until the bid
 * deadline: before it each provider sees only its own (87号令 art. 33); from it, as at the public
 * opening (87号令 art. 39), every logged-in user sees all bids, and the ranking once awarded. The
 * committee's names stay confidential until the award is published (条例 art. 40): before that
 * only officials who do not sit on it see the committee and the open tasks of others; a member,
 * official or not, sees only their own tasks.
 */
@Component
class ProcurementViews {

    private final ProcurementMapper procurements;
    private final BidMapper bids;
    private final Evaluation evaluation;
    private final ChallengeMapper challenges;
    private final ContractMapper contracts;
    private final MilestonePayments payments;
    private final ProjectService projects;
    private final WorkItems workItems;
    private final ShequClock clock;
    private final ProcurementDeadlines deadlines;
    private final BidPeriods periods;

    ProcurementViews(ProcurementMapper procurements, BidMapper bids, Evaluation evaluation, ChallengeMapper challenges,
                     ContractMapper contracts, MilestonePayments payments, ProjectService projects, WorkItems workItems, ShequClock clock,
                     ProcurementDeadlines deadlines, BidPeriods periods) {
        this.deadlines = deadlines;
        this.periods = periods;
        this.procurements = procurements;
        this.bids = bids;
        this.evaluation = evaluation;
        this.challenges = challenges;
        this.contracts = contracts;
        this.payments = payments;
        this.projects = projects;
        this.workItems = workItems;
        this.clock = clock;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BidView(long id, long providerId, String provider, String price, String proposal, OffsetDateTime submittedAt,
                   OffsetDateTime revisedAt, boolean qualified, String priceScore, String technicalScore, String total,
                   Integer rank) {}

    record MemberView(String userId, boolean expert) {}

    record RankView(int rank, long bidId, String provider, String price, String priceScore, String technicalScore,
                    String total) {}

    record AwardView(long bidId, long providerId, String provider, String price, String noticeOn) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChallengeView(long id, String provider, String reason, OffsetDateTime filedAt, OffsetDateTime answerDue,
                         String answer, Boolean upheld, OffsetDateTime answeredAt, Boolean answeredLate,
                         Boolean answerDueProvisional) {}

    /** Once paid: when, whether late, the days late and the interest owed for them (0 and "0.00" when on time). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MilestoneView(int seq, String name, int percent, String amount, String status, Integer servedParticipants,
                         String paidOn, Boolean latePayment, Integer lateDays, String lateInterest) {}

    /** {@code lateInterestDailyRate} is a fraction: "0.0005" is 0.05% a day. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ContractView(String code, String provider, String amount, String performanceBond, int termMonths,
                        String signedOn, boolean signedLate, OffsetDateTime signingRecordedAt, String publishDue, String publishedOn, Boolean publishedLate,
                        int paymentTermDays, String lateInterestDailyRate, List<MilestoneView> milestones,
                        Boolean publishDueProvisional) {}

    record OpenTaskView(String id, String key, String name, String assignee, OffsetDateTime due, boolean escalated,
                        Boolean dueProvisional) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProcurementView(String code, String title, String status, String category, String amount, String fundCode,
                           String purchaser, String method, String methodReason, boolean needsFinanceApproval,
                           String countedAmount, int termMonths, String termReason, String priceWeight,
                           String projectCode, int tenderRound, String bidDeposit, String noticePublishedOn,
                           OffsetDateTime bidDeadline,
                           int bidCount, List<BidView> bids, List<MemberView> committee, List<RankView> ranking,
                           AwardView award, OffsetDateTime challengeDeadline, List<ChallengeView> challenges,
                           ContractView contract, List<OpenTaskView> openTasks, String reserved, String disbursed,
                           String score, String grade, Boolean bidDeadlineProvisional, OffsetDateTime bidsReceivedUntil,
                           Boolean challengeDeadlineProvisional, OffsetDateTime challengesReceivedUntil,
                           ScoringProgress scoringProgress) {}

    /** A purchase a service project called, whose requirement the purchaser has yet to state. */
    record AwaitingRequirementView(String code, String status, String projectCode, List<OpenTaskView> openTasks) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProcurementSummary(String code, String title, String status, String category, String amount, String method,
                              OffsetDateTime bidDeadline, Boolean bidDeadlineProvisional) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PublicView(String code, String title, String purchaser, String category, String budget, String method,
                      String bidDeposit, String noticePublishedOn, OffsetDateTime bidDeadline, String status, AwardView award,
                      List<RankView> ranking, OffsetDateTime challengeDeadline, ContractView contract,
                      Boolean bidDeadlineProvisional, Boolean challengeDeadlineProvisional) {}

    ProcurementView view(Procurement p, CurrentUser reader) {
        boolean opened = opened(p);
        List<Bid> all = bids.bids(p.code());
        List<BidView> visible = all.stream()
                .filter(b -> opened || Objects.equals(reader.organisationId(), b.providerId()))
                .map(ProcurementViews::bid).toList();
        // a member of the committee, even an official, learns neither who else sits on it nor whose tasks are open
        // before the award is published (条例 art. 40)
        boolean member = evaluation.isMember(p.code(), reader.userId());
        boolean seesOthers = official(reader) && !(member && p.awardNoticeOn() == null);
        boolean insider = seesOthers || p.awardNoticeOn() != null;
        List<MemberView> committee = !insider ? List.of() : evaluation.committee(p.code()).stream()
                .map(m -> new MemberView(m.userId(), m.expert())).toList();
        List<ChallengeView> challengeViews = challenges.challenges(p.code()).stream()
                .map(c -> new ChallengeView(c.id(), c.providerName(), c.reason(), at(c.filedAt()), at(c.answerDue()),
                        c.answer(), c.upheld(), at(c.answeredAt()), c.answeredLate(), flag(c.answerDue()))).toList();
        Held held = held(p);
        List<OpenTaskView> open = workItems.ofSubject(p.code()).stream()
                .filter(item -> seesOthers || reader.userId().equals(item.assignee()))
                .map(this::openTask).toList();
        return new ProcurementView(p.code(), p.title(), p.status(), p.category(), Money.format(p.amount()), p.fundCode(),
                p.purchaserUser(), p.method(), p.methodReason(), p.needsFinanceApproval(), Money.format(p.countedAmount()),
                p.termMonths(), p.termReason(), p.priceWeight().stripTrailingZeros().toPlainString(), p.projectCode(),
                p.tenderRound(), money(p.bidDeposit()), date(p.noticePublishedOn()), at(p.bidDeadline()), opened ? all.size() : visible.size(), visible,
                committee,
                ranking(all), award(p, all), at(p.challengeDeadline()), challengeViews, contract(p), open,
                Money.format(held.reserved()), Money.format(held.disbursed()),
                p.score() == null ? null : p.score().toPlainString(), p.grade(), flag(p.bidDeadline()),
                at(periods.acceptedUntil(p)), flag(p.challengeDeadline()), at(deadlines.challengesAcceptedUntil(p)),
                scoringProgress(p, reader).orElse(null));
    }

    /**
     * How far the committee's scoring has come, in counts only: how many members have scored every
     * qualified bid, and how many scores of all are in. For the purchaser's officials who do not sit
     * on the committee, while it scores; a member, a bidder or an expert learns nothing from it about
     * the others (条例 art. 40), so it is empty for them.
     */
    record ScoringProgress(int members, int membersDone, int scores, int scoresDue) {}

    Optional<ScoringProgress> scoringProgress(Procurement p, CurrentUser reader) {
        if (!ProcurementStatus.EVALUATING.name().equals(p.status()) || !official(reader)
                || evaluation.isMember(p.code(), reader.userId())) {
            return Optional.empty();
        }
        List<String> members = evaluation.members(p.code());
        Set<Long> bidIds = new HashSet<>(evaluation.bidIds(p.code()));
        Map<String, Long> scored = evaluation.scores(p.code()).stream().filter(s -> bidIds.contains(s.bidId()))
                .collect(Collectors.groupingBy(Score::memberUser, Collectors.counting()));
        int done = (int) members.stream().filter(m -> scored.getOrDefault(m, 0L) >= bidIds.size()).count();
        int scores = scored.values().stream().mapToInt(Long::intValue).sum();
        return Optional.of(new ScoringProgress(members.size(), done, scores, members.size() * bidIds.size()));
    }

    /** What the fund holds for the purchase and has paid: a service project's purchase spends the project's reservation. */
    private record Held(BigDecimal reserved, BigDecimal disbursed) {}

    private Held held(Procurement p) {
        return !p.forProject() ? new Held(p.reservedAmount(), p.disbursedAmount())
                : projects.find(p.projectCode()).map(project -> new Held(project.reservedAmount(), project.disbursedAmount()))
                        .orElse(new Held(p.reservedAmount(), p.disbursedAmount()));
    }

    /** A called purchase before its requirement, found by its open define-requirement task. */
    Optional<AwaitingRequirementView> awaitingRequirement(String code, CurrentUser reader) {
        List<WorkItem> items = workItems.ofSubject(code).stream()
                .filter(item -> PurchaseProcess.Tasks.DEFINE_REQUIREMENT.equals(item.taskKey())).toList();
        if (items.isEmpty()) {
            return Optional.empty();
        }
        List<OpenTaskView> open = official(reader) ? items.stream().map(this::openTask).distinct().toList() : List.of();
        return Optional.of(new AwaitingRequirementView(code, ProcurementStatus.AWAITING_REQUIREMENT.name(),
                projects.projectBuying(code).orElse(null), open));
    }

    ProcurementSummary summary(Procurement p) {
        return new ProcurementSummary(p.code(), p.title(), p.status(), p.category(), Money.format(p.amount()), p.method(),
                at(p.bidDeadline()), flag(p.bidDeadline()));
    }

    PublicView publicView(Procurement p, String purchaserName) {
        List<Bid> all = bids.bids(p.code());
        ContractView contract = contracts.ofProcurement(p.code()).filter(c -> c.publishedOn() != null)
                .map(c -> contract(p)).orElse(null);
        return new PublicView(p.code(), p.title(), purchaserName, p.category(), Money.format(p.amount()), p.method(),
                money(p.bidDeposit()), date(p.noticePublishedOn()), at(p.bidDeadline()), p.status(), award(p, all), ranking(all),
                at(p.challengeDeadline()), contract, flag(p.bidDeadline()), flag(p.challengeDeadline()));
    }

    /** Bids are opened at the deadline (when bids are received a little longer near a provisional minimum: then). */
    boolean opened(Procurement p) {
        LocalDateTime until = periods.acceptedUntil(p);
        return until != null && !clock.localNow().isBefore(until);
    }

    /** {@code true} when a deadline shown is provisional (its year has no official calendar yet), {@code false}, or null without one. */
    private Boolean flag(LocalDateTime deadline) {
        return deadline == null ? null : deadlines.provisional(deadline);
    }

    private ContractView contract(Procurement p) {
        return contracts.ofProcurement(p.code()).map(c -> new ContractView(c.code(), c.providerName(), Money.format(c.amount()),
                Money.format(c.performanceBond()), c.termMonths(), c.signedOn().toString(), c.signedLate(), at(c.signingRecordedAt()),
                c.publishDue().toString(), date(c.publishedOn()), c.publishedLate(), c.paymentTermDays(),
                c.lateInterestRate().stripTrailingZeros().toPlainString(), milestones(p),
                deadlines.provisional(c.publishDue()))).orElse(null);
    }

    /**
     * The contract's milestones as delivered: by the purchase itself, or — when a service project
     * bought its service — by the project, which adopted them and reports, accepts and pays them.
     */
    private List<MilestoneView> milestones(Procurement p) {
        if (p.deliveredByProject()) {
            return projects.milestones(p.projectCode()).stream().map(m -> milestone(p.projectCode(), m.seq(), m.name(),
                    m.percent(), m.amount(), m.status(), m.servedParticipants())).toList();
        }
        return contracts.milestones(p.code()).stream().map(m -> milestone(p.code(), m.seq(), m.name(), m.sharePercent(),
                m.amount(), m.status(), m.servedParticipants())).toList();
    }

    private MilestoneView milestone(String payer, int seq, String name, int percent, BigDecimal amount, String status,
                                    Integer served) {
        var paid = payments.find(payer, seq);
        return new MilestoneView(seq, name, percent, Money.format(amount), status, served,
                paid.map(x -> x.paidAt().toLocalDate().toString()).orElse(null),
                paid.map(MilestonePayments.Payment::late).orElse(null),
                paid.map(MilestonePayments.Payment::daysLate).orElse(null),
                paid.map(x -> Money.format(x.lateInterest())).orElse(null));
    }

    private static List<RankView> ranking(List<Bid> all) {
        return all.stream().filter(b -> b.bidRank() != null).sorted(Comparator.comparing(Bid::bidRank))
                .map(b -> new RankView(b.bidRank(), b.id(), b.providerName(), Money.format(b.price()), text(b.priceScore()),
                        text(b.technicalScore()), text(b.totalScore()))).toList();
    }

    private static AwardView award(Procurement p, List<Bid> all) {
        if (p.awardBidId() == null) {
            return null;
        }
        return all.stream().filter(b -> b.id().equals(p.awardBidId())).findFirst()
                .map(b -> new AwardView(b.id(), b.providerId(), b.providerName(), Money.format(b.price()),
                        date(p.awardNoticeOn()))).orElse(null);
    }

    private static BidView bid(Bid b) {
        return new BidView(b.id(), b.providerId(), b.providerName(), Money.format(b.price()), b.proposal(),
                at(b.submittedAt()), at(b.revisedAt()), b.qualified(), text(b.priceScore()), text(b.technicalScore()),
                text(b.totalScore()), b.bidRank());
    }

    private OpenTaskView openTask(WorkItem item) {
        return new OpenTaskView(item.taskId(), item.taskKey(), item.name(), item.assignee(),
                item.due() == null ? null : item.due().atZone(ShequClock.ZONE).toOffsetDateTime(), item.escalated(),
                flag(item.due()));
    }

    static OffsetDateTime at(LocalDateTime local) {
        return local == null ? null : local.atZone(ShequClock.ZONE).toOffsetDateTime();
    }

    private static String date(java.time.LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** Purchasers, finance, auditors and administrators. */
    static boolean official(CurrentUser reader) {
        return reader.isIn(Groups.STREET_OFFICE) || reader.isIn(Groups.CIVIL_AFFAIRS) || reader.isIn(Groups.FINANCE)
                || reader.isIn(Groups.AUDITOR) || reader.isIn(Groups.ADMIN);
    }

    private static String money(BigDecimal value) {
        return value == null ? null : Money.format(value);
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}

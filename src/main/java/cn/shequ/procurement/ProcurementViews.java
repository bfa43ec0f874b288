package cn.shequ.procurement;

import cn.shequ.engine.ShequClock;
import cn.shequ.fund.Money;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.Groups;
import cn.shequ.procurement.bidding.Bid;
import cn.shequ.procurement.bidding.BidMapper;
import cn.shequ.procurement.bidding.BidPeriods;
import cn.shequ.procurement.challenge.ChallengeMapper;
import cn.shequ.procurement.contract.ContractViews;
import cn.shequ.procurement.evaluation.Evaluation;
import cn.shequ.procurement.evaluation.EvaluationViews;
import cn.shequ.project.ProjectService;
import cn.shequ.task.WorkItem;
import cn.shequ.task.WorkItems;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
public class ProcurementViews {

    private final ProcurementMapper procurements;
    private final BidMapper bids;
    private final Evaluation evaluation;
    private final EvaluationViews evaluations;
    private final ChallengeMapper challenges;
    private final ContractViews contracts;
    private final ProjectService projects;
    private final WorkItems workItems;
    private final ShequClock clock;
    private final ProcurementDeadlines deadlines;
    private final BidPeriods periods;

    ProcurementViews(ProcurementMapper procurements, BidMapper bids, Evaluation evaluation, EvaluationViews evaluations,
                     ChallengeMapper challenges, ContractViews contracts, ProjectService projects, WorkItems workItems,
                     ShequClock clock, ProcurementDeadlines deadlines, BidPeriods periods) {
        this.deadlines = deadlines;
        this.periods = periods;
        this.procurements = procurements;
        this.bids = bids;
        this.evaluation = evaluation;
        this.evaluations = evaluations;
        this.challenges = challenges;
        this.contracts = contracts;
        this.projects = projects;
        this.workItems = workItems;
        this.clock = clock;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BidView(long id, long providerId, String provider, String price, String proposal, OffsetDateTime submittedAt,
                   OffsetDateTime revisedAt, boolean qualified, String priceScore, String technicalScore, String total,
                   Integer rank) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChallengeView(long id, String provider, String reason, OffsetDateTime filedAt, OffsetDateTime answerDue,
                         String answer, Boolean upheld, OffsetDateTime answeredAt, Boolean answeredLate,
                         Boolean answerDueProvisional) {}

    record OpenTaskView(String id, String key, String name, String assignee, OffsetDateTime due, boolean escalated,
                        Boolean dueProvisional) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProcurementView(String code, String title, String status, String category, String amount, String fundCode,
                           String purchaser, String method, String methodReason, boolean needsFinanceApproval,
                           String countedAmount, int termMonths, String termReason, String priceWeight,
                           String projectCode, int tenderRound, String bidDeposit, String noticePublishedOn,
                           OffsetDateTime bidDeadline,
                           int bidCount, List<BidView> bids, List<EvaluationViews.MemberView> committee,
                           List<EvaluationViews.RankView> ranking, EvaluationViews.AwardView award, OffsetDateTime challengeDeadline, List<ChallengeView> challenges,
                           ContractViews.ContractView contract, List<OpenTaskView> openTasks, String reserved, String disbursed,
                           String score, String grade, Boolean bidDeadlineProvisional, OffsetDateTime bidsReceivedUntil,
                           Boolean challengeDeadlineProvisional, OffsetDateTime challengesReceivedUntil,
                           EvaluationViews.ScoringProgress scoringProgress) {}

    /** A purchase a service project called, whose requirement the purchaser has yet to state. */
    record AwaitingRequirementView(String code, String status, String projectCode, List<OpenTaskView> openTasks) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProcurementSummary(String code, String title, String status, String category, String amount, String method,
                              OffsetDateTime bidDeadline, Boolean bidDeadlineProvisional) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PublicView(String code, String title, String purchaser, String category, String budget, String method,
                      String bidDeposit, String noticePublishedOn, OffsetDateTime bidDeadline, String status,
                      EvaluationViews.AwardView award, List<EvaluationViews.RankView> ranking, OffsetDateTime challengeDeadline,
                      ContractViews.ContractView contract,
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
        List<EvaluationViews.MemberView> committee = !insider ? List.of() : evaluation.committee(p.code()).stream()
                .map(m -> new EvaluationViews.MemberView(m.userId(), m.expert())).toList();
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
                EvaluationViews.ranking(all), EvaluationViews.award(p, all), at(p.challengeDeadline()), challengeViews,
                contracts.contract(p), open,
                Money.format(held.reserved()), Money.format(held.disbursed()),
                p.score() == null ? null : p.score().toPlainString(), p.grade(), flag(p.bidDeadline()),
                at(periods.acceptedUntil(p)), flag(p.challengeDeadline()), at(deadlines.challengesAcceptedUntil(p)),
                evaluations.scoringProgress(p, reader).orElse(null));
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
        ContractViews.ContractView contract = contracts.published(p);
        return new PublicView(p.code(), p.title(), purchaserName, p.category(), Money.format(p.amount()), p.method(),
                money(p.bidDeposit()), date(p.noticePublishedOn()), at(p.bidDeadline()), p.status(), EvaluationViews.award(p, all),
                EvaluationViews.ranking(all),
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

    public static OffsetDateTime at(LocalDateTime local) {
        return local == null ? null : local.atZone(ShequClock.ZONE).toOffsetDateTime();
    }

    public static String date(java.time.LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** Purchasers, finance, auditors and administrators. */
    public static boolean official(CurrentUser reader) {
        return reader.isIn(Groups.STREET_OFFICE) || reader.isIn(Groups.CIVIL_AFFAIRS) || reader.isIn(Groups.FINANCE)
                || reader.isIn(Groups.AUDITOR) || reader.isIn(Groups.ADMIN);
    }

    private static String money(BigDecimal value) {
        return value == null ? null : Money.format(value);
    }

    public static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}

package cn.shequ.procurement.evaluation;

import cn.shequ.fund.Money;
import cn.shequ.identity.CurrentUser;
import cn.shequ.procurement.Procurement;
import cn.shequ.procurement.ProcurementStatus;
import cn.shequ.procurement.ProcurementViews;
import cn.shequ.procurement.bidding.Bid;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The JSON shapes of a procurement's evaluation (API.md), part of {@link ProcurementViews}' procurement: the
 * committee, the ranking and the award, and how far the scoring has come (counts only, 条例 art. 40).
 */
@Component
public class EvaluationViews {

    private final Evaluation evaluation;

    EvaluationViews(Evaluation evaluation) {
        this.evaluation = evaluation;
    }

    public record MemberView(String userId, boolean expert) {}

    public record RankView(int rank, long bidId, String provider, String price, String priceScore, String technicalScore,
                           String total) {}

    public record AwardView(long bidId, long providerId, String provider, String price, String noticeOn) {}

    /**
     * How far the committee's scoring has come, in counts only: how many members have scored every
     * qualified bid, and how many scores of all are in. For the purchaser's officials who do not sit
     * on the committee, while it scores; a member, a bidder or an expert learns nothing from it about
     * the others (条例 art. 40), so it is empty for them.
     */
    public record ScoringProgress(int members, int membersDone, int scores, int scoresDue) {}

    public Optional<ScoringProgress> scoringProgress(Procurement p, CurrentUser reader) {
        if (!ProcurementStatus.EVALUATING.name().equals(p.status()) || !ProcurementViews.official(reader)
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

    public static List<RankView> ranking(List<Bid> all) {
        return all.stream().filter(b -> b.bidRank() != null).sorted(Comparator.comparing(Bid::bidRank))
                .map(b -> new RankView(b.bidRank(), b.id(), b.providerName(), Money.format(b.price()),
                        ProcurementViews.text(b.priceScore()), ProcurementViews.text(b.technicalScore()),
                        ProcurementViews.text(b.totalScore()))).toList();
    }

    public static AwardView award(Procurement p, List<Bid> all) {
        if (p.awardBidId() == null) {
            return null;
        }
        return all.stream().filter(b -> b.id().equals(p.awardBidId())).findFirst()
                .map(b -> new AwardView(b.id(), b.providerId(), b.providerName(), Money.format(b.price()),
                        ProcurementViews.date(p.awardNoticeOn()))).orElse(null);
    }
}

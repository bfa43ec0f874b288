package cn.shequ.procurement.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The comprehensive scoring method for services (综合评分法, 87号令 art. 55): each bid's price
 * score is the lowest price ÷ its price × 100; its technical score the average of the committee's
 * scores; its total = price score × weight + technical score × (1 − weight), weight being the
 * price weight (10–30%). Each score is rounded to two decimals (half up) before it is used, so the
 * published figures add up. Ranked by total, highest first; on equal totals the lower price ranks
 * higher (87号令 art. 65), then the earlier bid. No engine, no database.
 */
public final class Ranking {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A bid to rank: id, price, when it was submitted (its order), and the committee's technical scores. */
    record Entry(long bidId, BigDecimal price, long order, List<BigDecimal> technicalScores) {}

    /** A ranked bid: rank 1 wins. */
    public record Result(long bidId, BigDecimal price, BigDecimal priceScore, BigDecimal technicalScore, BigDecimal total,
                  int rank) {}

    private Ranking() {}

    /** lowest ÷ price × 100, two decimals. */
    static BigDecimal priceScore(BigDecimal lowest, BigDecimal price) {
        return lowest.multiply(HUNDRED).divide(price, 2, RoundingMode.HALF_UP);
    }

    static BigDecimal average(List<BigDecimal> scores) {
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("a bid without technical scores cannot be ranked");
        }
        BigDecimal sum = scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
    }

    /** price score × weight% + technical × (100 − weight)%, two decimals. */
    static BigDecimal total(BigDecimal priceScore, BigDecimal technical, BigDecimal weightPercent) {
        BigDecimal weighted = priceScore.multiply(weightPercent)
                .add(technical.multiply(HUNDRED.subtract(weightPercent)));
        return weighted.divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    static List<Result> rank(List<Entry> entries, BigDecimal weightPercent) {
        if (entries.isEmpty()) {
            return List.of();
        }
        BigDecimal lowest = entries.stream().map(Entry::price).min(Comparator.naturalOrder()).orElseThrow();
        record Scored(Entry entry, BigDecimal priceScore, BigDecimal technical, BigDecimal total) {}
        List<Scored> scored = new ArrayList<>();
        for (Entry e : entries) {
            BigDecimal price = priceScore(lowest, e.price());
            BigDecimal technical = average(e.technicalScores());
            scored.add(new Scored(e, price, technical, total(price, technical, weightPercent)));
        }
        scored.sort(Comparator.comparing(Scored::total).reversed()
                .thenComparing(s -> s.entry().price())
                .thenComparingLong(s -> s.entry().order()));
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            results.add(new Result(s.entry().bidId(), s.entry().price(), s.priceScore(), s.technical(), s.total(), i + 1));
        }
        return results;
    }

    /** The technical scores of each bid, from the score rows. */
    static Map<Long, List<BigDecimal>> byBid(List<Score> scores) {
        Map<Long, List<BigDecimal>> byBid = new java.util.LinkedHashMap<>();
        scores.forEach(s -> byBid.computeIfAbsent(s.bidId(), id -> new ArrayList<>()).add(s.technicalScore()));
        return byBid;
    }
}

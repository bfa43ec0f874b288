package cn.shequ.procurement.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** 综合评分法 for services, 87号令 art. 55: price score, technical average, weighted total and ranking. */
class RankingTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @ParameterizedTest(name = "lowest {0}, price {1} → {2}")
    @CsvSource({
        // the lowest price itself scores full marks
        "100000.00, 100000.00, 100.00",
        // twice the lowest: half
        "100000.00, 200000.00, 50.00",
        // thirds round half up at two decimals
        "100000.00, 300000.00, 33.33",
        "200000.00, 300000.00, 66.67",
        // a fen above the lowest still rounds to 100.00; the difference shows only further away
        "100000.00, 100000.01, 100.00",
        "100000.00, 100500.00, 99.50",
        "0.01,      100000000.00, 0.00",
    })
    void thePriceScoreIsTheLowestPriceOverThePriceTimesAHundred(String lowest, String price, String score) {
        assertThat(Ranking.priceScore(d(lowest), d(price))).isEqualByComparingTo(d(score));
        assertThat(Ranking.priceScore(d(lowest), d(price)).scale()).isEqualTo(2);
    }

    @ParameterizedTest(name = "price {0}, technical {1}, weight {2}% → {3}")
    @CsvSource({
        "100.00, 70.00, 30, 79.00",
        "90.91,  90.00, 30, 90.27",
        // the two ends of the weight range allowed for services
        "100.00, 0.00,  10, 10.00",
        "100.00, 0.00,  30, 30.00",
        "50.00,  100.00, 10, 95.00",
        "33.33,  66.67, 25, 58.34",
    })
    void theTotalWeighsPriceAndTechnicalScores(String price, String technical, String weight, String total) {
        assertThat(Ranking.total(d(price), d(technical), d(weight))).isEqualByComparingTo(d(total));
    }

    @Test
    void theTechnicalScoreIsTheAverageOfTheMembersRoundedHalfUp() {
        assertThat(Ranking.average(List.of(d("80"), d("85"), d("90")))).isEqualByComparingTo(d("85.00"));
        assertThat(Ranking.average(List.of(d("80"), d("81"), d("81")))).isEqualByComparingTo(d("80.67"));
        assertThat(Ranking.average(List.of(d("0"), d("100")))).isEqualByComparingTo(d("50.00"));
        assertThatThrownBy(() -> Ranking.average(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHighestTotalWinsAndEveryBidIsRanked() {
        List<Ranking.Result> ranked = Ranking.rank(List.of(
                new Ranking.Entry(1, d("2200000.00"), 1, List.of(d("90"), d("90"))),
                new Ranking.Entry(2, d("2000000.00"), 2, List.of(d("70"), d("70"))),
                new Ranking.Entry(3, d("2300000.00"), 3, List.of(d("80"), d("80")))), d("30"));

        assertThat(ranked).extracting(Ranking.Result::bidId).containsExactly(1L, 3L, 2L);
        assertThat(ranked).extracting(Ranking.Result::rank).containsExactly(1, 2, 3);
        assertThat(ranked).extracting(r -> r.total().toPlainString()).containsExactly("90.27", "82.09", "79.00");
        assertThat(ranked.get(2).priceScore()).isEqualByComparingTo(d("100.00"));
    }

    @Test
    void onEqualTotalsTheLowerPriceRanksFirstThenTheEarlierBid() {
        // bid 1: 100 × 0.3 + 50 × 0.7 = 65.00; bid 2: 50 × 0.3 + 71.43 × 0.7 = 65.00 (64.999… rounded)
        List<Ranking.Result> byPrice = Ranking.rank(List.of(
                new Ranking.Entry(2, d("200.00"), 1, List.of(d("71.43"))),
                new Ranking.Entry(1, d("100.00"), 2, List.of(d("50")))), d("30"));
        assertThat(byPrice).extracting(r -> r.total().toPlainString()).containsExactly("65.00", "65.00");
        assertThat(byPrice).extracting(Ranking.Result::bidId).containsExactly(1L, 2L);

        List<Ranking.Result> byOrder = Ranking.rank(List.of(
                new Ranking.Entry(7, d("100.00"), 9, List.of(d("80"))),
                new Ranking.Entry(8, d("100.00"), 3, List.of(d("80")))), d("10"));
        assertThat(byOrder).extracting(Ranking.Result::bidId).containsExactly(8L, 7L);
    }

    @Test
    void allBidsAtOnePriceScoreFullMarksForPrice() {
        List<Ranking.Result> ranked = Ranking.rank(List.of(
                new Ranking.Entry(1, d("5000.00"), 1, List.of(d("60"))),
                new Ranking.Entry(2, d("5000.00"), 2, List.of(d("61")))), d("20"));
        assertThat(ranked).allSatisfy(r -> assertThat(r.priceScore()).isEqualByComparingTo(d("100.00")));
        assertThat(ranked.get(0).bidId()).isEqualTo(2L);
    }
}

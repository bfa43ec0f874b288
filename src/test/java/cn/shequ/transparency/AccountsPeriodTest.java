package cn.shequ.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shequ.refusal.Refusal;
import cn.shequ.web.Csv;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The period a request names, and the CSV cells of open data, at their edges. */
class AccountsPeriodTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Test
    void nothingMeansTheCurrentYearAndAQuarterItsThreeMonths() {
        assertThat(AccountsPeriod.parse(null, null, null, null, TODAY))
                .isEqualTo(new AccountsPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        assertThat(AccountsPeriod.parse("2027", "1", null, null, TODAY))
                .isEqualTo(new AccountsPeriod(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31)));
        assertThat(AccountsPeriod.parse("2024", "4", null, null, TODAY))
                .isEqualTo(new AccountsPeriod(LocalDate.of(2024, 10, 1), LocalDate.of(2024, 12, 31)));
        assertThat(AccountsPeriod.parse(null, null, "2026-02-28", "2026-02-28", TODAY))
                .isEqualTo(new AccountsPeriod(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 2, 28)));
    }

    @Test
    void badPeriodsAreRefusedNamingTheField() {
        assertField(() -> AccountsPeriod.parse(null, "0", null, null, TODAY), "quarter");
        assertField(() -> AccountsPeriod.parse(null, "5", null, null, TODAY), "quarter");
        assertField(() -> AccountsPeriod.parse("20x6", null, null, null, TODAY), "year");
        assertField(() -> AccountsPeriod.parse("1999", null, null, null, TODAY), "year");
        assertField(() -> AccountsPeriod.parse(null, null, "2026-02-30", "2026-03-01", TODAY), "from");
        assertField(() -> AccountsPeriod.parse(null, null, "2026-03-01", null, TODAY), "to");
        assertField(() -> AccountsPeriod.parse(null, null, "2026-03-02", "2026-03-01", TODAY), "to");
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Refusal.class,
                e -> assertThat(e.fields()).containsKey(field));
    }

    @Test
    void csvQuotesWhatNeedsItAndDisarmsFormulas() {
        String csv = new Csv(List.of("名称", "金额（元）")).row(Arrays.asList("东湖,西园 \"社区\"", "-12.50"))
                .row(Arrays.asList("=HYPERLINK(\"x\")", null)).toString();
        assertThat(csv).startsWith("\uFEFF名称,金额（元）\r\n");
        assertThat(csv).contains("\"东湖,西园 \"\"社区\"\"\",-12.50\r\n");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"x\"\")\",\r\n");
    }
}

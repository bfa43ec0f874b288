package cn.shequ.procurement.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shortest bid period per method, from the notice day (not counted) to the deadline day, with
 * the 2026 calendar's holidays and make-up working days.
 */
class BidPeriodsTest {

    private final BidPeriods periods = new BidPeriods(WorkingDayCalendar.fromClasspath());

    @ParameterizedTest(name = "{0} noticed {1} → not before {2}")
    @CsvSource({
        // 20 calendar days (采购法 art. 35), holidays included
        "OPEN_TENDER,              2026-06-01, 2026-06-21",
        "OPEN_TENDER,              2026-09-30, 2026-10-20",
        // 10 calendar days (财库〔2014〕214号)
        "COMPETITIVE_CONSULTATION, 2026-06-01, 2026-06-11",
        // 3 working days (第74号令 art. 29): over National Day, Saturday 10-10 is a make-up working day
        "COMPETITIVE_NEGOTIATION,  2026-09-30, 2026-10-10",
        "COMPETITIVE_NEGOTIATION,  2026-06-01, 2026-06-04",
        // 5 working days (第74号令 art. 38): over the Dragon Boat Festival, 06-19 is a holiday
        "SINGLE_SOURCE,            2026-06-16, 2026-06-24",
        // 3 working days like a request for quotations (第74号令 art. 45): over Labour Day
        "SMALL_PURCHASE,           2026-04-30, 2026-05-08",
        // noticed on a Saturday: the period starts with the next working day
        "SMALL_PURCHASE,           2026-06-06, 2026-06-10",
    })
    void theDeadlineIsNoEarlierThanTheLegalMinimum(String method, LocalDate notice, LocalDate earliest) {
        assertThat(periods.earliestDeadline(method, notice)).isEqualTo(earliest);
    }

    @ParameterizedTest
    @CsvSource({"OPEN_TENDER, 采购法第三十五条", "COMPETITIVE_CONSULTATION, 214号", "COMPETITIVE_NEGOTIATION, 第74号第二十九条",
        "SINGLE_SOURCE, 第74号第三十八条", "SMALL_PURCHASE, 第74号第四十五条"})
    void eachMinimumNamesItsSource(String method, String source) {
        assertThat(BidPeriods.minimum(method).describe()).contains(source);
    }
}

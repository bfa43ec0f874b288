package cn.shequ.auditor.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.calendar.WorkingDayCalendar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The purchase rules on their own, over records as the purchase tables will feed them
 * ({@link PurchaseRecords}), with the thresholds of the procurement-method table (¥1,000,000 and
 * ¥2,000,000) and the 2026 working-day calendar.
 */
class PurchaseRulesTest {

    static final Function<BigDecimal, String> METHOD = amount -> amount.compareTo(new BigDecimal("2000000")) >= 0
            ? "OPEN_TENDER" : amount.compareTo(new BigDecimal("1000000")) >= 0 ? "COMPETITIVE_CONSULTATION" : "SMALL_PURCHASE";
    static final LocalDateTime AT = LocalDateTime.of(2026, 3, 2, 9, 0);

    final SplitPurchase split = new SplitPurchase(null, null);
    final LateContractSigning signing = new LateContractSigning(null, WorkingDayCalendar.fromClasspath());
    final LateContractPublication publication = new LateContractPublication(null, WorkingDayCalendar.fromClasspath());

    static PurchaseRecords.Purchase purchase(String code, String purchaser, String category, int year, String amount,
                                             String method) {
        return new PurchaseRecords.Purchase(code, purchaser, category, year, new BigDecimal(amount), method, AT);
    }

    @Test
    void threeSmallPurchasesOfOneCategoryByOnePurchaserInOneYearAddingUpPastTheLimitAreSplit() {
        List<Anomaly> found = split.findings(List.of(
                purchase("PS-2026-0001", "S01", "ELDERLY_CARE", 2026, "400000.00", "SMALL_PURCHASE"),
                purchase("PS-2026-0002", "S01", "ELDERLY_CARE", 2026, "400000.00", "SMALL_PURCHASE"),
                purchase("PS-2026-0003", "S01", "ELDERLY_CARE", 2026, "300000.00", "SMALL_PURCHASE")), METHOD);
        assertThat(found).extracting(Anomaly::subject).containsExactly("PS-2026-0001", "PS-2026-0002", "PS-2026-0003");
        assertThat(found).allSatisfy(a -> {
            assertThat(a.rule()).isEqualTo("SPLIT_PURCHASE");
            assertThat(a.detail()).contains("合计 ¥1100000.00").contains("COMPETITIVE_CONSULTATION");
        });
    }

    @Test
    void purchasesAreCountedTogetherOnlyWithinOnePurchaserCategoryAndFiscalYear() {
        assertThat(split.findings(List.of(
                purchase("PS-2026-0001", "S01", "ELDERLY_CARE", 2026, "600000.00", "SMALL_PURCHASE"),
                purchase("PS-2026-0002", "S02", "ELDERLY_CARE", 2026, "600000.00", "SMALL_PURCHASE"),
                purchase("PS-2026-0003", "S01", "DISABILITY", 2026, "600000.00", "SMALL_PURCHASE"),
                purchase("PS-2027-0001", "S01", "ELDERLY_CARE", 2027, "600000.00", "SMALL_PURCHASE")), METHOD)).isEmpty();
    }

    @Test
    void theTotalJustBelowTheLimitIsNoSplitAndAPurchaseByTheRequiredMethodIsNotAFinding() {
        assertThat(split.findings(List.of(
                purchase("PS-2026-0001", "S01", "HEALTH", 2026, "500000.00", "SMALL_PURCHASE"),
                purchase("PS-2026-0002", "S01", "HEALTH", 2026, "499999.99", "SMALL_PURCHASE")), METHOD)).isEmpty();
        List<Anomaly> found = split.findings(List.of(
                purchase("PS-2026-0001", "S01", "HEALTH", 2026, "1500000.00", "COMPETITIVE_CONSULTATION"),
                purchase("PS-2026-0002", "S01", "HEALTH", 2026, "600000.00", "SMALL_PURCHASE"),
                purchase("PS-2026-0003", "S01", "HEALTH", 2026, "300000.00", "SINGLE_SOURCE")), METHOD);
        // total 2,400,000 calls for an open tender: both ranked methods fall short; single source is an approved exception
        assertThat(found).extracting(Anomaly::subject).containsExactly("PS-2026-0001", "PS-2026-0002");
    }

    @Test
    void aContractSignedOnTheThirtiethDayIsInTimeOnTheThirtyFirstLate() {
        LocalDate award = LocalDate.of(2026, 3, 2);
        assertThat(signing.findings(List.of(new PurchaseRecords.Contract("PS-2026-0001", award, award.plusDays(30), null, null)),
                award.plusDays(40))).isEmpty();
        List<Anomaly> late = signing.findings(List.of(new PurchaseRecords.Contract("PS-2026-0002", award, award.plusDays(31), null, null)),
                award.plusDays(40));
        assertThat(late).extracting(Anomaly::rule).containsExactly("CONTRACT_SIGNED_LATE");
        assertThat(late.get(0).detectedAt().toLocalDate()).isEqualTo(award.plusDays(31));
        assertThat(signing.findings(List.of(new PurchaseRecords.Contract("PS-2026-0003", award, null, null, null)), award.plusDays(30)))
                .as("unsigned, but the 30 days are not over").isEmpty();
        assertThat(signing.findings(List.of(new PurchaseRecords.Contract("PS-2026-0003", award, null, null, null)), award.plusDays(31)))
                .extracting(Anomaly::detail).singleElement().asString().contains("至今未签订");
    }

    @Test
    void aThirtiethDayInTheNationalDayHolidayMovesTheLastDayToSignToTheFirstWorkingDayAfterIt() {
        // award Tuesday 1 September 2026: the 30th day is 1 October, the holiday runs to 7 October (民法典 art. 203)
        LocalDate award = LocalDate.of(2026, 9, 1);
        assertThat(signing.findings(List.of(new PurchaseRecords.Contract("PS-2026-0007", award, LocalDate.of(2026, 10, 8), null, null)),
                LocalDate.of(2026, 11, 1))).isEmpty();
        assertThat(signing.findings(List.of(new PurchaseRecords.Contract("PS-2026-0008", award, null, null, null)),
                LocalDate.of(2026, 10, 8))).as("unsigned on the last day: not yet late").isEmpty();
        List<Anomaly> late = signing.findings(List.of(new PurchaseRecords.Contract("PS-2026-0009", award, LocalDate.of(2026, 10, 9),
                null, null)), LocalDate.of(2026, 11, 1));
        assertThat(late).extracting(Anomaly::detail).singleElement().asString().contains("期限 2026-10-08");
        assertThat(late.get(0).detectedAt().toLocalDate()).isEqualTo(LocalDate.of(2026, 10, 9));
    }

    @Test
    void aSigningBackDatedToBeforeTheDeadlineButRecordedMoreThanADayLaterCountsFromItsRecording() {
        // award Tuesday 1 September 2026: the last day to sign is Thursday 8 October
        LocalDate award = LocalDate.of(2026, 9, 1);
        LocalDate typed = LocalDate.of(2026, 10, 8);
        // recorded the next day: an ordinary delay, the typed date stands
        assertThat(signing.findings(List.of(new PurchaseRecords.Contract("PS-2026-0010", award, typed, null,
                LocalDateTime.of(2026, 10, 9, 18, 0))), LocalDate.of(2026, 11, 1))).isEmpty();
        // recorded two days later, after the deadline: the recorded day counts
        List<Anomaly> late = signing.findings(List.of(new PurchaseRecords.Contract("PS-2026-0011", award, typed, null,
                LocalDateTime.of(2026, 10, 10, 9, 0))), LocalDate.of(2026, 11, 1));
        assertThat(late).extracting(Anomaly::detail).singleElement().asString()
                .contains("签订日期填写为 2026-10-08", "2026-10-10 才录入", "期限 2026-10-08");
        // recorded long after a signing that was itself in time and before the deadline: nothing to flag
        assertThat(signing.findings(List.of(new PurchaseRecords.Contract("PS-2026-0012", award, LocalDate.of(2026, 9, 10), null,
                LocalDateTime.of(2026, 9, 20, 9, 0))), LocalDate.of(2026, 11, 1))).isEmpty();
    }

    @Test
    void publicationIsDueTwoWorkingDaysAfterSigningCountedOverHolidays() {
        // signed Thursday 30 April 2026; 1–5 May are the Labour Day holiday: due Thursday 7 May
        LocalDate signed = LocalDate.of(2026, 4, 30);
        LocalDate award = LocalDate.of(2026, 4, 20);
        assertThat(publication.findings(List.of(new PurchaseRecords.Contract("PS-2026-0004", award, signed,
                LocalDate.of(2026, 5, 7), null)), LocalDate.of(2026, 6, 1))).isEmpty();
        List<Anomaly> late = publication.findings(List.of(new PurchaseRecords.Contract("PS-2026-0005", award, signed,
                LocalDate.of(2026, 5, 8), null)), LocalDate.of(2026, 6, 1));
        assertThat(late).extracting(Anomaly::detail).singleElement().asString().contains("公告期限 2026-05-07");
        assertThat(publication.findings(List.of(new PurchaseRecords.Contract("PS-2026-0006", award, signed, null, null)),
                LocalDate.of(2026, 5, 7))).as("unpublished on the last day: not yet late").isEmpty();
    }

    @Test
    void aContractSignedInAYearWithoutCalendarIsCheckedOnTheProvisionalCalendarAndSaysSo() {
        // signed Friday 2030-12-20: 2 working days on 2030's provisional calendar are 12-23 and 12-24
        List<Anomaly> found = publication.findings(List.of(new PurchaseRecords.Contract("PS-2030-0001",
                LocalDate.of(2030, 12, 1), LocalDate.of(2030, 12, 20), LocalDate.of(2030, 12, 27), null)), LocalDate.of(2031, 1, 5));
        assertThat(found).extracting(Anomaly::detail).singleElement().asString()
                .contains("公告期限 2030-12-24（暂定").contains("2030-12-27 公告");
    }
}

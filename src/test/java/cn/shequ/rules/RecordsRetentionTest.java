package cn.shequ.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.procurement.PurchaseProcess;
import cn.shequ.project.ServiceProjectProcess;
import cn.shequ.provider.ProviderCertificationProcess;
import cn.shequ.reports.AnnualReportProcess;
import cn.shequ.rules.Decisions.ApprovalAuthority;
import cn.shequ.rules.Decisions.MeetingOutcome;
import cn.shequ.rules.Decisions.PerformanceGrade;
import cn.shequ.rules.Decisions.ProcurementMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DOMAIN-RULES "Records retention": every process and decision model keeps its history at least as
 * long as the records it holds — 30 years for anything that moves money (会计档案管理办法 art. 14), 15
 * for procurement files (采购法 art. 42) — counted from the end of the fiscal year in which the case
 * closed, leap days included, and no longer than that needs (ADR 0012). A case closing on 1 January of
 * year Y is removed {@code historyTimeToLive} days later, and must still be there at the end of
 * 31 December of Y + years: the smallest such count over every placement of the leap years.
 */
class RecordsRetentionTest {

    /** The legal years of each model's records, by process or decision id. */
    static final Map<String, Integer> YEARS = Map.of(
            ServiceProjectProcess.PROCESS_ID, 30,        // payments, the fund ledger
            PurchaseProcess.PROCESS_ID, 30,              // contract payments; its procurement files (15) are inside
            ProviderCertificationProcess.PROCESS_ID, 15, // a supplier's qualification: procurement files
            ApprovalAuthority.ID, 30,                    // decides who approves a project's money
            MeetingOutcome.ID, 30,                       // the residents' decision to spend
            PerformanceGrade.ID, 30,                     // the settlement that releases money
            ProcurementMethod.ID, 30,                    // the method of a purchase that pays a contract
            AnnualReportProcess.PROCESS_ID, 30);         // a report on the year's money (the report itself is kept in Shequ's store)

    /**
     * The fewest days from 1 January of a year Y to the end of 31 December of Y + {@code years}, over every
     * Y of a 400-year Gregorian cycle: a case closed on the fiscal year's first day, kept {@code years}
     * full years after the year's end.
     */
    static long smallestCoveringDays(int years) {
        long most = 0;
        for (int y = 2000; y < 2400; y++) {
            most = Math.max(most, ChronoUnit.DAYS.between(LocalDate.of(y, 1, 1), LocalDate.of(y + years + 1, 1, 1)));
        }
        return most;
    }

    @Test
    void thirtyYearsFromTheEndOfTheFiscalYearAre11323DaysAndFifteen5844() {
        // 31 years of 365 days and at most 8 leap days; 16 years of 365 days and 4 leap days
        assertThat(smallestCoveringDays(30)).isEqualTo(31 * 365 + 8).isEqualTo(11323);
        assertThat(smallestCoveringDays(15)).isEqualTo(16 * 365 + 4).isEqualTo(5844);
        // the former 10,950 and 5,475 days were 30 and 15 times 365: a week and more short
        assertThat(smallestCoveringDays(30) - 10950).isEqualTo(373);
    }

    @Test
    void everyModelKeepsItsHistoryForItsRecordsLegalYearsAndNoMore() throws IOException {
        Map<String, Long> found = new TreeMap<>();
        Pattern definition = Pattern.compile("<(?:bpmn:process|decision)\\b[^>]*?\\bid=\"([^\"]+)\"[^>]*>");
        Pattern ttl = Pattern.compile("camunda:historyTimeToLive=\"([^\"]*)\"");
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn")).toList()) {
                Matcher m = definition.matcher(Files.readString(file));
                while (m.find()) {
                    Matcher t = ttl.matcher(m.group());
                    assertThat(t.find()).as(file + " " + m.group(1) + " has no camunda:historyTimeToLive").isTrue();
                    found.put(m.group(1), Long.parseLong(t.group(1)));
                }
            }
        }
        assertThat(found.keySet()).as("a model the retention rule does not name").containsExactlyInAnyOrderElementsOf(YEARS.keySet());
        found.forEach((id, days) -> assertThat(days).as(id + ": " + YEARS.get(id) + " years from the end of the fiscal year")
                .isEqualTo(smallestCoveringDays(YEARS.get(id))));
    }
}

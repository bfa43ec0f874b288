package cn.shequ.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A calendar file that is not exactly right stops start-up, naming the file and the line. */
class CalendarFileParserTest {

    private static YearCalendar parse(String text) {
        return CalendarFileParser.parse("test.properties", 2026, new StringReader(text));
    }

    @Test
    void readsHolidaysMakeUpDaysCommentsAndBlankLines() {
        YearCalendar year = parse("\uFEFF# header\n! also a comment\n\n"
                + "2026-10-01=HOLIDAY 国庆节\n  2026-10-10 = WORKDAY  国庆节调休  \n");
        assertThat(year.days()).hasSize(2);
        assertThat(year.days().get(LocalDate.parse("2026-10-10")))
                .isEqualTo(new CalendarDay(LocalDate.parse("2026-10-10"), DayKind.WORKDAY, "国庆节调休"));
        assertThat(year.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
        assertThat(year.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "2026-10-01 HOLIDAY 国庆节   | expected YYYY-MM-DD=            | a line without '='",
        "2026-02-30=HOLIDAY 春节     | not a date in the form YYYY-MM-DD | a date that does not exist",
        "26-10-01=HOLIDAY 国庆节     | not a date in the form YYYY-MM-DD | a two-digit year",
        "2027-01-01=HOLIDAY 元旦     | not in 2026                        | a date outside the file's year",
        "2026-10-01=HOLIDAYS 国庆节  | HOLIDAY or WORKDAY                 | an unknown kind",
        "2026-10-01=holiday 国庆节   | HOLIDAY or WORKDAY                 | a lower-case kind",
        "2026-10-01=HOLIDAY          | name is missing                    | a missing holiday name",
        "2026-10-09=WORKDAY 国庆节调休 | must be a Saturday or Sunday     | a make-up day on a Friday",
    })
    void aBadLineIsRefusedWithFileAndLine(String badLine, String reason, String description) {
        String text = "# header\n2026-01-01=HOLIDAY 元旦\n" + badLine + "\n2026-01-02=HOLIDAY 元旦\n";
        assertThatThrownBy(() -> parse(text))
                .isInstanceOfSatisfying(MalformedCalendarFileException.class, e -> {
                    assertThat(e.source()).isEqualTo("test.properties");
                    assertThat(e.line()).isEqualTo(3);
                })
                .hasMessageContaining("test.properties line 3")
                .hasMessageContaining(reason);
    }

    @Test
    void aDateListedTwiceIsRefusedNamingBothLines() {
        assertThatThrownBy(() -> parse("2026-10-01=HOLIDAY 国庆节\n\n2026-10-01=HOLIDAY 国庆节\n"))
                .isInstanceOf(MalformedCalendarFileException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("already listed on line 1");
    }

    @Test
    void aMalformedFileOnTheClasspathIsRefusedNamingTheFileAndLine() {
        assertThatThrownBy(() -> WorkingDayCalendar.load("classpath*:calendar-test/malformed/*.properties"))
                .isInstanceOf(MalformedCalendarFileException.class)
                .hasMessageContaining("calendar-test/malformed/2026.properties")
                .hasMessageContaining("line 4")
                .hasMessageContaining("2026-02-30");
    }

    @Test
    void aFileNotNamedAfterItsYearIsRefused() {
        assertThatThrownBy(() -> WorkingDayCalendar.load("classpath*:calendar-test/badname/*.properties"))
                .isInstanceOf(MalformedCalendarFileException.class)
                .hasMessageContaining("holidays-2026.properties")
                .hasMessageContaining("file name must be the year");
    }

    @Test
    void noCalendarFileAtAllIsRefused() {
        assertThatThrownBy(() -> WorkingDayCalendar.load("classpath*:calendar-test/none/*.properties"))
                .isInstanceOf(MalformedCalendarFileException.class)
                .hasMessageContaining("no calendar file found");
    }

    @Test
    void twoFilesForTheSameYearAreRefused() {
        YearCalendar first = CalendarFileParser.parse("a/2026.properties", 2026, new StringReader(""));
        YearCalendar second = CalendarFileParser.parse("b/2026.properties", 2026, new StringReader(""));
        assertThatThrownBy(() -> new WorkingDayCalendar(List.of(first, second)))
                .isInstanceOf(MalformedCalendarFileException.class)
                .hasMessageContaining("a/2026.properties")
                .hasMessageContaining("b/2026.properties");
    }
}

package cn.shequ.admin;

import cn.shequ.calendar.OfficialCalendars;
import cn.shequ.calendar.WorkingDayCalendar;
import cn.shequ.engine.ShequClock;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.refusal.Refusal;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar for administrators (API.md, docs/calendar.md; {@code /api/admin/**} is for
 * the admin group): which years are official or provisional, each year's days, and loading a year's
 * official arrangement in the text format of {@code calendar/<year>.properties}.
 */
@RestController
class CalendarController {

    private final WorkingDayCalendar calendar;
    private final OfficialCalendars calendars;
    private final CalendarAdministration administration;
    private final CurrentUsers users;
    private final ShequClock clock;

    CalendarController(WorkingDayCalendar calendar, OfficialCalendars calendars, CalendarAdministration administration,
                       CurrentUsers users, ShequClock clock) {
        this.calendar = calendar;
        this.calendars = calendars;
        this.administration = administration;
        this.users = users;
        this.clock = clock;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record YearView(int year, boolean provisional, boolean shipped, String source, String loadedBy, String loadedAt) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CalendarView(String today, List<YearView> years, boolean nextYearMissing, String banner) {}

    record YearDays(int year, boolean provisional, String source, List<String> days) {}

    @GetMapping("/api/admin/calendar")
    CalendarView list() {
        LocalDate today = clock.today();
        List<YearView> years = new ArrayList<>();
        int first = Math.min(today.getYear() - 1, calendar.coveredYears().isEmpty() ? today.getYear() : calendar.coveredYears().first());
        for (int year = first; year <= today.getYear() + 1; year++) {
            years.add(year(year));
        }
        boolean missing = calendars.nextYearMissing(today);
        return new CalendarView(today.toString(), years, missing, missing ? banner(today.getYear() + 1) : null);
    }

    @GetMapping("/api/admin/calendar/{year}")
    YearDays days(@PathVariable String year) {
        int y = year(year);
        WorkingDayCalendar.YearStatus status = calendar.status(y);
        return new YearDays(y, status.provisional(), status.source(), status.days());
    }

    @PutMapping("/api/admin/calendar/{year}")
    CalendarAdministration.Result load(@PathVariable String year, @RequestBody(required = false) String text) {
        int y = year(year);
        if (calendar.hasFile(y)) {
            throw Refusal.conflict("CALENDAR_SHIPPED", y + " 年的官方安排已随系统发布（calendar/" + y
                    + ".properties），不能在此替换；如需更正，请发布新版本 / " + y + " ships with Shequ and cannot be replaced here");
        }
        try {
            return administration.load(y, text, users.current().userId());
        } catch (OfficialCalendars.RefusedArrangement refused) {
            throw Refusal.invalid("arrangement", refused.getMessage());
        }
    }

    /** Withdraws a year's loaded arrangement (one loaded by mistake): the year is provisional again. */
    @DeleteMapping("/api/admin/calendar/{year}")
    CalendarAdministration.Result withdraw(@PathVariable String year) {
        int y = year(year);
        if (calendar.hasFile(y)) {
            throw Refusal.conflict("CALENDAR_SHIPPED", y + " 年的官方安排随系统发布（calendar/" + y
                    + ".properties），不能撤回 / " + y + " ships with Shequ");
        }
        try {
            return administration.withdraw(y, users.current().userId());
        } catch (OfficialCalendars.RefusedArrangement refused) {
            throw Refusal.notFound("已载入的 " + y + " 年安排", year);
        }
    }

    /** The page's CSRF token, for its PUT from a logged-in browser session. */
    @GetMapping("/api/admin/calendar/csrf")
    Map<String, String> csrf(CsrfToken token) {
        return Map.of("headerName", token.getHeaderName(), "token", token.getToken());
    }

    static String banner(int year) {
        return "尚未载入 " + year + " 年的官方节假日安排：" + year + " 年的期限目前按暂定日历（法定节假日，无调休）计算，"
                + "国务院办公厅公布通知后请在此载入。";
    }

    private YearView year(int year) {
        WorkingDayCalendar.YearStatus status = calendar.status(year);
        var stored = calendar.hasFile(year) ? java.util.Optional.<OfficialCalendars.Stored>empty() : calendars.stored(year);
        return new YearView(year, status.provisional(), calendar.hasFile(year), status.source(),
                stored.map(OfficialCalendars.Stored::loadedBy).orElse(null),
                stored.map(s -> s.loadedAt().withNano(0).toString()).orElse(null));
    }

    private static int year(String text) {
        try {
            int year = Integer.parseInt(text.trim());
            if (year >= OfficialCalendars.FIRST_LOADABLE_YEAR && year <= 2100) {
                return year;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new Refusal(Refusal.Kind.INVALID, "INVALID_INPUT", "年份须为 " + OfficialCalendars.FIRST_LOADABLE_YEAR
                + " 到 2100 之间的四位数字 / year must be " + OfficialCalendars.FIRST_LOADABLE_YEAR + "..2100",
                Map.of("year", "年份须为 " + OfficialCalendars.FIRST_LOADABLE_YEAR + " 到 2100 之间的四位数字 / year must be "
                        + OfficialCalendars.FIRST_LOADABLE_YEAR + "..2100"));
    }
}

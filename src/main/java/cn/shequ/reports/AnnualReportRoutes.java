package cn.shequ.reports;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Who reports to whom and by when (汕府〔2007〕60号: 进展情况于每年2月底前报送市民政局; 粤府〔2007〕6号: 于每年
 * 3月31日前报送省民政厅), per level and, where a jurisdiction differs, per reporting body:
 * <pre>
 * shequ.annual-report.district.recipient  汕头市民政局       shequ.annual-report.district.deadline  02-last
 * shequ.annual-report.city.recipient      广东省民政厅       shequ.annual-report.city.deadline      03-31
 * shequ.annual-report.bodies.D01.recipient / .deadline     (one district's own, overriding its level's)
 * shequ.annual-report.draft-on  01-02     shequ.annual-report.reminder-days  10
 * </pre>
 * A deadline is {@code MM-dd} or {@code MM-last} (the month's last day: the end of February is the 28th
 * or the 29th). A date that does not exist (02-30, 04-31) stops the start with a message naming the key.
 */
@Component
public class AnnualReportRoutes {

    public static final String PREFIX = "shequ.annual-report";
    public static final String DISTRICT = "DISTRICT";
    public static final String CITY = "CITY";

    /** One route: the recipient and the deadline (month and day, or the month's last day). */
    public record Route(String recipient, int month, Integer day) {

        /** The deadline for the report on {@code reportYear}: in the following year. */
        public LocalDate deadline(int reportYear) {
            YearMonth ym = YearMonth.of(reportYear + 1, month);
            return day == null ? ym.atEndOfMonth() : ym.atDay(Math.min(day, ym.lengthOfMonth()));
        }
    }

    private final Route district;
    private final Route city;
    private final Map<String, Route> bodies = new TreeMap<>();
    private final MonthDay draftOn;
    private final int reminderDays;

    public AnnualReportRoutes(Environment env) {
        district = route(env, PREFIX + ".district", "汕头市民政局", "02-last");
        city = route(env, PREFIX + ".city", "广东省民政厅", "03-31");
        Bindable<Map<String, Map<String, String>>> map = Bindable.of(ResolvableType.forClassWithGenerics(Map.class,
                ResolvableType.forClass(String.class), ResolvableType.forClassWithGenerics(Map.class, String.class, String.class)));
        Map<String, Map<String, String>> configured = Binder.get(env).bind(PREFIX + ".bodies", map).orElse(Map.of());
        for (String body : configured.keySet()) {
            bodies.put(body, route(env, PREFIX + ".bodies." + body, district.recipient(), null));
        }
        String draft = env.getProperty(PREFIX + ".draft-on", "01-02");
        MonthDay parsedDraft = parse(PREFIX + ".draft-on", draft);
        if (parsedDraft == null) {
            throw invalid(PREFIX + ".draft-on", draft);
        }
        draftOn = parsedDraft;
        String days = env.getProperty(PREFIX + ".reminder-days", "10");
        try {
            reminderDays = Integer.parseInt(days.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("配置项 " + PREFIX + ".reminder-days 应为 0 至 60 的整数（天），现为“" + days
                    + "” / must be a number of days");
        }
        if (reminderDays < 0 || reminderDays > 60) {
            throw new IllegalStateException("配置项 " + PREFIX + ".reminder-days 应为 0 至 60 的整数（天），现为 " + reminderDays
                    + " / must be 0 to 60 days");
        }
    }

    /** The route of a reporting body: its own if configured, else its level's. */
    public Route of(String level, String bodyCode) {
        Route own = bodies.get(bodyCode);
        if (own != null) {
            return own;
        }
        return CITY.equals(level) ? city : district;
    }

    public MonthDay draftOn() {
        return draftOn;
    }

    public int reminderDays() {
        return reminderDays;
    }

    private static Route route(Environment env, String prefix, String defaultRecipient, String defaultDeadline) {
        String recipient = env.getProperty(prefix + ".recipient", defaultRecipient);
        if (recipient == null || recipient.isBlank() || recipient.length() > 64) {
            throw new IllegalStateException("配置项 " + prefix + ".recipient 应为 1 至 64 个字的接收单位名称 / recipient of 1 to 64 characters");
        }
        String key = prefix + ".deadline";
        String deadline = env.getProperty(key, defaultDeadline);
        if (deadline == null) {
            throw new IllegalStateException("配置项 " + key + " 未设置：报送期限（MM-dd 或 MM-last） / the deadline is missing");
        }
        String text = deadline.trim();
        if (text.matches("\\d{2}-last")) {
            int month = Integer.parseInt(text.substring(0, 2));
            if (month < 1 || month > 12) {
                throw invalid(key, deadline);
            }
            return new Route(recipient.trim(), month, null);
        }
        MonthDay md = parse(key, text);
        if (md == null) {
            throw invalid(key, deadline);
        }
        return new Route(recipient.trim(), md.getMonthValue(), md.getDayOfMonth());
    }

    /** {@code MM-dd} as a day that exists in some year (02-29 does, in leap years); null when not MM-dd. */
    private static MonthDay parse(String key, String text) {
        if (!text.trim().matches("\\d{2}-\\d{2}")) {
            return null;
        }
        int month = Integer.parseInt(text.trim().substring(0, 2));
        int day = Integer.parseInt(text.trim().substring(3));
        try {
            return MonthDay.of(month, day);
        } catch (DateTimeException noSuchDay) {
            throw new IllegalStateException("配置项 " + key + " 的日期“" + text.trim() + "”不存在（" + month + "月没有" + day
                    + "日），请改为实际存在的日期，或用 MM-last 表示月末 / " + key + ": no such day " + text.trim());
        }
    }

    private static IllegalStateException invalid(String key, String value) {
        return new IllegalStateException("配置项 " + key + " 应为 MM-dd（如 03-31）或 MM-last（月末，如 02-last），现为“" + value
                + "” / " + key + " must be MM-dd or MM-last");
    }
}

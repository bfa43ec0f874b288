package cn.shequ.pages;

import cn.shequ.engine.ShequClock;
import cn.shequ.identity.Groups;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The Chinese words the pages show for Shequ's codes (statuses, decisions, modes) and the way they
 * write money and dates: ¥12,000.00, 2026-12-06 14:30 Beijing time. Used from the templates as
 * {@code @labels}; display only, never a rule.
 */
@Component("labels")
public class Labels {

    static final Map<String, String> STATUSES = Map.ofEntries(Map.entry("DRAFT", "草稿"),
            Map.entry("AWAITING_MEETING", "待居民会议表决"), Map.entry("IN_REVIEW", "审核中"), Map.entry("RETURNED", "退回修改"),
            Map.entry("AWAITING_FINANCE", "待财政审核"), Map.entry("IN_PROCUREMENT", "采购中"), Map.entry("IN_DELIVERY", "实施中"),
            Map.entry("AWAITING_FINAL_ACCEPTANCE", "待终期验收"), Map.entry("IN_AUDIT", "审计中"), Map.entry("RECTIFYING", "整改中"),
            Map.entry("CLOSED", "已结项"), Map.entry("REJECTED", "未获批准"), Map.entry("REJECTED_BY_RESIDENTS", "居民会议未通过"),
            Map.entry("WITHDRAWN", "已撤回"), Map.entry("PURCHASE_FAILED", "采购未成功"));

    static final Map<String, String> TASKS = Map.ofEntries(Map.entry("prepare-proposal", "编制项目报告书"),
            Map.entry("record-resident-meeting", "记录居民会议表决"), Map.entry("street-office-review", "街道办事处审核"),
            Map.entry("civil-affairs-review", "区民政局审核"), Map.entry("finance-review", "财政审核与资金预留"),
            Map.entry("report-milestone", "里程碑报告"), Map.entry("accept-milestone", "里程碑验收"),
            Map.entry("approve-payment", "财政审批拨付"), Map.entry("final-acceptance", "终期验收与绩效评价"),
            Map.entry("audit-review", "审计"), Map.entry("rectify", "整改"));

    static final Map<String, String> DECISIONS = Map.ofEntries(Map.entry("APPROVE", "同意"), Map.entry("RETURN", "退回修改"),
            Map.entry("REJECT", "不予批准"), Map.entry("SUBMIT", "提交"), Map.entry("PASSED", "通过"),
            Map.entry("REJECTED", "未通过"), Map.entry("NO_QUORUM", "不足法定人数"), Map.entry("CLEAN", "无问题"),
            Map.entry("FINDINGS", "有问题，须整改"), Map.entry("ACCEPT", "验收合格"), Map.entry("ESCALATED", "已督办"));

    static final Map<String, String> MODES = Map.of("SELF", "居委会自行实施", "SOCIAL_ORG", "委托社会组织",
            "PURCHASE", "政府购买服务");

    static final Map<String, String> MEETING_MODES = Map.of("ALL_ADULTS", "全体十八周岁以上居民",
            "HOUSEHOLD_REPS", "每户派代表", "GROUP_REPS", "居民小组代表");

    static final Map<String, String> MEETING_KINDS = Map.of("RESIDENTS_MEETING", "居民会议",
            "REPRESENTATIVES_MEETING", "居民代表会议");

    static final Map<String, String> MILESTONE_STATUSES = Map.of("PENDING", "未开始", "REPORTED", "已报告",
            "ACCEPTED", "已验收", "APPROVED", "已批准拨付", "PAID", "已拨付", "REJECTED", "验收未通过");

    /** Where the English half of "中文 / English" starts. */
    private static final java.util.regex.Pattern ENGLISH = java.util.regex.Pattern.compile("\\s*/ [A-Za-z(]");

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public String status(String code) {
        return STATUSES.getOrDefault(code, code);
    }

    public String task(String key) {
        return TASKS.getOrDefault(key, key);
    }

    public String decision(String code) {
        return code == null ? "" : DECISIONS.getOrDefault(code, code);
    }

    public String mode(String code) {
        return MODES.getOrDefault(code, code);
    }

    public String meetingMode(String code) {
        return MEETING_MODES.getOrDefault(code, code);
    }

    public String meetingKind(String code) {
        return MEETING_KINDS.getOrDefault(code, code);
    }

    public String milestoneStatus(String code) {
        return MILESTONE_STATUSES.getOrDefault(code, code);
    }

    public String group(String id) {
        return Groups.BUSINESS.getOrDefault(id, Groups.ADMIN.equals(id) ? "系统管理员" : id);
    }

    public String groups(List<String> ids) {
        return String.join("、", ids.stream().filter(id -> !Groups.CAMUNDA_ADMIN.equals(id)).map(this::group).toList());
    }

    /** ¥12,000.00 */
    public String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return "¥" + format.format(amount);
    }

    /** ¥12,000.00 from an amount the API's views carry as text ("12000.00"). */
    public String moneyText(String amount) {
        return amount == null || amount.isBlank() ? "" : money(new BigDecimal(amount));
    }

    /** 980 字节, 12 KB, 3.4 MB */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " 字节";
        }
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    public String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    /** 2026-12-06 14:30, in Beijing time as every Shequ table keeps it. */
    public String time(LocalDateTime at) {
        return at == null ? "" : at.format(MINUTE);
    }

    /** The Chinese sentence of a message written "中文 / English": what a page shows. */
    public static String chinese(String message) {
        if (message == null) {
            return "";
        }
        java.util.regex.Matcher english = ENGLISH.matcher(message);
        return (english.find() ? message.substring(0, english.start()) : message).trim();
    }

    /**
     * The sentence at the top of a refused form: the refusal itself, or, when it names fields, a
     * pointer to them plus the problems of fields the form does not show ({@code shown} tells which it does).
     */
    public static String refusal(String prefix, cn.shequ.refusal.Refusal e, java.util.function.Predicate<String> shown) {
        if (e.fields().isEmpty()) {
            return prefix + chinese(e.getMessage());
        }
        List<String> elsewhere = e.fields().entrySet().stream().filter(f -> !shown.test(f.getKey()))
                .map(f -> chinese(f.getValue())).toList();
        return prefix + "请按标红的提示修改" + (elsewhere.isEmpty() ? "。" : "：" + String.join("；", elsewhere));
    }

    /** "no 必填" as a person reads it: "反对票 必填" (a service names a field by its key). */
    public static String labelled(String key, String message, String label) {
        return label != null && message.startsWith(key + " ") ? label + message.substring(key.length()) : message;
    }

    static String zone() {
        return ShequClock.ZONE.getId();
    }
}

package cn.shequ.task;

/**
 * A task's name as every list shows it: the step, then its subject, e.g.
 * "财政审批拨付 · SP-2026-0002 东湖社区长者助餐服务 · 第1期 ¥12,000.00". The task definition key
 * stays the step's; only the name the engine and the task index carry names the subject. A name
 * fits the task index's column ({@link #MAX_LENGTH}): a long title is shortened with "…", never
 * the code, the milestone or the amount.
 */
public final class TaskNames {

    /** work_item.name is VARCHAR(100); the engine's NAME_ holds 255. */
    public static final int MAX_LENGTH = 100;

    static final String SEPARATOR = " · ";

    private TaskNames() {}

    /**
     * {@code step · code title · tail}; {@code title} is cut to fit, {@code tail} (milestone, amount,
     * bidder) may be null.
     */
    public static String of(String step, String code, String title, String tail) {
        String head = step + SEPARATOR + code;
        String end = tail == null || tail.isBlank() ? "" : SEPARATOR + tail;
        String name = title == null || title.isBlank() ? head + end : head + " " + title.strip() + end;
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        int room = MAX_LENGTH - head.length() - 1 - end.length() - 1;
        if (room < 1 || title == null) {
            return name.substring(0, MAX_LENGTH - 1) + "…";
        }
        return head + " " + title.strip().substring(0, room) + "…" + end;
    }

    /** Escapes what Markdown would read as markup in a text users typed (titles, minutes) for a form's text view. */
    public static String markdown(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\`*_{}[]()<>#+-!|~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        return out.toString();
    }
}

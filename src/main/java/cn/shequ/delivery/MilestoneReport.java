package cn.shequ.delivery;

import java.util.List;

/**
 * A milestone's report by whoever delivers it: what was done (完成情况) and the evidence (佐证材料), both
 * required. Who may report is the process's: the committee, or the contracted provider alone (102号令 art. 26:
 * the service is not passed on).
 */
public record MilestoneReport(String summary, String evidence) {

    /** The fields {@link #read} reads. */
    public static final List<String> FIELDS = List.of("summary", "evidence");

    /**
     * Reads the fields summary (at most {@code textMax} characters) and evidence (at most {@code commentMax});
     * refuses, naming each field at fault, when either is missing or too long.
     */
    public static MilestoneReport read(DeliveryForm form, int textMax, int commentMax) {
        String summary = form.text("summary", "完成情况", textMax, true);
        String evidence = form.text("evidence", "佐证材料", commentMax, true);
        form.refuseIfInvalid();
        return new MilestoneReport(summary, evidence);
    }
}

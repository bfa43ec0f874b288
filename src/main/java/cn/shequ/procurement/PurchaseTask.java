package cn.shequ.procurement;

import cn.shequ.procurement.PurchaseProcess.Vars;
import java.util.function.Function;

/** A user task of a purchase: its key, id, instance, and the variables of its execution (not the fields sent). */
public record PurchaseTask(String taskKey, String taskId, String processInstanceId, Function<String, Object> execution) {

    /** The contract milestone a milestone task is about (1, 2, …); null for other tasks. */
    Integer milestoneSeq() {
        return execution.apply(Vars.MILESTONE_SEQ) instanceof Number n ? n.intValue() : null;
    }
}

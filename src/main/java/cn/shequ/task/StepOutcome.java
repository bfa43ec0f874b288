package cn.shequ.task;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * What a completed step hands back to its process: the decision and comment kept in the subject's record
 * of actions and the audit log (either may be null), and the process variables the process routes on.
 */
public record StepOutcome(String decision, String comment, Map<String, Object> routing) {

    public StepOutcome {
        // a routing value may be null (a variable the process reads as unset): no Map.copyOf
        routing = Collections.unmodifiableMap(new HashMap<>(routing));
    }

    /** A step that decides nothing and routes on nothing. */
    public static StepOutcome none() {
        return new StepOutcome(null, null, Map.of());
    }

    public static StepOutcome decided(String decision, String comment) {
        return new StepOutcome(decision, comment, Map.of());
    }
}

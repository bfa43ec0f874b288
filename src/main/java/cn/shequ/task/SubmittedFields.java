package cn.shequ.task;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The fields a user sent with a task, read so that every field a step read is kept for the audit
 * entry of the completion ({@link #recorded}): the one capture every process's steps share.
 */
public final class SubmittedFields implements Function<String, Object> {

    private final Function<String, Object> sent;
    private final Map<String, Object> recorded = new TreeMap<>();

    public SubmittedFields(Function<String, Object> sent) {
        this.sent = sent;
    }

    /**
     * The fields sent to {@code handler}'s step, of which the step may read only those it declares
     * ({@link StepHandler#fields}): reading another is a mistake in the handler, not in what was sent, and fails
     * as one, so a declaration that forgets a field the step reads cannot pass a test that completes the step.
     */
    public static SubmittedFields declaredBy(StepHandler<?> handler, Function<String, Object> sent) {
        Set<String> declared = Set.copyOf(handler.fields());
        return new SubmittedFields(name -> {
            if (!declared.contains(name)) {
                throw new IllegalStateException(handler.getClass().getSimpleName() + " reads the field " + name
                        + " that its fields() does not declare");
            }
            return sent.apply(name);
        });
    }

    /** The value sent for {@code name} (null when none), recorded when there is one. */
    @Override
    public Object apply(String name) {
        Object value = sent.apply(name);
        if (value != null) {
            recorded.put(name, value);
        }
        return value;
    }

    /** The value sent for {@code name}, not recorded (the step records it in its own form, or not at all). */
    public Object unrecorded(String name) {
        return sent.apply(name);
    }

    /** Records what the step made of the fields (the ids it resolved, the round it opened). */
    public void record(String name, Object value) {
        recorded.put(name, value);
    }

    /** What was read and recorded, by field name. */
    public Map<String, Object> recorded() {
        return Collections.unmodifiableMap(recorded);
    }
}

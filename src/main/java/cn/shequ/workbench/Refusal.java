package cn.shequ.workbench;

import cn.shequ.web.ApiException;
import java.util.Optional;

/** A refusal of Shequ's rules, as thrown or wrapped by the engine (a task listener applying the rules of a step). */
public final class Refusal {

    private Refusal() {}

    public static Optional<ApiException> in(Throwable thrown) {
        Throwable cause = thrown;
        for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
            if (cause instanceof ApiException refusal) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }

    /** {@code thrown} as the refusal it carries, or thrown again when it carries none. */
    public static ApiException of(RuntimeException thrown) {
        return in(thrown).orElseThrow(() -> thrown);
    }
}

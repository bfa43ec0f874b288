package cn.shequ.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs an engine call with the user's authentication suspended, so the engine checks no grant:
 * for what Shequ's own code does after checking the rules itself (starting a process, writing a
 * completion's fields, reading whether a task was completed). The user is restored afterwards.
 *
 * <p>The call is also marked as Shequ's own for its length ({@link #active}): the engine's second
 * line ({@link CommandGate}) lets a command that changes a process's course through only when
 * Shequ's services issue it so, or an administrator does (and is recorded).
 */
final class OnShequsBehalf {

    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

    private OnShequsBehalf() {}

    static <T> T call(IdentityService identity, Supplier<T> call) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        DEPTH.set(DEPTH.get() + 1);
        try {
            return call.get();
        } finally {
            int depth = DEPTH.get() - 1;
            if (depth == 0) {
                DEPTH.remove();
            } else {
                DEPTH.set(depth);
            }
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    static void run(IdentityService identity, Runnable call) {
        call(identity, () -> {
            call.run();
            return null;
        });
    }

    /** Whether the current thread is inside a call Shequ's services make on their own behalf. */
    static boolean active() {
        return DEPTH.get() > 0;
    }
}

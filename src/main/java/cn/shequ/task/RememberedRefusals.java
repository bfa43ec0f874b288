package cn.shequ.task;

import cn.shequ.refusal.Refusal;
import jakarta.servlet.ServletRequest;
import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A refusal that a rule raised inside an engine command (a task listener, an engine command rule),
 * remembered for the current request: the engine turns the exception into a 500 on Tasklist's own
 * API, and the web layer ({@code cn.shequ.web.RefusalCapture}) answers with the rule's status and
 * body instead. Here, in task, so that task does not use web (ADR 0051).
 */
public final class RememberedRefusals {

    /** The request attribute, named as when web kept it (RefusalCapture's name, which its test sets). */
    private static final String ATTRIBUTE = "cn.shequ.web.RefusalCapture";

    private RememberedRefusals() {
    }

    /** Remembers a refusal for the current request, if there is one. */
    public static void remember(Refusal refusal) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ATTRIBUTE, refusal, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** The refusal remembered for this request, if a rule refused during it. */
    public static Optional<Refusal> of(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Refusal refused ? Optional.of(refused) : Optional.empty();
    }
}

package cn.shequ.web;

import cn.shequ.refusal.Refusal;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * {@code /engine-rest} as the starter configures it, plus these answers instead of the engine's
 * generic 500: when a Shequ rule refuses a task completion (a listener threw {@link Refusal}),
 * that rule's status and error body; and when the task of a completion had already been completed
 * — by an earlier click, or by a colleague a moment before — 409
 * TASK_ALREADY_COMPLETED, and for a task id that names no task 404 ({@link FailedCompletions}).
 */
@Component
class EngineRestConfig extends CamundaJerseyResourceConfig {

    private final FailedCompletions completions;

    EngineRestConfig(FailedCompletions completions) {
        this.completions = completions;
    }

    @Override
    protected void registerAdditionalResources() {
        super.registerAdditionalResources();
        // Jersey takes the mapper of the nearest exception type, so one for each of the engine's own
        register(new RestRefusals());
        register(new EngineRefusals());
        register(new OtherRefusals());
    }

    @Priority(1)
    class RestRefusals extends Refusals<RestException> {}

    @Priority(1)
    class EngineRefusals extends Refusals<ProcessEngineException> {}

    @Priority(1)
    class OtherRefusals extends Refusals<Throwable> {}

    /** Failures of /engine-rest pass here first; what is not ours gets the engine's own answer. */
    abstract class Refusals<E extends Throwable> implements ExceptionMapper<E> {

        @Context
        UriInfo request;

        @Override
        public Response toResponse(E e) {
            Refusal refusal = refusal(e);
            return refusal == null ? ExceptionHandlerHelper.getInstance().getResponse(e)
                    : Response.status(HttpRefusal.status(refusal).value()).type(MediaType.APPLICATION_JSON_TYPE).entity(HttpRefusal.body(refusal)).build();
        }

        private Refusal refusal(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof Refusal refused) {
                    return refused;
                }
            }
            return completions.explain(request.getPath()).or(() -> known(e)).orElse(null);
        }

        /**
         * The engine's 500s that are the caller's mistake (what remains reachable of /engine-rest is for
         * administrators): a task already claimed by someone else (409), an id that names nothing (404), a task
         * of a running process deleted (409: end it through its process).
         */
        private java.util.Optional<Refusal> known(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof TaskAlreadyClaimedException) {
                    return java.util.Optional.of(Refusal.conflict("TASK_TAKEN", "该任务已由他人签收 / the task is "
                            + "already claimed by someone else"));
                }
                String message = cause.getMessage() == null ? "" : cause.getMessage();
                if (cause instanceof NullValueException && (message.startsWith("Cannot find") || message.contains("not found"))) {
                    return java.util.Optional.of(new Refusal(Refusal.Kind.NOT_FOUND, "NOT_FOUND",
                            "找不到所指的任务、流程实例或作业 / no such task, instance or job: " + message));
                }
                if (cause instanceof ProcessEngineException && message.contains("part of a running process")) {
                    return java.util.Optional.of(Refusal.conflict("TASK_OF_RUNNING_PROCESS", "该任务属于运行中的流程，"
                            + "不能单独删除 / a task of a running process cannot be deleted on its own"));
                }
            }
            return java.util.Optional.empty();
        }
    }
}

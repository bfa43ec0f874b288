package cn.shequ.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * {@code /engine-rest} as the starter configures it, plus these answers instead of the engine's
 * generic 500: when a Shequ rule refuses a task completion (a listener threw {@link ApiException}),
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
            ApiException refusal = refusal(e);
            return refusal == null ? ExceptionHandlerHelper.getInstance().getResponse(e)
                    : Response.status(refusal.status().value()).type(MediaType.APPLICATION_JSON_TYPE).entity(refusal.body()).build();
        }

        private ApiException refusal(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ApiException refused) {
                    return refused;
                }
            }
            return completions.explain(request.getPath()).orElse(null);
        }
    }
}

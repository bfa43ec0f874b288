package cn.shequ.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * {@code /engine-rest} as the starter configures it, plus one thing: when a Shequ rule refuses a
 * task completion (a listener threw {@link ApiException}), the answer carries that rule's status
 * and error body instead of the engine's generic 500.
 */
@Component
class EngineRestConfig extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        super.registerAdditionalResources();
        register(RestRefusals.class);
        register(EngineRefusals.class);
    }

    static Response refusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException refused) {
                return Response.status(refused.status().value()).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(refused.body()).build();
            }
        }
        return null;
    }

    @Priority(1)
    public static class RestRefusals implements ExceptionMapper<RestException> {
        private final RestExceptionHandler engineDefault = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException e) {
            Response refused = refusal(e);
            return refused != null ? refused : engineDefault.toResponse(e);
        }
    }

    @Priority(1)
    public static class EngineRefusals implements ExceptionMapper<ProcessEngineException> {
        private final ProcessEngineExceptionHandler engineDefault = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException e) {
            Response refused = refusal(e);
            return refused != null ? refused : engineDefault.toResponse(e);
        }
    }
}

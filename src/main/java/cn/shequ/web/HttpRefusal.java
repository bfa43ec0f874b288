package cn.shequ.web;

import cn.shequ.refusal.Refusal;
import org.springframework.http.HttpStatus;

/**
 * How every door answers a {@link Refusal} (ADR 0046): the HTTP status of its kind and the error
 * body of API.md. The only place a refusal becomes HTTP: the API's exception handler, the pages'
 * error handling, Tasklist's engine API ({@link RefusalCapture}, {@link EngineDoors}) and
 * {@code /engine-rest} ({@link EngineRestConfig}) all answer through it.
 */
public final class HttpRefusal {

    private HttpRefusal() {}

    public static HttpStatus status(Refusal refusal) {
        return status(refusal.kind());
    }

    static HttpStatus status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    /** The error body (API.md): the refusal's code, message and fields. */
    public static ApiError body(Refusal refusal) {
        return new ApiError(refusal.code(), refusal.getMessage(), refusal.fields());
    }
}

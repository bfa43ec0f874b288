package cn.shequ.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal a user can understand: HTTP status, error code, a message that names the rule, and
 * the offending fields. Thrown before anything is changed, or inside the transaction it rolls back.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, String> fields;

    public ApiException(HttpStatus status, String code, String message, Map<String, String> fields) {
        super(message);
        this.status = status;
        this.code = code;
        this.fields = Map.copyOf(new LinkedHashMap<>(fields));
    }

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public static ApiException invalid(String field, String problem) {
        return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_INPUT", problem, Map.of(field, problem));
    }

    public static ApiException invalid(Map<String, String> fields) {
        String message = "输入有误 / invalid input: " + String.join("; ", fields.values());
        return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_INPUT", message, fields);
    }

    public static ApiException unauthenticated() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "请先登录 / login required");
    }

    public static ApiException forbidden(String code, String message) {
        return new ApiException(HttpStatus.FORBIDDEN, code, message);
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " 不存在 / not found: " + id);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(HttpStatus.CONFLICT, code, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> fields() {
        return fields;
    }

    public ApiError body() {
        return new ApiError(code, getMessage(), fields);
    }
}

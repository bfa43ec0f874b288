package cn.shequ.web;

import cn.shequ.refusal.Refusal;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure of Shequ's own controllers into the error body of API.md; bad input is never a 500. */
@RestControllerAdvice(basePackages = "cn.shequ")
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ApiError> refused(Refusal e) {
        return ResponseEntity.status(HttpRefusal.status(e)).body(HttpRefusal.body(e));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(f -> fields.putIfAbsent(f.getField(), f.getDefaultMessage()));
        return refused(Refusal.invalid(fields));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            // valid JSON, but a value of the wrong type (a date that is no date, text for an amount): name the field
            fields.put(field(mismatch.getPath()), "类型不对 / wrong type"
                    + (mismatch.getTargetType() == null ? "" : ", expected " + mismatch.getTargetType().getSimpleName()));
        } else if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            // a number beyond what the field holds (a term of 4294967297 months, say): name the field too
            fields.put(field(mapping.getPath()), "数值超出范围 / out of range");
        }
        return refused(new Refusal(Refusal.Kind.INVALID, "INVALID_JSON",
                "请求内容不是有效的 JSON 或字段类型不对 / the body is not valid JSON for this request", fields));
    }

    /** {@code budgetLines[0].amount} from Jackson's path. */
    private static String field(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** A path or query parameter that is no value of its type ({@code /api/documents/abc}, {@code ?max=1e400}): named. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "" : ", expected " + e.getRequiredType().getSimpleName();
        return refused(new Refusal(Refusal.Kind.INVALID, "INVALID_PARAMETER",
                "参数 " + e.getName() + " 的值无效 / invalid value of " + e.getName() + expected,
                Map.of(e.getName(), "类型不对 / wrong type" + expected)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return refused(new Refusal(Refusal.Kind.INVALID, "INVALID_PARAMETER",
                "参数 " + e.getParameterName() + " 必填 / " + e.getParameterName() + " is required",
                Map.of(e.getParameterName(), "必填 / required")));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(new ApiError("METHOD_NOT_ALLOWED",
                "此地址不支持 " + e.getMethod() + " 请求 / method " + e.getMethod() + " not allowed here"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(new ApiError("UNSUPPORTED_MEDIA_TYPE",
                "请以 application/json 提交 / send application/json"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
        return refused(Refusal.notFound("资源", e.getResourcePath()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> denied(AccessDeniedException e) {
        return refused(Refusal.forbidden("FORBIDDEN", "无权执行此操作 / not allowed"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        // A refusal thrown inside the engine (a task listener applying the rules of a step) reaches
        // us wrapped in the engine's own exception: answer with the refusal, not with a 500.
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
            if (cause instanceof Refusal refusal) {
                return refused(refusal);
            }
        }
        log.error("Unexpected failure", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(new ApiError("INTERNAL_ERROR", "系统内部错误，已记录 / internal error, logged"));
    }
}

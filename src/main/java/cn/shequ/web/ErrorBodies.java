package cn.shequ.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every error that reaches the servlet container's error page ({@code /error}: a static file or
 * address nobody serves, a status sent by a filter or by the webapps) answers with the error body of
 * API.md instead of Spring Boot's default one: a code and a Chinese sentence, never an exception,
 * a trace or a path echoed back.
 */
@RestController
class ErrorBodies implements ErrorController {

    @RequestMapping(value = "/error", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiError> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpStatus.INTERNAL_SERVER_ERROR.value();
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null || status < 400) {
            known = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return ResponseEntity.status(known).contentType(MediaType.APPLICATION_JSON).body(body(known));
    }

    static ApiError body(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> new ApiError("INVALID_INPUT", "请求无效 / bad request");
            case UNAUTHORIZED -> new ApiError("UNAUTHENTICATED", "请先登录 / login required");
            case FORBIDDEN -> new ApiError("FORBIDDEN", "无权访问 / not allowed");
            case NOT_FOUND -> new ApiError("NOT_FOUND", "地址不存在 / not found");
            case METHOD_NOT_ALLOWED -> new ApiError("METHOD_NOT_ALLOWED", "此地址不支持该请求方法 / method not allowed");
            case PAYLOAD_TOO_LARGE -> new ApiError("PAYLOAD_TOO_LARGE", "请求内容过大 / request too large");
            case UNSUPPORTED_MEDIA_TYPE -> new ApiError("UNSUPPORTED_MEDIA_TYPE", "不支持的内容类型 / unsupported media type");
            default -> status.is5xxServerError()
                    ? new ApiError("INTERNAL_ERROR", "系统内部错误 / internal error")
                    : new ApiError("HTTP_" + status.value(), "请求无法处理 / the request cannot be served (HTTP " + status.value() + ")");
        };
    }
}

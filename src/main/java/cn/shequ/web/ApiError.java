package cn.shequ.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** The error body of every 4xx/5xx answer (API.md): a code, a sentence naming the rule, and the fields at fault. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String error, String message, Map<String, String> fields) {

    public ApiError(String error, String message) {
        this(error, message, Map.of());
    }
}

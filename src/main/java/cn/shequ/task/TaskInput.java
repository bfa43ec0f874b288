package cn.shequ.task;

import cn.shequ.web.ApiException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The fields a user submitted with a task, from the API (task-local variables) or from a
 * Tasklist form (process variables), read with the field named in every problem.
 */
public final class TaskInput {

    private final Function<String, Object> source;
    private final Map<String, String> problems = new LinkedHashMap<>();

    public TaskInput(Function<String, Object> source) {
        this.source = source;
    }

    public String text(String field, String label, int max, boolean required) {
        Object value = source.apply(field);
        String text = value == null ? null : value.toString().trim();
        if (text == null || text.isEmpty()) {
            if (required) {
                problems.put(field, label + "必填 / required");
            }
            return null;
        }
        if (text.length() > max) {
            problems.put(field, label + "最多 " + max + " 字 / at most " + max + " characters");
            return null;
        }
        return text;
    }

    public String choice(String field, String label, String... allowed) {
        String value = text(field, label, 32, true);
        if (value != null && !java.util.Arrays.asList(allowed).contains(value)) {
            problems.put(field, label + "须为 " + String.join("、", allowed) + " 之一 / must be one of " + String.join(", ", allowed));
            return null;
        }
        return value;
    }

    public Integer integer(String field, String label, int min, int max) {
        Object value = source.apply(field);
        if (value == null || value.toString().isBlank()) {
            problems.put(field, label + "必填 / required");
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value.toString().trim());
            if (number.stripTrailingZeros().scale() > 0) {
                problems.put(field, label + "须为整数 / must be a whole number");
                return null;
            }
            if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
                problems.put(field, label + "须在 " + min + " 到 " + max + " 之间 / must be " + min + ".." + max);
                return null;
            }
            return number.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.put(field, label + "须为数字 / must be a number");
            return null;
        }
    }

    public BigDecimal score(String field, String label, int max) {
        Object value = source.apply(field);
        if (value == null || value.toString().isBlank()) {
            problems.put(field, label + "必填 / required");
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value.toString().trim());
            if (number.signum() < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0 || number.stripTrailingZeros().scale() > 2) {
                problems.put(field, label + "须在 0 到 " + max + " 之间，最多两位小数 / must be 0.." + max);
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            problems.put(field, label + "须为数字 / must be a number");
            return null;
        }
    }

    public void problem(String field, String message) {
        problems.put(field, message);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Refuses the completion, naming every field at fault (400, nothing changed). */
    public void refuseIfInvalid() {
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }
}

package cn.shequ.task;

import cn.shequ.delivery.DeliveryForm;
import cn.shequ.refusal.Refusal;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The fields a user submitted with a task, from the API (task-local variables) or from a
 * Tasklist form (process variables), read with the field named in every problem. The delivery steps
 * of both processes read theirs through it as a {@link DeliveryForm}.
 */
public final class TaskInput implements DeliveryForm {

    /**
     * Digits a number sent with a task may have before, and after, the decimal point: far more than any
     * amount, count, score or rate takes (DOMAIN-RULES "Money"), few enough to write out. 1e999999999 is a
     * valid JSON number of a billion digits; written out and read back it would hold a request thread for hours.
     */
    public static final int MAX_DIGITS = 20;

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
            // 0E-999999999 is a score of 0 with a billion decimal places: kept without its trailing zeros
            return number.scale() > 2 ? number.stripTrailingZeros() : number;
        } catch (NumberFormatException e) {
            problems.put(field, label + "须为数字 / must be a number");
            return null;
        }
    }

    /**
     * {@code number} written out as a task field holds it ({@code 220000.00}, {@code 0.0005}); refused, naming
     * {@code field}, when it has more than {@link #MAX_DIGITS} digits before or after the point, so that the
     * rules of the step judge only numbers that can be written out. Infinite or not-a-number doubles are refused too.
     */
    public static String plain(String field, Number number) {
        BigDecimal exact;
        try {
            exact = number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
        } catch (NumberFormatException infiniteOrNaN) {
            throw outOfRange(field);
        }
        BigDecimal stripped = exact.stripTrailingZeros();
        if (stripped.scale() > MAX_DIGITS || stripped.precision() - stripped.scale() > MAX_DIGITS) {
            throw outOfRange(field);
        }
        // 0E-999999999 is zero with a billion decimal places: written without its trailing zeros
        return (exact.scale() > MAX_DIGITS ? stripped : exact).toPlainString();
    }

    private static Refusal outOfRange(String field) {
        return Refusal.invalid(field, field + " 数值超出范围，最多 " + MAX_DIGITS + " 位整数和 " + MAX_DIGITS
                + " 位小数 / out of range: at most " + MAX_DIGITS + " digits before and after the point");
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
            throw Refusal.invalid(problems);
        }
    }
}

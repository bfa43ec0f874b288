package cn.shequ.refusal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A refusal a user can understand: what kind of refusal it is, an error code, a message that names
 * the rule ("中文 / English"), the offending fields (in the order the rule named them) and, where the
 * rule has one, its legal source. Thrown before anything is changed, or inside the transaction it
 * rolls back. It carries no HTTP status: {@code cn.shequ.web} maps its {@link Kind} to one.
 *
 * <p>This class replaced {@code cn.shequ.web.ApiException} (ADR 0046) and keeps every static
 * factory of it with the same name and parameters ({@link #invalid(String, String)},
 * {@link #invalid(Map)}, {@link #unauthenticated()}, {@link #forbidden(String, String)},
 * {@link #notFound(String, String)}, {@link #conflict(String, String)}), so code written against
 * {@code ApiException} converts by replacing the class name (and its import) only. Its constructors
 * take a {@link Kind} where ApiException's took an {@code HttpStatus}: BAD_REQUEST is
 * {@link Kind#INVALID}, UNAUTHORIZED {@link Kind#UNAUTHENTICATED}, FORBIDDEN {@link Kind#FORBIDDEN},
 * NOT_FOUND {@link Kind#NOT_FOUND}, CONFLICT {@link Kind#CONFLICT}, TOO_MANY_REQUESTS
 * {@link Kind#TOO_MANY}, SERVICE_UNAVAILABLE {@link Kind#UNAVAILABLE}, INTERNAL_SERVER_ERROR
 * {@link Kind#INTERNAL}. The former {@code status()} is {@link #kind()}, {@code body()} is
 * {@code cn.shequ.web.HttpRefusal.body(refusal)}.
 */
public class Refusal extends RuntimeException {

    /** What kind of refusal: the caller's input, who the caller is, what exists, the state, the load. */
    public enum Kind {
        /** The input breaks a rule: a field is missing, malformed or out of its legal range. */
        INVALID(400),
        /** Nobody is logged in. */
        UNAUTHENTICATED(401),
        /** The caller may not do this (role, segregation of duties, not their task). */
        FORBIDDEN(403),
        /** No such thing, or none the caller may see. */
        NOT_FOUND(404),
        /** The thing is not in a state that allows this (already done, taken, closed). */
        CONFLICT(409),
        /** Too many attempts in a while: try later. */
        TOO_MANY(429),
        /** Shequ broke one of its own invariants: not the caller's fault. */
        INTERNAL(500),
        /** Cannot be done right now (a document not rendered yet): try later. */
        UNAVAILABLE(503);

        private final int number;

        Kind(int number) {
            this.number = number;
        }

        /**
         * The number audit records carry for a refusal of this kind ({@code "status"} in a refused
         * step's detail). It is the HTTP status {@code cn.shequ.web} answers the kind with, as audit
         * records have always carried it; {@code HttpRefusalTest} keeps the two equal.
         */
        public int number() {
            return number;
        }
    }

    private final Kind kind;
    private final String code;
    private final Map<String, String> fields;
    private final String legalSource;

    public Refusal(Kind kind, String code, String message, Map<String, String> fields, String legalSource) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = code;
        Map<String, String> ordered = new LinkedHashMap<>();
        fields.forEach((field, problem) -> ordered.put(Objects.requireNonNull(field), Objects.requireNonNull(problem)));
        this.fields = Collections.unmodifiableMap(ordered);
        this.legalSource = legalSource;
    }

    public Refusal(Kind kind, String code, String message, Map<String, String> fields) {
        this(kind, code, message, fields, null);
    }

    public Refusal(Kind kind, String code, String message) {
        this(kind, code, message, Map.of());
    }

    public static Refusal invalid(String field, String problem) {
        return new Refusal(Kind.INVALID, "INVALID_INPUT", problem, Map.of(field, problem));
    }

    public static Refusal invalid(Map<String, String> fields) {
        String message = "输入有误 / invalid input: " + String.join("; ", fields.values());
        return new Refusal(Kind.INVALID, "INVALID_INPUT", message, fields);
    }

    public static Refusal unauthenticated() {
        return new Refusal(Kind.UNAUTHENTICATED, "UNAUTHENTICATED", "请先登录 / login required");
    }

    public static Refusal forbidden(String code, String message) {
        return new Refusal(Kind.FORBIDDEN, code, message);
    }

    public static Refusal notFound(String what, String id) {
        return new Refusal(Kind.NOT_FOUND, "NOT_FOUND", what + " 不存在 / not found: " + id);
    }

    public static Refusal conflict(String code, String message) {
        return new Refusal(Kind.CONFLICT, code, message);
    }

    /** The refusal {@code thrown} is or carries as a cause (the engine wraps what a task listener throws). */
    public static Optional<Refusal> in(Throwable thrown) {
        Throwable cause = thrown;
        for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
            if (cause instanceof Refusal refusal) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }

    /** {@code thrown} as the refusal it carries, or thrown again when it carries none. */
    public static Refusal of(RuntimeException thrown) {
        return in(thrown).orElseThrow(() -> thrown);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** The offending fields and what is wrong with each, in the order the rule named them; empty when none. */
    public Map<String, String> fields() {
        return fields;
    }

    /** The rule's citation (law, regulation, article) where the refusal names one. */
    public Optional<String> legalSource() {
        return Optional.ofNullable(legalSource);
    }
}

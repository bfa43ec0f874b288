package cn.shequ.audit;

import cn.shequ.identity.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a feature asks the audit log to record: who ({@code actor}, a user id or {@link #SYSTEM}),
 * what ({@code action}, see {@link AuditActions}), on which project or purchase
 * ({@code subjectCode}, may be null), the task, decision and comment when a task was completed,
 * and {@code details}: the fields submitted, the ledger line, the document, the rule that refused
 * (stored as canonical JSON; values may be strings, numbers, booleans, dates, lists and maps).
 * Lengths are checked here, so an over-long value fails at the caller, not at commit.
 *
 * <pre>
 * audit.append(AuditEvent.of(user.userId(), AuditActions.TASK_COMPLETED)
 *         .subject("SP-2026-0001").task("finance-review", "APPROVE", "同意").details(fields));
 * </pre>
 */
public record AuditEvent(String actor, String action, String subjectCode, String taskKey, String decision,
                         String comment, Map<String, Object> details) {

    /** The actor of what the engine does on its own (timers, jobs): {@link CurrentUser#SYSTEM}. */
    public static final String SYSTEM = CurrentUser.SYSTEM;
    /** The longest comment the log keeps (its column). */
    public static final int COMMENT_MAX = 4000;

    private static final Pattern ACTION = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    public AuditEvent {
        actor = text(actor, "actor", 64);
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an audit event needs an actor");
        }
        if (action == null || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("audit action must be UPPER_CASE, at most 32 characters: " + action);
        }
        subjectCode = text(subjectCode, "subjectCode", 32);
        taskKey = text(taskKey, "taskKey", 64);
        decision = text(decision, "decision", 32);
        comment = text(comment, "comment", COMMENT_MAX);
        // a copy that keeps null values and the caller's order (the stored text sorts the keys)
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /**
     * A refusal's message as the comment of the event that keeps it: cut to {@link #COMMENT_MAX} characters
     * (ending in …), since a refusal may quote what a user typed, at any length.
     */
    public static String refusalComment(String message) {
        return message == null || message.length() <= COMMENT_MAX ? message : message.substring(0, COMMENT_MAX - 1) + "…";
    }

    public static AuditEvent of(String actor, String action) {
        return new AuditEvent(actor, action, null, null, null, null, Map.of());
    }

    /** The project or purchase the event belongs to (its timeline). */
    public AuditEvent subject(String code) {
        return new AuditEvent(actor, action, code, taskKey, decision, comment, details);
    }

    public AuditEvent task(String key, String taskDecision, String taskComment) {
        return new AuditEvent(actor, action, subjectCode, key, taskDecision, taskComment, details);
    }

    /** Replaces the details. */
    public AuditEvent details(Map<String, ?> newDetails) {
        return new AuditEvent(actor, action, subjectCode, taskKey, decision, comment,
                newDetails == null ? null : new LinkedHashMap<>(newDetails));
    }

    /** Adds one detail. */
    public AuditEvent detail(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(name, value);
        return new AuditEvent(actor, action, subjectCode, taskKey, decision, comment, more);
    }

    /** The details as the canonical JSON text that is stored and hashed. */
    String detailsJson() {
        String json = CanonicalJson.of(details);
        if (json.length() > 1_000_000) {
            throw new IllegalArgumentException("audit details longer than 1,000,000 characters");
        }
        return sanitized(json);
    }

    private static String text(String value, String field, int max) {
        if (value == null) {
            return null;
        }
        String clean = sanitized(value);
        if (clean.length() > max) {
            throw new IllegalArgumentException("audit " + field + " longer than " + max + " characters");
        }
        return clean;
    }

    // A lone surrogate cannot be stored as UTF-8; replaced as the driver would, so the hash matches what is stored.
    private static String sanitized(String value) {
        return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}

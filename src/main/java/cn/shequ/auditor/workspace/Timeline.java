package cn.shequ.auditor.workspace;

import cn.shequ.audit.AuditActions;
import cn.shequ.audit.AuditEvent;
import cn.shequ.engine.ShequClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * A subject's timeline (API.md "Audit"): every audit entry of the project or purchase, oldest first,
 * with the actor's name and, for a step, how long it waited against its deadline. The entries come
 * from the audit log; the waiting comes from the engine's task history (ACT_HI_TASKINST), which the
 * log does not repeat: the n-th completion of a task key in the log is the n-th completed engine task
 * of that key (both are written in the same transaction), so {@code taskCreated}, {@code due},
 * {@code waitedSeconds} (creation to completion) and {@code overdue} (completed after due) belong to
 * it. A refusal or escalation gets the task that was open at that moment (no waited time: the task
 * was not done).
 */
@Service
class Timeline {

    /** One entry; the fields after {@code details} are additions to API.md's, null where they do not apply. */
    record Entry(long seq, OffsetDateTime at, String actor, String action, String taskKey, String decision,
                 String comment, JsonNode details, String actorName, String taskName, OffsetDateTime taskCreated,
                 OffsetDateTime due, Long waitedSeconds, Boolean overdue) {}

    static final String SYSTEM_NAME = "系统 system";

    private final WorkspaceMapper sql;
    private final ObjectMapper json;

    Timeline(WorkspaceMapper sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    List<Entry> of(String code) {
        List<WorkspaceMapper.EntryRow> rows = sql.entriesOf(code);
        List<WorkspaceMapper.EngineTask> tasks = rows.isEmpty() ? List.of() : sql.engineTasks(code);
        Map<String, Deque<WorkspaceMapper.EngineTask>> completed = completedByKey(tasks);
        Map<String, String> taskNames = new HashMap<>();
        tasks.forEach(t -> taskNames.putIfAbsent(t.taskKey(), t.name()));
        Map<String, String> names = names(rows.stream().map(WorkspaceMapper.EntryRow::actor).toList());
        List<Entry> entries = new ArrayList<>(rows.size());
        for (WorkspaceMapper.EntryRow row : rows) {
            WorkspaceMapper.EngineTask task = null;
            Long waited = null;
            Boolean overdue = null;
            if (row.taskKey() != null && AuditActions.TASK_COMPLETED.equals(row.action())) {
                Deque<WorkspaceMapper.EngineTask> queue = completed.get(row.taskKey());
                task = queue == null ? null : queue.poll();
                if (task != null) {
                    waited = Duration.between(task.started(), task.ended()).toSeconds();
                    overdue = task.due() != null && task.ended().isAfter(task.due());
                }
            } else if (row.taskKey() != null) {
                task = openAt(tasks, row.taskKey(), instant(row.at()));
                if (task != null && task.due() != null) {
                    overdue = instant(row.at()).isAfter(task.due());
                }
            }
            entries.add(new Entry(row.seq(), offset(row.at()), row.actor(), row.action(), row.taskKey(), row.decision(),
                    row.comment(), details(row.details()), names.get(row.actor()),
                    row.taskKey() == null ? null : taskNames.get(row.taskKey()),
                    task == null ? null : offset(task.started()), task == null ? null : offset(task.due()), waited, overdue));
        }
        return entries;
    }

    /** Display names of users ({@value #SYSTEM_NAME} for the engine's own actions); ids without one are absent. */
    Map<String, String> names(List<String> userIds) {
        Set<String> ids = new LinkedHashSet<>(userIds);
        Map<String, String> names = new HashMap<>();
        if (ids.remove(AuditEvent.SYSTEM)) {
            names.put(AuditEvent.SYSTEM, SYSTEM_NAME);
        }
        ids.remove(null);
        if (!ids.isEmpty()) {
            sql.names(ids).forEach(n -> names.put(n.userId(), n.displayName()));
        }
        return names;
    }

    private static Map<String, Deque<WorkspaceMapper.EngineTask>> completedByKey(List<WorkspaceMapper.EngineTask> tasks) {
        Map<String, Deque<WorkspaceMapper.EngineTask>> byKey = new HashMap<>();
        tasks.stream().filter(t -> t.ended() != null && "completed".equalsIgnoreCase(t.deleteReason()))
                .sorted(Comparator.comparing(WorkspaceMapper.EngineTask::ended)
                        .thenComparing(WorkspaceMapper.EngineTask::started))
                .forEach(t -> byKey.computeIfAbsent(t.taskKey(), k -> new ArrayDeque<>()).add(t));
        return byKey;
    }

    /** The task of {@code key} open at {@code at} (engine times may be whole seconds: compared by second). */
    private static WorkspaceMapper.EngineTask openAt(List<WorkspaceMapper.EngineTask> tasks, String key, Instant at) {
        Instant second = at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        WorkspaceMapper.EngineTask found = null;
        for (WorkspaceMapper.EngineTask t : tasks) {
            if (key.equals(t.taskKey()) && !t.started().isAfter(at) && (t.ended() == null || !t.ended().isBefore(second))) {
                found = t;
            }
        }
        return found;
    }

    private JsonNode details(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text); // shown as stored; verification tells whether it was altered
        }
    }

    static Instant instant(LocalDateTime storedAt) {
        return storedAt.atZone(ShequClock.ZONE).toInstant();
    }

    static OffsetDateTime offset(LocalDateTime storedAt) {
        return storedAt == null ? null : storedAt.atZone(ShequClock.ZONE).toOffsetDateTime();
    }

    static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atZone(ShequClock.ZONE).toOffsetDateTime();
    }
}

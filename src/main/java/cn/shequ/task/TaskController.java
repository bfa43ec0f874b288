package cn.shequ.task;

import cn.shequ.calendar.WorkingDayCalendar;
import cn.shequ.engine.ShequClock;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.refusal.Refusal;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/tasks} and {@code POST /api/tasks/{id}/complete} (API.md "Tasks"). */
@RestController
class TaskController {

    static final int PAGE = 200;
    static final int MAX_FIRST = 10_000;

    private final CurrentUsers users;
    private final WorkItems items;
    private final TaskCompletion completion;
    private final List<TaskSubjects> subjects;
    private final ShequClock clock;
    private final WorkingDayCalendar calendar;

    TaskController(CurrentUsers users, WorkItems items, TaskCompletion completion, List<TaskSubjects> subjects,
                   ShequClock clock, WorkingDayCalendar calendar) {
        this.calendar = calendar;
        this.users = users;
        this.items = items;
        this.completion = completion;
        this.subjects = subjects;
        this.clock = clock;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TaskView(String id, String key, String name, String projectCode, String procurementCode, String providerCode,
                    OffsetDateTime created, OffsetDateTime due, boolean overdue, boolean escalated, String assignee,
                    Boolean dueProvisional, String annualReportCode) {}

    /** The caller's work, oldest first, {@code max} (≤ 200) tasks from position {@code first}. */
    @GetMapping("/api/tasks")
    List<TaskView> tasks(@RequestParam(defaultValue = "0") int first, @RequestParam(defaultValue = "200") int max) {
        if (first < 0 || first > MAX_FIRST) {
            throw Refusal.invalid("first", "first 须在 0 到 " + MAX_FIRST + " 之间 / must be 0.." + MAX_FIRST);
        }
        if (max < 1 || max > PAGE) {
            throw Refusal.invalid("max", "max 须在 1 到 " + PAGE + " 之间 / must be 1.." + PAGE);
        }
        CurrentUser user = users.current();
        List<WorkItem> work = items.forUser(user.userId(), user.groups(), user.communityCode(), Groups.COMMITTEE, first + max);
        return work.stream().skip(first).limit(max).map(this::view).toList();
    }

    @PostMapping("/api/tasks/{id}/complete")
    Map<String, Object> complete(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body) {
        CurrentUser user = users.current();
        Map<String, Object> fields = flatten(body);
        String subject = completion.complete(id, user, fields);
        Map<String, Object> answer = new HashMap<>();
        answer.put("status", subject == null ? null : statusOf(subject));
        return answer;
    }

    /**
     * Task fields become task-local variables of simple types: nested objects such as
     * {@code "scores": {...}} are flattened into their fields; lists are refused.
     */
    private static Map<String, Object> flatten(Map<String, Object> body) {
        Map<String, Object> fields = new HashMap<>();
        if (body == null) {
            return fields;
        }
        body.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                nested.forEach((k, v) -> fields.put(String.valueOf(k), simple(key + "." + k, v)));
            } else {
                fields.put(key, simple(key, value));
            }
        });
        return fields;
    }

    private static Object simple(String field, Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            // 1e400 arrives as an infinite double, 1e999999999 would be a billion digits: refused naming the field
            return value instanceof Number number && !(value instanceof Integer || value instanceof Long)
                    ? TaskInput.plain(field, number) : value;
        }
        throw Refusal.invalid(field, field + " 须为文字、数字或真假值 / must be a string, number or boolean");
    }

    private String statusOf(String subjectCode) {
        return subjects.stream().map(s -> s.statusOf(subjectCode)).flatMap(java.util.Optional::stream).findFirst().orElse(null);
    }

    private TaskView view(WorkItem item) {
        OffsetDateTime due = item.due() == null ? null : item.due().atZone(ShequClock.ZONE).toOffsetDateTime();
        boolean overdue = due != null && due.toInstant().isBefore(clock.now());
        // subject codes: SP-… service project, PV-… provider (certification), AR-… annual report, otherwise a procurement
        String subject = item.subjectCode();
        boolean project = subject.startsWith("SP-");
        boolean provider = subject.startsWith("PV-");
        boolean annualReport = subject.startsWith("AR-");
        return new TaskView(item.taskId(), item.taskKey(), item.name(), project ? subject : null,
                project || provider || annualReport ? null : subject, provider ? subject : null,
                item.created().atZone(ShequClock.ZONE).toOffsetDateTime(), due, overdue, item.escalated(), item.assignee(),
                // counted on a provisional calendar (a year without the official notice): may still move
                due == null ? null : calendar.isProvisional(item.due().toLocalDate()), annualReport ? subject : null);
    }
}

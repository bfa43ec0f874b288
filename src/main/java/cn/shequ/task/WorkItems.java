package cn.shequ.task;

import cn.shequ.audit.AuditActions;
import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.calendar.WorkingDayCalendar;
import cn.shequ.engine.ShequClock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Keeps the task index in step with the engine: called by the processes' task listeners in the
 * engine's own transaction, so an index row exists exactly while its task is open.
 */
@Service
public class WorkItems {

    private static final Comparator<WorkItem> OLDEST_FIRST =
            Comparator.comparing(WorkItem::created).thenComparing(WorkItem::taskId);

    private final WorkItemMapper items;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;

    WorkItems(WorkItemMapper items, WorkingDayCalendar calendar, AuditLog audit) {
        this.items = items;
        this.calendar = calendar;
        this.audit = audit;
    }

    /** A new open task, offered to {@code groups} (none: to its assignee only), with its {@code guard} ({@link TaskGuards}). */
    public void opened(String taskId, String taskKey, String name, String subjectCode, String communityCode,
                       List<String> groups, String assignee, Date created, Date due, String guard) {
        List<String> offers = groups.isEmpty() ? List.of("") : groups;
        for (String group : offers) {
            items.insert(new WorkItem(taskId, group, taskKey, name, subjectCode, communityCode, assignee,
                    local(created), due == null ? null : local(due), false, guard));
        }
        if (due != null && calendar.isProvisional(local(due).toLocalDate())) {
            // the timeline says the deadline is provisional where it was set (docs/calendar.md)
            audit.append(AuditEvent.of(AuditEvent.SYSTEM, AuditActions.DEADLINE_PROVISIONAL).subject(subjectCode)
                    .detail("taskKey", taskKey).detail("taskId", taskId).detail("due", local(due).toString())
                    .detail("provisional", true));
        }
    }

    /** A task's due date moved (a year's official calendar was loaded): the index shows the new one. */
    public void dueMoved(String taskId, Date due) {
        items.setDue(taskId, local(due));
    }

    public void assigned(String taskId, String assignee) {
        items.assign(taskId, assignee);
    }

    public void closed(String taskId) {
        items.delete(taskId);
    }

    /** Marks the open tasks {@code taskKey} of a subject as escalated (overdue review). */
    public int escalate(String subjectCode, String taskKey) {
        return items.escalate(subjectCode, taskKey);
    }

    public List<WorkItem> ofSubject(String subjectCode) {
        return dedupe(items.bySubject(subjectCode));
    }

    public List<WorkItem> ofTask(String taskId) {
        return items.byTask(taskId);
    }

    /**
     * The caller's work, oldest first, at most {@code limit} tasks: their own tasks and the unassigned
     * tasks of their groups (a committee member: of their own community only), each read in created
     * order and merged. A task offered to two of the caller's groups is returned once.
     */
    public List<WorkItem> forUser(String userId, List<String> groups, String communityCode, String committeeGroup, int limit) {
        List<WorkItemMapper.Offer> offers = new ArrayList<>();
        for (String group : groups) {
            boolean committee = group.equals(committeeGroup);
            if (committee && communityCode == null) {
                continue; // a committee member of no community sees no community's committee tasks
            }
            offers.add(new WorkItemMapper.Offer(group, committee ? communityCode : null));
        }
        List<WorkItem> rows = new ArrayList<>(items.workOf(userId, offers, limit));
        rows.sort(OLDEST_FIRST);
        List<WorkItem> tasks = dedupe(rows);
        return tasks.size() > limit ? tasks.subList(0, limit) : tasks;
    }

    private static List<WorkItem> dedupe(List<WorkItem> rows) {
        Map<String, WorkItem> byTask = new LinkedHashMap<>();
        rows.forEach(row -> byTask.putIfAbsent(row.taskId(), row));
        return List.copyOf(byTask.values());
    }

    private static LocalDateTime local(Date date) {
        return LocalDateTime.ofInstant(date.toInstant(), ZoneId.of(ShequClock.ZONE.getId()));
    }
}

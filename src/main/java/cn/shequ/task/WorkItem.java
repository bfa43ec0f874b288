package cn.shequ.task;

import java.time.LocalDateTime;

/**
 * One open user task as offered to one candidate group ('' when offered to its assignee only). {@code guard}:
 * the process's own variables as they stood when the task was created ({@link TaskGuards}, ADR 0059; null for a
 * task created before guards existed): Shequ's check, shown to nobody.
 */
public record WorkItem(String taskId, String candidateGroup, String taskKey, String name, String subjectCode,
                       String communityCode, String assignee, LocalDateTime created, LocalDateTime due,
                       boolean escalated, String guard) {}

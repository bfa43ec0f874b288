package cn.shequ.task;

import java.time.LocalDateTime;

/** One open user task as offered to one candidate group ('' when offered to its assignee only). */
public record WorkItem(String taskId, String candidateGroup, String taskKey, String name, String subjectCode,
                       String communityCode, String assignee, LocalDateTime created, LocalDateTime due,
                       boolean escalated) {}

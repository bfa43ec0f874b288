package cn.shequ.calendar;

import java.time.LocalDateTime;

/**
 * One deadline or timer that moved because a year's official calendar was loaded, as written to the
 * audit log: what it is ({@code what}: a task key, or e.g. "challengeDeadline"), its subject (project
 * or purchase code), the task if any, and the old and new moment.
 */
public record DeadlineMove(String subjectCode, String what, String taskId, LocalDateTime before, LocalDateTime after) {
}

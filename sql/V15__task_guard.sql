-- The process's own variables (routing, loop counters, who and what a task is about) as they stood
-- when the engine created each open task. A completion is refused if any of them was submitted with
-- it or changed since (through /engine-rest or Tasklist as much as through the API): they are set by
-- the process, never by whoever completes a task. The row goes when the task does.
CREATE TABLE task_guard (
  task_id   VARCHAR(64)   NOT NULL PRIMARY KEY,
  variables VARCHAR(4000) NOT NULL
);

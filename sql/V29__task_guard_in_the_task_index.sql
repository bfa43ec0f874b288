-- The process variables each open task was created with (V15's task_guard) are kept on the task's
-- row(s) in the task index, which is written and deleted in the same transactions as the guard was:
-- one INSERT, one SELECT and one DELETE fewer for each task (issue 16, ADR 0059). Every guard of an
-- open task is copied to each of its index rows; a task without a guard (created before V15) keeps
-- none and is checked as before (not at all).
ALTER TABLE work_item ADD COLUMN guard VARCHAR(4000);
UPDATE work_item SET guard = (SELECT g.variables FROM task_guard g WHERE g.task_id = work_item.task_id);
DROP TABLE task_guard;

-- A step's comment in the record of actions is as long as the longest field a step records there:
-- the audit's findings (audit-review), the rectification (rectify) and the answer to a challenge
-- (answer-challenge) may each be 4,000 characters (task.StepHandler.TEXT_MAX), but project_action and
-- procurement_action kept 2,000, so a valid text of 2,001 to 4,000 characters failed its step with an
-- internal error. Written as add, copy, drop and rename, which H2 and MariaDB both understand alike;
-- every existing row keeps its comment.
ALTER TABLE project_action ADD COLUMN comment_4000 VARCHAR(4000);
UPDATE project_action SET comment_4000 = comment;
ALTER TABLE project_action DROP COLUMN comment;
ALTER TABLE project_action RENAME COLUMN comment_4000 TO comment;

ALTER TABLE procurement_action ADD COLUMN comment_4000 VARCHAR(4000);
UPDATE procurement_action SET comment_4000 = comment;
ALTER TABLE procurement_action DROP COLUMN comment;
ALTER TABLE procurement_action RENAME COLUMN comment_4000 TO comment;

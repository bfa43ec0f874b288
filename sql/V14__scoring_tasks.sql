-- Which member scores which bid in each score-bid task, recorded when the engine creates the task.
-- The completion reads it from here, not from the task's process variables, which a completion's
-- own variables (through /engine-rest) could overwrite: a member scores only their own bids.
CREATE TABLE scoring_task (
  task_id          VARCHAR(64)  NOT NULL PRIMARY KEY,
  procurement_code VARCHAR(16)  NOT NULL,
  member_user      VARCHAR(64)  NOT NULL,
  bid_id           BIGINT       NOT NULL,
  created_at       DATETIME(3)  NOT NULL,
  CONSTRAINT fk_scoring_task_procurement FOREIGN KEY (procurement_code) REFERENCES procurement (code),
  CONSTRAINT fk_scoring_task_bid FOREIGN KEY (bid_id) REFERENCES bid (id)
);

-- The tamper-evident audit log (DESIGN.md "Audit"). Append-only: the application inserts and
-- never updates or deletes; in production grant its database account INSERT and SELECT only on
-- audit_entry. Each entry carries the SHA-256 of its canonical content, which includes the hash of
-- the entry before it (cn.shequ.audit.CanonicalForm), so a changed, removed, inserted or reordered
-- row breaks the chain at that entry.

-- seq is assigned by the appender (no AUTO_INCREMENT): 1, 2, 3 … without gaps, so a removed row
-- shows as a missing number. at is China Standard Time like every Shequ table.
CREATE TABLE audit_entry (
  seq          BIGINT        NOT NULL PRIMARY KEY,
  at           DATETIME(3)   NOT NULL,
  actor        VARCHAR(64)   NOT NULL,
  action       VARCHAR(32)   NOT NULL,
  subject_code VARCHAR(32),
  task_key     VARCHAR(64),
  decision     VARCHAR(32),
  comment      VARCHAR(4000),
  details      MEDIUMTEXT,
  prev_hash    CHAR(64)      NOT NULL,
  hash         CHAR(64)      NOT NULL,
  CONSTRAINT ck_audit_seq CHECK (seq >= 1)
);
-- a project's or purchase's timeline, a user's activity, all entries of one kind (anomaly rules)
CREATE INDEX ix_audit_subject ON audit_entry (subject_code, seq);
CREATE INDEX ix_audit_actor ON audit_entry (actor, seq);
CREATE INDEX ix_audit_action ON audit_entry (action, seq);

-- The end of the chain, one row. Appending locks it (SELECT … FOR UPDATE) in the transaction
-- being committed, so appends serialize: no two entries get the same seq or predecessor.
CREATE TABLE audit_head (
  id        INT      NOT NULL PRIMARY KEY,
  last_seq  BIGINT   NOT NULL,
  last_hash CHAR(64) NOT NULL,
  CONSTRAINT ck_audit_head_single CHECK (id = 1)
);
INSERT INTO audit_head (id, last_seq, last_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

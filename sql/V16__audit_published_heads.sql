-- The heads of the audit chain published at each day's end (docs/audit-head.md, issue 10 finding 8):
-- the last entry written before midnight (China Standard Time) of head_date, signed with the
-- Ed25519 key kept outside the database, also written as <data dir>/audit-heads/<date>.head
-- and listed on the public site (GET /public/audit-heads). This table is a convenience copy for the
-- public page and for GET /api/audit/verify; what cannot be rewritten with the database is the
-- signed file and what the public saw. The primary key makes one node, the first, publish a day.
CREATE TABLE audit_published_head (
  head_date     DATE          NOT NULL PRIMARY KEY,
  last_seq      BIGINT        NOT NULL,
  last_hash     CHAR(64)      NOT NULL,
  published_at  DATETIME(3)   NOT NULL,
  node          VARCHAR(64)   NOT NULL,
  public_key    VARCHAR(200)  NOT NULL,
  signature     VARCHAR(200)  NOT NULL,
  CONSTRAINT ck_audit_published_seq CHECK (last_seq >= 0)
);

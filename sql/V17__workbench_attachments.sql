-- The workbench (issue 12): files attached to a residents' meeting record or a milestone report
-- (scans, photos, PDFs), stored by Shequ beside its documents; each file's SHA-256 is also written
-- to the audit chain in the same transaction (docs/adr/0002-workbench-attachments.md).
CREATE TABLE attachment (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_code  VARCHAR(16)   NOT NULL,
  purpose       VARCHAR(16)   NOT NULL,
  milestone_seq INT,
  file_name     VARCHAR(200)  NOT NULL,
  content_type  VARCHAR(64)   NOT NULL,
  size_bytes    BIGINT        NOT NULL,
  sha256        CHAR(64)      NOT NULL,
  content       MEDIUMBLOB    NOT NULL,
  uploaded_by   VARCHAR(64)   NOT NULL,
  uploaded_at   DATETIME(3)   NOT NULL,
  CONSTRAINT fk_attachment_project FOREIGN KEY (project_code) REFERENCES project (code),
  CONSTRAINT ck_attachment_size CHECK (size_bytes >= 1)
);
CREATE INDEX ix_attachment_project ON attachment (project_code, id);

-- 我发起的 (the workbench's "my proposals"): a committee member's projects, newest first
CREATE INDEX ix_project_author ON project (author, created_at);

-- Official documents (公文) as issued: the PDF bytes and their two fingerprints. Immutable: rows
-- are only ever inserted; a correction is a new row with version + 1 naming the row it replaces.
--   sha256       SHA-256 of the canonical content (printed in the footer; see cn.shequ.document.Fingerprint)
--   file_sha256  SHA-256 of the PDF file as issued (a changed file no longer matches)
-- MEDIUMBLOB (16 MB) on MariaDB/MySQL; H2 2.x reads it as a BLOB in every mode.
CREATE TABLE document (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  subject_code  VARCHAR(16)  NOT NULL,
  doc_type      VARCHAR(32)  NOT NULL,
  number        VARCHAR(64)  NOT NULL,
  version       INT          NOT NULL,
  replaces_id   BIGINT,
  sha256        CHAR(64)     NOT NULL,
  file_sha256   CHAR(64)     NOT NULL,
  content       MEDIUMBLOB   NOT NULL,
  issued_at     DATETIME(3)  NOT NULL,
  issued_by     VARCHAR(64)  NOT NULL,
  CONSTRAINT uq_document_sha256 UNIQUE (sha256),
  CONSTRAINT uq_document_file_sha256 UNIQUE (file_sha256),
  CONSTRAINT uq_document_number_version UNIQUE (number, version),
  -- a version is corrected at most once: corrections form a chain, never a fork
  CONSTRAINT uq_document_replaces UNIQUE (replaces_id),
  CONSTRAINT fk_document_replaces FOREIGN KEY (replaces_id) REFERENCES document (id),
  CONSTRAINT ck_document_version CHECK (version >= 1)
);
CREATE INDEX ix_document_subject ON document (subject_code, issued_at);

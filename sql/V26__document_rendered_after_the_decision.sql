-- Issue 16 / ADR 0039: a document is issued (number, content fingerprint, what it says) in the
-- transaction of the decision; its PDF is rendered afterwards, once, by Shequ's rendering job or on
-- the first request for it (cn.shequ.document.DocumentRendering).
--   body             the document's content (cn.shequ.document.DocumentContent) as JSON, from which the
--                    PDF is rendered; its fingerprint is sha256 (checked again before rendering)
--   content          the PDF as rendered (NULL until then)
--   file_sha256      SHA-256 of that PDF (NULL until then; unique once there)
--   rendered_at      when the PDF was stored
--   render_attempts  failed attempts so far; render_error the last failure; render_next_at when the
--                    job tries again (an administrator sees them at GET /api/admin/documents/unrendered)
-- H2 and MariaDB share this file and have no common syntax to drop NOT NULL, so the two columns
-- are moved: copied aside, dropped, added again nullable, copied back.
ALTER TABLE document ADD COLUMN pdf_moving MEDIUMBLOB;
ALTER TABLE document ADD COLUMN file_sha256_moving CHAR(64);
UPDATE document SET pdf_moving = content, file_sha256_moving = file_sha256;
ALTER TABLE document DROP COLUMN content;
ALTER TABLE document DROP COLUMN file_sha256;
ALTER TABLE document ADD COLUMN content MEDIUMBLOB;
ALTER TABLE document ADD COLUMN file_sha256 CHAR(64);
UPDATE document SET content = pdf_moving, file_sha256 = file_sha256_moving;
ALTER TABLE document DROP COLUMN pdf_moving;
ALTER TABLE document DROP COLUMN file_sha256_moving;
ALTER TABLE document ADD CONSTRAINT uq_document_file_sha256 UNIQUE (file_sha256);

ALTER TABLE document ADD COLUMN body MEDIUMTEXT;
ALTER TABLE document ADD COLUMN rendered_at DATETIME(3);
ALTER TABLE document ADD COLUMN render_attempts INT NOT NULL DEFAULT 0;
ALTER TABLE document ADD COLUMN render_error VARCHAR(1000);
ALTER TABLE document ADD COLUMN render_next_at DATETIME(3);
-- documents issued before this version were rendered when issued
UPDATE document SET rendered_at = issued_at WHERE content IS NOT NULL;
-- the job's question "which documents still wait for their PDF?"
CREATE INDEX ix_document_unrendered ON document (rendered_at, render_next_at);

-- Quarterly 居务公开 (居委会法 art. 16; DOMAIN-RULES "Evaluation and disclosure"): one row per
-- community, period and version. Version 1 of a period is issued by the end-of-period timer; the
-- unique key lets exactly one node issue it (the other's insert fails and it passes). A correction is
-- a new version naming the row it replaces; rows are never updated except to attach, in the same
-- transaction that inserts the row, the fingerprinted PDF issued for it.
CREATE TABLE periodic_disclosure (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_code VARCHAR(16)   NOT NULL,
  period_start   DATE          NOT NULL,
  period_end     DATE          NOT NULL,
  version        INT           NOT NULL,
  replaces_id    BIGINT,
  reason         VARCHAR(500),
  document_id    BIGINT,
  issued_at      DATETIME(3)   NOT NULL,
  issued_by      VARCHAR(64)   NOT NULL,
  CONSTRAINT uq_periodic_disclosure UNIQUE (community_code, period_start, version),
  CONSTRAINT uq_periodic_disclosure_replaces UNIQUE (replaces_id),
  CONSTRAINT fk_periodic_disclosure_community FOREIGN KEY (community_code) REFERENCES community (code),
  CONSTRAINT fk_periodic_disclosure_replaces FOREIGN KEY (replaces_id) REFERENCES periodic_disclosure (id),
  CONSTRAINT fk_periodic_disclosure_document FOREIGN KEY (document_id) REFERENCES document (id),
  CONSTRAINT ck_periodic_disclosure_version CHECK (version >= 1)
);
CREATE INDEX ix_periodic_disclosure_period ON periodic_disclosure (period_start);

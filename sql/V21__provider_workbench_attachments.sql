-- The provider's workbench (issue 13): files attached to a bid (before the bid deadline) or to a
-- contract milestone report of a purchase of services, kept like the project attachments of V17:
-- checked by content, stored with their SHA-256, which also goes to the audit chain in the same
-- transaction (docs/adr/0016-provider-workbench.md).
CREATE TABLE purchase_attachment (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  procurement_code VARCHAR(16)   NOT NULL,
  purpose          VARCHAR(16)   NOT NULL,
  bid_id           BIGINT,
  milestone_seq    INT,
  provider_id      BIGINT        NOT NULL,
  file_name        VARCHAR(200)  NOT NULL,
  content_type     VARCHAR(64)   NOT NULL,
  size_bytes       BIGINT        NOT NULL,
  sha256           CHAR(64)      NOT NULL,
  content          MEDIUMBLOB    NOT NULL,
  uploaded_by      VARCHAR(64)   NOT NULL,
  uploaded_at      DATETIME(3)   NOT NULL,
  CONSTRAINT fk_purchase_attachment_procurement FOREIGN KEY (procurement_code) REFERENCES procurement (code),
  CONSTRAINT fk_purchase_attachment_bid FOREIGN KEY (bid_id) REFERENCES bid (id),
  CONSTRAINT fk_purchase_attachment_provider FOREIGN KEY (provider_id) REFERENCES provider (id),
  CONSTRAINT ck_purchase_attachment_size CHECK (size_bytes >= 1)
);
CREATE INDEX ix_purchase_attachment_procurement ON purchase_attachment (procurement_code, id);

-- 我的投标 (a provider's bids, newest first)
CREATE INDEX ix_bid_provider ON bid (provider_id, id);

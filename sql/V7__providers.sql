-- Provider registry and certification (承接主体登记与认证), process provider-certification.
-- Portable between H2 2.x and MySQL 8 / MariaDB 10.11: one column per ALTER statement.

-- PENDING until civil affairs decides; CERTIFIED for the validity period (configurable, default
-- 3 years); REFUSED; EXPIRED when the period ran out (102号令 arts. 6–8; 采购法 art. 22).
ALTER TABLE provider ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'PENDING';
ALTER TABLE provider ADD CONSTRAINT ck_provider_status CHECK (status IN ('PENDING', 'CERTIFIED', 'REFUSED', 'EXPIRED'));
-- the user who registered the provider (and became affiliated to it)
ALTER TABLE provider ADD COLUMN registered_by VARCHAR(64);
-- what the provider declared at registration (采购法 art. 22; 102号令 art. 8): NULL = not declared
ALTER TABLE provider ADD COLUMN serious_violation_declared BOOLEAN;
ALTER TABLE provider ADD COLUMN dishonest_listed_declared BOOLEAN;
-- civil affairs' decision
ALTER TABLE provider ADD COLUMN certified_by VARCHAR(64);
ALTER TABLE provider ADD COLUMN refused_by VARCHAR(64);
ALTER TABLE provider ADD COLUMN refusal_reason VARCHAR(2000);
ALTER TABLE provider ADD COLUMN decided_at DATETIME(3);
-- the reminder before expiry (shequ.provider.reminder-days) was sent
ALTER TABLE provider ADD COLUMN reminder_sent_at DATETIME(3);
ALTER TABLE provider ADD COLUMN process_instance_id VARCHAR(64);

-- providers seeded before this migration were certified when seeded
UPDATE provider SET status = 'CERTIFIED' WHERE certified_until IS NOT NULL AND certified_until >= CURRENT_DATE;
UPDATE provider SET status = 'EXPIRED' WHERE certified_until IS NOT NULL AND certified_until < CURRENT_DATE;

CREATE INDEX ix_provider_status ON provider (status);

-- 履约记录: the grade of each finished contract (purchase of services), shown with the provider.
-- One line per provider and subject (the procurement code); grades of 财预〔2020〕10号.
CREATE TABLE provider_performance (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  provider_id  BIGINT       NOT NULL,
  subject_code VARCHAR(16)  NOT NULL,
  grade        VARCHAR(16)  NOT NULL,
  score        DECIMAL(5,2) NOT NULL,
  evaluated_on DATE         NOT NULL,
  recorded_at  DATETIME(3)  NOT NULL,
  CONSTRAINT fk_performance_provider FOREIGN KEY (provider_id) REFERENCES provider (id),
  CONSTRAINT uq_performance_subject UNIQUE (provider_id, subject_code),
  CONSTRAINT ck_performance_grade CHECK (grade IN ('EXCELLENT', 'GOOD', 'FAIR', 'POOR')),
  CONSTRAINT ck_performance_score CHECK (score >= 0 AND score <= 100)
);

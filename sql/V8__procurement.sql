-- Government purchase of services (政府购买服务), process purchase-of-service. Portable between
-- H2 2.x and MySQL 8 / MariaDB 10.11. The process keeps only ids and small facts; the
-- procurement, its bids, committee, scores, challenges and contract live here. Procurement files
-- are kept at least 15 years (采购法 art. 42): rows are never deleted, except the scores of an
-- evaluation reopened by an upheld challenge (the audit log keeps every score given).

-- One purchase. purchaser_street is set for a street office, purchaser_district for a district
-- civil affairs bureau: earlier purchases of the same category by the same purchaser in the same
-- fiscal_year count together against the method thresholds (采购法 art. 28; 条例 art. 28).
CREATE TABLE procurement (
  code                   VARCHAR(16)   NOT NULL PRIMARY KEY,
  title                  VARCHAR(100)  NOT NULL,
  category               VARCHAR(32)   NOT NULL,
  amount                 DECIMAL(15,2) NOT NULL,
  fund_code              VARCHAR(32)   NOT NULL,
  purchaser_user         VARCHAR(64)   NOT NULL,
  purchaser_street       VARCHAR(16),
  purchaser_district     VARCHAR(16),
  fiscal_year            INT           NOT NULL,
  term_months            INT           NOT NULL,
  term_reason            VARCHAR(1000),
  price_weight           DECIMAL(5,2)  NOT NULL,
  requested_method       VARCHAR(32),
  method                 VARCHAR(32)   NOT NULL,
  method_reason          VARCHAR(1000),
  counted_amount         DECIMAL(15,2) NOT NULL,
  needs_finance_approval BOOLEAN       NOT NULL,
  status                 VARCHAR(32)   NOT NULL,
  project_code           VARCHAR(16),
  process_instance_id    VARCHAR(64),
  reserved_amount        DECIMAL(15,2) NOT NULL,
  disbursed_amount       DECIMAL(15,2) NOT NULL,
  tender_round           INT           NOT NULL,
  bid_deposit            DECIMAL(15,2),
  notice_published_on    DATE,
  bid_deadline           DATETIME(3),
  award_bid_id           BIGINT,
  award_notice_on        DATE,
  challenge_deadline     DATETIME(3),
  score                  DECIMAL(5,2),
  score_budget           DECIMAL(5,2),
  score_outputs          DECIMAL(5,2),
  score_outcomes         DECIMAL(5,2),
  score_satisfaction     DECIMAL(5,2),
  grade                  VARCHAR(16),
  respondents            INT,
  satisfied              INT,
  created_at             DATETIME(3)   NOT NULL,
  updated_at             DATETIME(3)   NOT NULL,
  CONSTRAINT fk_procurement_category FOREIGN KEY (category) REFERENCES service_category (code),
  CONSTRAINT fk_procurement_fund FOREIGN KEY (fund_code) REFERENCES fund (code),
  CONSTRAINT fk_procurement_street FOREIGN KEY (purchaser_street) REFERENCES street_office (code),
  CONSTRAINT fk_procurement_district FOREIGN KEY (purchaser_district) REFERENCES district (code),
  CONSTRAINT ck_procurement_amount CHECK (amount > 0),
  -- 102号令 art. 24: at most 1 year, up to 3 with a reason
  CONSTRAINT ck_procurement_term CHECK (term_months >= 1 AND term_months <= 36),
  -- 87号令 art. 55: the price is 10%–30% of the score of a service
  CONSTRAINT ck_procurement_price_weight CHECK (price_weight >= 10 AND price_weight <= 30),
  CONSTRAINT ck_procurement_paid CHECK (disbursed_amount <= reserved_amount),
  -- 条例 art. 33: the bid deposit is at most 2% of the budget
  CONSTRAINT ck_procurement_bid_deposit CHECK (bid_deposit IS NULL OR (bid_deposit >= 0 AND bid_deposit * 50 <= amount))
);
CREATE INDEX ix_procurement_splitting ON procurement (category, fiscal_year, purchaser_street, purchaser_district);
CREATE INDEX ix_procurement_status ON procurement (status);

-- 投标/响应文件: one per provider and procurement, revisable until the bid deadline.
CREATE TABLE bid (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  procurement_code VARCHAR(16)   NOT NULL,
  provider_id      BIGINT        NOT NULL,
  submitted_by     VARCHAR(64)   NOT NULL,
  price            DECIMAL(15,2) NOT NULL,
  proposal         VARCHAR(4000) NOT NULL,
  submitted_at     DATETIME(3)   NOT NULL,
  revised_at       DATETIME(3),
  qualified        BOOLEAN       NOT NULL,
  -- the evaluation's result, cleared when an upheld challenge reopens it
  price_score      DECIMAL(6,2),
  technical_score  DECIMAL(6,2),
  total_score      DECIMAL(6,2),
  bid_rank         INT,
  CONSTRAINT uq_bid_provider UNIQUE (procurement_code, provider_id),
  CONSTRAINT fk_bid_procurement FOREIGN KEY (procurement_code) REFERENCES procurement (code),
  CONSTRAINT fk_bid_provider FOREIGN KEY (provider_id) REFERENCES provider (id),
  CONSTRAINT ck_bid_price CHECK (price > 0)
);

-- 评标委员会 / 评审小组 (87号令 art. 47; 采购法 arts. 38, 40)
CREATE TABLE committee_member (
  procurement_code VARCHAR(16) NOT NULL,
  user_id          VARCHAR(64) NOT NULL,
  expert           BOOLEAN     NOT NULL,
  appointed_by     VARCHAR(64) NOT NULL,
  appointed_at     DATETIME(3) NOT NULL,
  PRIMARY KEY (procurement_code, user_id),
  CONSTRAINT fk_member_procurement FOREIGN KEY (procurement_code) REFERENCES procurement (code)
);

-- Each member's technical score of each bid, 0–100
CREATE TABLE score (
  bid_id           BIGINT       NOT NULL,
  member_user      VARCHAR(64)  NOT NULL,
  procurement_code VARCHAR(16)  NOT NULL,
  technical_score  DECIMAL(5,2) NOT NULL,
  scored_at        DATETIME(3)  NOT NULL,
  revised_at       DATETIME(3),
  PRIMARY KEY (bid_id, member_user),
  CONSTRAINT fk_score_bid FOREIGN KEY (bid_id) REFERENCES bid (id),
  CONSTRAINT fk_score_member FOREIGN KEY (procurement_code, member_user) REFERENCES committee_member (procurement_code, user_id),
  CONSTRAINT ck_score_range CHECK (technical_score >= 0 AND technical_score <= 100)
);

-- 质疑 (采购法 arts. 52–53; 条例 art. 52): filed by a bidder within the challenge period, answered
-- within 7 working days; an upheld challenge reopens the evaluation.
CREATE TABLE challenge (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  procurement_code VARCHAR(16)   NOT NULL,
  provider_id      BIGINT        NOT NULL,
  filed_by         VARCHAR(64)   NOT NULL,
  reason           VARCHAR(4000) NOT NULL,
  filed_at         DATETIME(3)   NOT NULL,
  answer_due       DATETIME(3)   NOT NULL,
  task_id          VARCHAR(64),
  answer           VARCHAR(4000),
  upheld           BOOLEAN,
  answered_by      VARCHAR(64),
  answered_at      DATETIME(3),
  answered_late    BOOLEAN,
  CONSTRAINT fk_challenge_procurement FOREIGN KEY (procurement_code) REFERENCES procurement (code),
  CONSTRAINT fk_challenge_provider FOREIGN KEY (provider_id) REFERENCES provider (id)
);
CREATE INDEX ix_challenge_procurement ON challenge (procurement_code, id);

-- 政府购买服务合同: signed within 30 days of the award notice (采购法 art. 46), published within
-- 2 working days of signing (条例 art. 50), performance bond at most 10% (条例 art. 48).
CREATE TABLE contract (
  code              VARCHAR(16)   NOT NULL PRIMARY KEY,
  procurement_code  VARCHAR(16)   NOT NULL,
  provider_id       BIGINT        NOT NULL,
  amount            DECIMAL(15,2) NOT NULL,
  performance_bond  DECIMAL(15,2) NOT NULL,
  term_months       INT           NOT NULL,
  signed_on         DATE          NOT NULL,
  signed_by         VARCHAR(64)   NOT NULL,
  signed_late       BOOLEAN       NOT NULL,
  publish_due       DATE          NOT NULL,
  published_on      DATE,
  published_late    BOOLEAN,
  created_at        DATETIME(3)   NOT NULL,
  CONSTRAINT uq_contract_procurement UNIQUE (procurement_code),
  CONSTRAINT fk_contract_procurement FOREIGN KEY (procurement_code) REFERENCES procurement (code),
  CONSTRAINT fk_contract_provider FOREIGN KEY (provider_id) REFERENCES provider (id),
  CONSTRAINT ck_contract_bond CHECK (performance_bond >= 0 AND performance_bond * 10 <= amount)
);

-- The contract's milestones and payment schedule (default 30/40/30); paid through
-- milestone_payment with subject_code = the procurement code.
CREATE TABLE contract_milestone (
  procurement_code    VARCHAR(16)   NOT NULL,
  seq                 INT           NOT NULL,
  name                VARCHAR(100)  NOT NULL,
  share_percent       INT           NOT NULL,
  amount              DECIMAL(15,2) NOT NULL,
  status              VARCHAR(16)   NOT NULL,
  summary             VARCHAR(4000),
  evidence            VARCHAR(2000),
  reported_by         VARCHAR(64),
  reported_at         DATETIME(3),
  accepted_by         VARCHAR(64),
  accepted_at         DATETIME(3),
  served_participants INT,
  approved_by         VARCHAR(64),
  approved_at         DATETIME(3),
  PRIMARY KEY (procurement_code, seq),
  CONSTRAINT fk_cmilestone_procurement FOREIGN KEY (procurement_code) REFERENCES procurement (code),
  CONSTRAINT ck_cmilestone_share CHECK (share_percent >= 1 AND share_percent <= 100)
);

-- Every decision taken on a procurement's tasks: the basis of segregation of duties.
CREATE TABLE procurement_action (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  procurement_code VARCHAR(16)   NOT NULL,
  task_key         VARCHAR(64)   NOT NULL,
  milestone_seq    INT,
  actor            VARCHAR(64)   NOT NULL,
  decision         VARCHAR(32),
  comment          VARCHAR(2000),
  at               DATETIME(3)   NOT NULL,
  CONSTRAINT fk_paction_procurement FOREIGN KEY (procurement_code) REFERENCES procurement (code)
);
CREATE INDEX ix_paction_procurement ON procurement_action (procurement_code, task_key);

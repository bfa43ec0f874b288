-- 资金 and its append-only ledger (DESIGN.md "Money"). Amounts DECIMAL(15,2), never floating point.
-- The running balances on the fund row are maintained under a row lock (SELECT ... FOR UPDATE)
-- in the same transaction as the ledger entry that changes them.
CREATE TABLE fund (
  code           VARCHAR(32)   NOT NULL PRIMARY KEY,
  name           VARCHAR(64)   NOT NULL,
  source         VARCHAR(64)   NOT NULL,
  fiscal_year    INT           NOT NULL,
  all_categories BOOLEAN       NOT NULL,
  owner_street   VARCHAR(16),
  total          DECIMAL(15,2) NOT NULL,
  reserved       DECIMAL(15,2) NOT NULL,
  disbursed      DECIMAL(15,2) NOT NULL,
  CONSTRAINT fk_fund_street FOREIGN KEY (owner_street) REFERENCES street_office (code),
  CONSTRAINT ck_fund_balance CHECK (reserved >= 0 AND disbursed >= 0 AND total >= 0)
);

-- Ring-fencing (预算法 art. 93): the categories a fund may pay for, unless all_categories
CREATE TABLE fund_category (
  fund_code     VARCHAR(32) NOT NULL,
  category_code VARCHAR(32) NOT NULL,
  PRIMARY KEY (fund_code, category_code),
  CONSTRAINT fk_fc_fund FOREIGN KEY (fund_code) REFERENCES fund (code),
  CONSTRAINT fk_fc_category FOREIGN KEY (category_code) REFERENCES service_category (code)
);

CREATE TABLE fund_ledger (
  seq             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  fund_code       VARCHAR(32)   NOT NULL,
  entry_type      VARCHAR(16)   NOT NULL,
  amount          DECIMAL(15,2) NOT NULL,
  project_code    VARCHAR(32),
  milestone_seq   INT,
  at              DATETIME(3)   NOT NULL,
  actor           VARCHAR(64)   NOT NULL,
  available_after DECIMAL(15,2) NOT NULL,
  CONSTRAINT fk_ledger_fund FOREIGN KEY (fund_code) REFERENCES fund (code),
  CONSTRAINT ck_ledger_type CHECK (entry_type IN ('ALLOCATE', 'RESERVE', 'DISBURSE', 'RELEASE')),
  CONSTRAINT ck_ledger_amount CHECK (amount > 0)
);
CREATE INDEX ix_ledger_fund ON fund_ledger (fund_code, seq);
CREATE INDEX ix_ledger_project ON fund_ledger (project_code, seq);

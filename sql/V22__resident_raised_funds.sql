-- 筹资筹劳 (居委会法 arts. 10, 16): money raised from residents exists only by a passed residents'
-- meeting decision naming its purpose and amount. The decision is recorded here (the counts judged
-- by the same rule as a project's meeting, the DMN table resident-meeting-outcome); the fund it opens
-- names it, and the fund row names the community whose projects alone may spend it.
ALTER TABLE fund ADD COLUMN owner_community VARCHAR(16);
ALTER TABLE fund ADD CONSTRAINT fk_fund_community FOREIGN KEY (owner_community) REFERENCES community (code);

CREATE TABLE fundraising_decision (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  community_code VARCHAR(16)   NOT NULL,
  purpose        VARCHAR(500)  NOT NULL,
  category       VARCHAR(32)   NOT NULL,
  amount         DECIMAL(15,2) NOT NULL,
  kind           VARCHAR(32)   NOT NULL,
  mode           VARCHAR(16)   NOT NULL,
  eligible       INT           NOT NULL,
  present        INT           NOT NULL,
  yes_votes      INT           NOT NULL,
  no_votes       INT           NOT NULL,
  abstentions    INT           NOT NULL,
  held_on        DATE          NOT NULL,
  minutes        VARCHAR(4000) NOT NULL,
  outcome        VARCHAR(16)   NOT NULL,
  recorded_by    VARCHAR(64)   NOT NULL,
  recorded_at    DATETIME(3)   NOT NULL,
  fund_code      VARCHAR(32),
  CONSTRAINT fk_fundraising_community FOREIGN KEY (community_code) REFERENCES community (code),
  CONSTRAINT fk_fundraising_category FOREIGN KEY (category) REFERENCES service_category (code),
  CONSTRAINT fk_fundraising_fund FOREIGN KEY (fund_code) REFERENCES fund (code),
  CONSTRAINT uq_fundraising_fund UNIQUE (fund_code),
  CONSTRAINT ck_fundraising_amount CHECK (amount > 0),
  CONSTRAINT ck_fundraising_counts CHECK (eligible >= 1 AND present <= eligible AND yes_votes + no_votes + abstentions <= present)
);
CREATE INDEX ix_fundraising_community ON fundraising_decision (community_code, id);
CREATE INDEX ix_ledger_at ON fund_ledger (at);

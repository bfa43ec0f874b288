-- Service projects (社区服务项目) and everything they own. The process keeps only ids and small
-- decisions; the project, its budget, milestones, meetings and payments live here.

-- Yearly sequences behind codes such as SP-2026-0001 (row locked while a number is taken)
CREATE TABLE code_sequence (
  prefix     VARCHAR(8) NOT NULL,
  code_year  INT        NOT NULL,
  last_number INT       NOT NULL,
  PRIMARY KEY (prefix, code_year)
);

CREATE TABLE project (
  code                 VARCHAR(16)   NOT NULL PRIMARY KEY,
  title                VARCHAR(100)  NOT NULL,
  category             VARCHAR(32)   NOT NULL,
  community_code       VARCHAR(16)   NOT NULL,
  beneficiaries        VARCHAR(500)  NOT NULL,
  description          VARCHAR(4000) NOT NULL,
  amount               DECIMAL(15,2) NOT NULL,
  fund_code            VARCHAR(32)   NOT NULL,
  delivery_mode        VARCHAR(16)   NOT NULL,
  planned_start        DATE          NOT NULL,
  planned_end          DATE          NOT NULL,
  status               VARCHAR(32)   NOT NULL,
  author               VARCHAR(64)   NOT NULL,
  process_instance_id  VARCHAR(64),
  reserved_amount      DECIMAL(15,2) NOT NULL,
  disbursed_amount     DECIMAL(15,2) NOT NULL,
  score                DECIMAL(5,2),
  score_budget         DECIMAL(5,2),
  score_outputs        DECIMAL(5,2),
  score_outcomes       DECIMAL(5,2),
  score_satisfaction   DECIMAL(5,2),
  grade                VARCHAR(16),
  respondents          INT,
  satisfied            INT,
  created_at           DATETIME(3)   NOT NULL,
  updated_at           DATETIME(3)   NOT NULL,
  CONSTRAINT fk_project_category FOREIGN KEY (category) REFERENCES service_category (code),
  CONSTRAINT fk_project_community FOREIGN KEY (community_code) REFERENCES community (code),
  CONSTRAINT fk_project_fund FOREIGN KEY (fund_code) REFERENCES fund (code),
  CONSTRAINT ck_project_amount CHECK (amount > 0),
  CONSTRAINT ck_project_paid CHECK (disbursed_amount <= reserved_amount)
);
CREATE INDEX ix_project_community_status ON project (community_code, status);
CREATE INDEX ix_project_status ON project (status);

CREATE TABLE budget_line (
  project_code VARCHAR(16)   NOT NULL,
  seq          INT           NOT NULL,
  item         VARCHAR(100)  NOT NULL,
  amount       DECIMAL(15,2) NOT NULL,
  PRIMARY KEY (project_code, seq),
  CONSTRAINT fk_budget_project FOREIGN KEY (project_code) REFERENCES project (code)
);

CREATE TABLE project_milestone (
  project_code   VARCHAR(16)   NOT NULL,
  seq            INT           NOT NULL,
  name           VARCHAR(100)  NOT NULL,
  percent        INT           NOT NULL,
  amount         DECIMAL(15,2) NOT NULL,
  status         VARCHAR(16)   NOT NULL,
  summary        VARCHAR(4000),
  evidence       VARCHAR(2000),
  reported_by    VARCHAR(64),
  reported_at    DATETIME(3),
  accepted_by    VARCHAR(64),
  accepted_at    DATETIME(3),
  served_participants INT,
  approved_by    VARCHAR(64),
  approved_at    DATETIME(3),
  PRIMARY KEY (project_code, seq),
  CONSTRAINT fk_milestone_project FOREIGN KEY (project_code) REFERENCES project (code)
);

-- One payment per milestone, whatever the number of requests: the primary key refuses a second.
-- subject_code is a project code (SP-…) or, for purchases, a contract's procurement code (PS-…).
CREATE TABLE milestone_payment (
  subject_code  VARCHAR(16)   NOT NULL,
  milestone_seq INT           NOT NULL,
  amount        DECIMAL(15,2) NOT NULL,
  ledger_seq    BIGINT        NOT NULL,
  paid_at       DATETIME(3)   NOT NULL,
  paid_by       VARCHAR(64)   NOT NULL,
  accepted_at   DATETIME(3)   NOT NULL,
  late          BOOLEAN       NOT NULL,
  PRIMARY KEY (subject_code, milestone_seq),
  CONSTRAINT fk_payment_ledger FOREIGN KEY (ledger_seq) REFERENCES fund_ledger (seq)
);

-- 居民会议 records (居委会法 art. 9)
CREATE TABLE resident_meeting (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_code  VARCHAR(16)   NOT NULL,
  attempt       INT           NOT NULL,
  kind          VARCHAR(32)   NOT NULL,
  mode          VARCHAR(16)   NOT NULL,
  eligible      INT           NOT NULL,
  present       INT           NOT NULL,
  yes_votes     INT           NOT NULL,
  no_votes      INT           NOT NULL,
  abstentions   INT           NOT NULL,
  held_on       DATE          NOT NULL,
  minutes       VARCHAR(4000) NOT NULL,
  outcome       VARCHAR(16)   NOT NULL,
  recorded_by   VARCHAR(64)   NOT NULL,
  recorded_at   DATETIME(3)   NOT NULL,
  CONSTRAINT fk_meeting_project FOREIGN KEY (project_code) REFERENCES project (code),
  CONSTRAINT ck_meeting_counts CHECK (eligible >= 1 AND present <= eligible AND yes_votes + no_votes + abstentions <= present)
);
CREATE INDEX ix_meeting_project ON resident_meeting (project_code, attempt);

-- Every decision taken on a project's tasks (who, what, when): the basis of segregation of duties.
CREATE TABLE project_action (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_code VARCHAR(16)   NOT NULL,
  task_key     VARCHAR(64)   NOT NULL,
  milestone_seq INT,
  actor        VARCHAR(64)   NOT NULL,
  decision     VARCHAR(16),
  comment      VARCHAR(2000),
  at           DATETIME(3)   NOT NULL,
  CONSTRAINT fk_action_project FOREIGN KEY (project_code) REFERENCES project (code)
);
CREATE INDEX ix_action_project ON project_action (project_code, task_key);

-- The task list's own index (DESIGN.md target: 50 ms with 100,000 open tasks): one row per open
-- user task, written by the task listener in the engine's transaction; no per-task authorization rows.
CREATE TABLE work_item (
  task_id         VARCHAR(64)  NOT NULL,
  candidate_group VARCHAR(64)  NOT NULL,
  task_key        VARCHAR(64)  NOT NULL,
  name            VARCHAR(100) NOT NULL,
  subject_code    VARCHAR(16)  NOT NULL,
  community_code  VARCHAR(16),
  assignee        VARCHAR(64),
  created         DATETIME(3)  NOT NULL,
  due             DATETIME(3),
  escalated       BOOLEAN      NOT NULL,
  PRIMARY KEY (task_id, candidate_group)
);
-- candidate_group is '' for a task offered to nobody but its assignee
CREATE INDEX ix_work_assignee ON work_item (assignee, created);
CREATE INDEX ix_work_group ON work_item (candidate_group, assignee, created);
CREATE INDEX ix_work_community ON work_item (community_code, candidate_group, assignee, created);
CREATE INDEX ix_work_subject ON work_item (subject_code);

-- 居务公开: what the public sees of each approved and each finished project
CREATE TABLE disclosure (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_code  VARCHAR(16)   NOT NULL,
  kind          VARCHAR(16)   NOT NULL,
  published_at  DATETIME(3)   NOT NULL,
  CONSTRAINT fk_disclosure_project FOREIGN KEY (project_code) REFERENCES project (code)
);
CREATE INDEX ix_disclosure_project ON disclosure (project_code);

-- Issue 15 / ADR 0054: the milestones of both processes in one table. A service project's milestones
-- (project_milestone, V3) and a purchased contract's (contract_milestone, V8) had the same 15 columns,
-- the key and the share named differently; cn.shequ.delivery.MilestoneMapper now reads and writes them
-- all. Every row is copied as it is: the same subject code (SP-… a project, PS-… a procurement whose
-- contract it is) and seq, so every audit entry (subject_code, details.milestoneSeq) and every
-- milestone_payment (subject_code, milestone_seq) still finds its milestone; the people, times, amounts
-- and statuses unchanged; share_percent is the contract's percent.
--   subject_kind  PROJECT (a service project's) or CONTRACT (a procurement's contract's): which process
--                 keeps the row. Not part of the key: a code names one subject (the SP and PS sequences),
--                 and (subject_code, seq) is the key milestone_payment and the audit entries use.
-- The old tables' foreign keys to project and procurement cannot follow a key that names either; the
-- processes insert milestones in the transaction that holds their project or procurement row.
-- H2 and MariaDB run this file alike (common syntax only).
CREATE TABLE delivery_milestone (
  subject_kind        VARCHAR(16)   NOT NULL,
  subject_code        VARCHAR(16)   NOT NULL,
  seq                 INT           NOT NULL,
  name                VARCHAR(100)  NOT NULL,
  percent             INT           NOT NULL,
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
  PRIMARY KEY (subject_code, seq),
  CONSTRAINT ck_delivery_milestone_kind CHECK (subject_kind IN ('PROJECT', 'CONTRACT')),
  -- contract_milestone's ck_cmilestone_share, kept for the contracts' rows
  CONSTRAINT ck_delivery_milestone_share CHECK (subject_kind <> 'CONTRACT' OR (percent >= 1 AND percent <= 100))
);

INSERT INTO delivery_milestone (subject_kind, subject_code, seq, name, percent, amount, status, summary, evidence,
    reported_by, reported_at, accepted_by, accepted_at, served_participants, approved_by, approved_at)
  SELECT 'PROJECT', project_code, seq, name, percent, amount, status, summary, evidence,
    reported_by, reported_at, accepted_by, accepted_at, served_participants, approved_by, approved_at
  FROM project_milestone;

INSERT INTO delivery_milestone (subject_kind, subject_code, seq, name, percent, amount, status, summary, evidence,
    reported_by, reported_at, accepted_by, accepted_at, served_participants, approved_by, approved_at)
  SELECT 'CONTRACT', procurement_code, seq, name, share_percent, amount, status, summary, evidence,
    reported_by, reported_at, accepted_by, accepted_at, served_participants, approved_by, approved_at
  FROM contract_milestone;

-- Nothing outside Shequ's code reads the old names (outsiders get the API, the public pages and the OCDS
-- export, all read through Shequ), so no view keeps them (ADR 0054).
DROP TABLE project_milestone;
DROP TABLE contract_milestone;

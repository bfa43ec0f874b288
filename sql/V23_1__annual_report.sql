-- The annual progress report (年度进展报告; 汕府〔2007〕60号, 粤府〔2007〕6号): one per reporting body and
-- year, process annual-report. The unique key (report_year, body_code) lets one node draft and start it.
-- figures: the draft's totals as Shequ computed them from its data (JSON), never retyped. Rows are
-- updated only along the process (narrative, approval, issue, submission); after issue nothing changes
-- but the submission (AnnualReports refuses any edit, naming the rule).
CREATE TABLE annual_report (
  code                VARCHAR(16)   NOT NULL PRIMARY KEY,
  report_year         INT           NOT NULL,
  body_level          VARCHAR(16)   NOT NULL,
  body_code           VARCHAR(16)   NOT NULL,
  body_name           VARCHAR(64)   NOT NULL,
  recipient           VARCHAR(64)   NOT NULL,
  deadline            DATE          NOT NULL,
  status              VARCHAR(16)   NOT NULL,
  figures             MEDIUMTEXT    NOT NULL,
  narrative           VARCHAR(8000),
  narrated_by         VARCHAR(64),
  approved_by         VARCHAR(64),
  document_id         BIGINT,
  submitted_by        VARCHAR(64),
  submitted_at        DATETIME(3),
  late                BOOLEAN       NOT NULL DEFAULT FALSE,
  process_instance_id VARCHAR(64),
  drafted_at          DATETIME(3)   NOT NULL,
  CONSTRAINT uq_annual_report_body_year UNIQUE (report_year, body_code),
  CONSTRAINT fk_annual_report_document FOREIGN KEY (document_id) REFERENCES document (id)
);

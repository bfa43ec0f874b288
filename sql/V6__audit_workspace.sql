-- The auditor's workspace and anomaly rules (cn.shequ.audit.workspace, cn.shequ.audit.anomaly).
-- A project's timeline needs no new index: it reads audit_entry by ix_audit_subject (subject_code, seq),
-- fund_ledger by ix_ledger_project, document by ix_document_subject, work_item by ix_work_subject, and
-- the engine's task history by the engine's own ACT_IDX_HI_PRO_I_BUSKEY and ACT_IDX_HI_TASKINST_ROOT_PI
-- (ACT_* tables are left as Camunda made them).

-- project search by the days a project was drafted on (GET /api/audit/projects?from=&to=)
CREATE INDEX ix_project_created ON project (created_at);

-- anomaly REVIEW_OVERDUE: open tasks past their due date, without reading the whole task index
CREATE INDEX ix_work_due ON work_item (due);

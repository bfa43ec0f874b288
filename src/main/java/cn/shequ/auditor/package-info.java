/**
 * The auditor's work (审计): the workspace at {@code /audit/} with its read-only JSON and CSV API
 * ({@code cn.shequ.auditor.workspace}) and the anomaly rules with their legal sources
 * ({@code cn.shequ.auditor.anomaly}). It reads projects, purchases, funds, tasks and the decision
 * tables, so it sits above them; the audit log they all append to stays in {@code cn.shequ.audit},
 * low (ADR 0051).
 */
package cn.shequ.auditor;

/**
 * Anomaly detection for auditors (异常线索): each rule a small class naming its legal source,
 * computed by SQL over Shequ's own tables (audit log, ledger, payments, milestones, task index),
 * never the engine's. Rules over purchases wait for the purchase tables ({@link cn.shequ.auditor.anomaly.PurchaseRecords}).
 */
package cn.shequ.auditor.anomaly;

/**
 * The auditor's workspace (审计工作台): the page at {@code /audit/} and the read-only JSON and CSV API
 * it calls — project search, a project's dossier and timeline (with how long each step waited against
 * its deadline), a fund's ledger with running balances, a user's activity, the anomalies. Reads
 * Shequ's tables (and the engine's task history for waiting times) and writes nothing.
 */
package cn.shequ.auditor.workspace;

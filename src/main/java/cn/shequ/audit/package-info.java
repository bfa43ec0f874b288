/**
 * The tamper-evident audit log (审计日志): business events appended in the transaction of the change
 * they record, chained by SHA-256; its verification, in the server and from the command line. It
 * uses no business module, so that every module may append to it; the auditor's workspace and
 * anomaly rules, which read the business modules, are {@code cn.shequ.auditor} (ADR 0051).
 */
package cn.shequ.audit;

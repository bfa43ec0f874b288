/**
 * The tamper-evident audit log (审计日志): business events appended in the transaction of the change
 * they record, chained by SHA-256; its verification, in the server and from the command line; and
 * the auditor's read-only API.
 */
package cn.shequ.audit;

/** Funds (资金), their ring-fenced categories and the append-only ledger through which all money moves. */
package cn.shequ.fund;

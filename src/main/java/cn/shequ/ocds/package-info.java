/**
 * Procurement data as OCDS 1.1 release packages (Open Contracting Data Standard): planning,
 * tender, award, contract with milestones, and implementation transactions, at
 * {@code GET /public/ocds/{procurementCode}}.
 */
package cn.shequ.ocds;

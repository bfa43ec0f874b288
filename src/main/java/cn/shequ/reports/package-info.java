/**
 * Reporting of issue 14 (docs/reports.md): the periodic 居务公开 of each community, issued by a timer
 * as a fingerprinted PDF; the annual progress report (年度进展报告) to the civil affairs bureau; the
 * assessment of departments (考评).
 */
package cn.shequ.reports;

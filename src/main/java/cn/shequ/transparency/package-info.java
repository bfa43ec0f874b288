/**
 * Transparency (居务公开, issue 14): a community's accounts (社区服务收支) derived from the fund
 * ledger, money raised from residents (筹资筹劳) opened only from a passed residents' meeting, the
 * public site per community with its charts and open data (CSV, the OCDS package of a year).
 */
package cn.shequ.transparency;

/**
 * What every server-rendered page of Shequ shares, the workbench's and those that live beside their
 * services (purchase pages, the certification page, reports, democratic evaluation): Chinese labels,
 * the once-only submission token, a user task's Camunda form read for a page, and the marker that puts a
 * controller under the workbench shell. Below workbench, procurement and provider, so that the pages
 * in those modules do not reach up into the workbench that links to them (ADR 0051).
 */
package cn.shequ.pages;

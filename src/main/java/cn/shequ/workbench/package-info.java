/**
 * The workbench (工作台): Shequ's Chinese server-rendered pages (Spring MVC + Thymeleaf, htmx) where
 * committee members, reviewers and finance do their daily work. Every page reads Shequ's own tables
 * and every change goes through the same services as the JSON API; no rule lives here
 * (docs/workbench.md, docs/adr/0001).
 */
package cn.shequ.workbench;

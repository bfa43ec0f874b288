/**
 * Service projects (社区服务项目): proposal, residents' vote, reviews, funds, milestones, final
 * acceptance, disclosure and audit, run by the BPMN process {@code service-project}.
 */
package cn.shequ.project;

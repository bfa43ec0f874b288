/**
 * Government purchase of services (政府购买服务): the requirement and its budget, the procurement
 * method, the notice and the bids, the evaluation committee and its scores, the award and its
 * challenges, the contract, its milestones and payments, and the final performance evaluation,
 * run by the BPMN process {@code purchase-of-service}.
 */
package cn.shequ.procurement;

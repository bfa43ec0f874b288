/**
 * Government purchase of services (政府购买服务): the requirement and its budget, the procurement
 * method, the notice and the bids, the evaluation committee and its scores, the award and its
 * challenges, the contract, its milestones and payments, and the final performance evaluation,
 * run by the BPMN process {@code purchase-of-service}.
 *
 * <p>This package is the whole process (ADR 0055): its constants ({@link PurchaseProcess}), the procurement
 * row and its mapper, the step dispatch and the handler interface, the task lifecycle, the grants, the
 * deadlines, the documents, the service tasks that span the parts, the API and the pages, and what the
 * provider's desk reads. Each part of the process is a sub-package, in the order the process runs:
 * {@code requirement} (requirement and method), {@code bidding} (notice and bids), {@code evaluation}
 * (committee, scores, ranking, award), {@code challenge} (challenges to the award) and {@code contract}
 * (contract, milestones, payment, final evaluation). A part uses this package and the parts before it.
 *
 * <p>Offers (ADR 0047; other modules use only these): {@link PurchaseProcess}, {@link Procurement},
 * {@link ProviderDesk}, {@link PurchasePages}, {@link cn.shequ.procurement.bidding.Bid},
 * {@link cn.shequ.procurement.bidding.Bids}, {@link cn.shequ.procurement.challenge.Challenges}.
 */
package cn.shequ.procurement;

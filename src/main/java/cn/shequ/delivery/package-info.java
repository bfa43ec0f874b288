/**
 * Delivery (履约): what a service project's milestones and a purchased contract's milestones share, written
 * once for both processes (ADR 0052): the reading and checking of a milestone report, of an acceptance with
 * the people served (条例第四十五条, DOMAIN-RULES "acceptance"), of a payment approval with its segregation of
 * duties (the approver neither reported nor accepted the milestone), and of the final acceptance or final
 * evaluation with the four performance scores of 财预〔2020〕10号 and the grade the performance-grade table
 * gives them; and the milestones themselves, one table {@code delivery_milestone} for both (ADR 0054), read and
 * written by the statements of {@link MilestoneMapper}, which each process's mapper extends. Each process keeps
 * its step handlers, which call these classes.
 *
 * <p>Below the processes and the task module: it reads fields through {@link cn.shequ.delivery.DeliveryForm},
 * which the task module's field reader implements, and uses only refusal, rules and engine.
 *
 * <p>Offers (ADR 0047; other modules use only these): {@link DeliveryForm}, {@link DeliveryDecision},
 * {@link MilestoneReport}, {@link MilestoneAcceptance}, {@link PaymentApproval}, {@link FinalEvaluation},
 * {@link PerformanceGrading}, {@link MilestoneMapper}, {@link MilestoneRow}, {@link MilestoneSubject}.
 */
package cn.shequ.delivery;

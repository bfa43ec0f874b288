/**
 * The purchase's first part, requirement and method (采购需求与采购方式): what a purchaser states (title,
 * category, budget from a fund, term, price weight) and the rules it must hold, the method the
 * procurement-method table decides on the year's purchases of the category, finance's approval of an
 * exceptional method, and the purchaser's decision after a failed tender; the requirement of a service
 * project's own purchase. Its steps: define-requirement, approve-method, decide-after-failure.
 */
package cn.shequ.procurement.requirement;

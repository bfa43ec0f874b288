/**
 * The purchase's third part, evaluation (评审): the committee (its size by method and budget, experts and
 * the purchaser's representatives, confidential until the award), each member's score of each qualified
 * bid, the ranking, and the award with its notice. Its steps: form-committee, score-bid.
 */
package cn.shequ.procurement.evaluation;

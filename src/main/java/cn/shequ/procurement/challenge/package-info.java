/**
 * The purchase's fourth part, challenges (质疑): a bidder's challenge to the award within the challenge
 * period, the purchaser's answer within its due date, and an upheld challenge reopening the evaluation.
 * Its step: answer-challenge.
 */
package cn.shequ.procurement.challenge;

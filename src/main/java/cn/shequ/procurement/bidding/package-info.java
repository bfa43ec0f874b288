/**
 * The purchase's second part, notice and bids (采购公告与投标): publishing the notice with a lawful bid
 * deadline (the minimum bidding periods of each method, counted on the working-day calendar), the sealed
 * bids of certified providers, and closing the bidding at the deadline. Its step: publish-notice.
 */
package cn.shequ.procurement.bidding;

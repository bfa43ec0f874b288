package cn.shequ.procurement;

/** The statuses of a procurement, in the order it meets them, then the three ends. */
public enum ProcurementStatus {
    /**
     * A service project called the purchase; the purchaser has yet to state the requirement
     * (define-requirement). Only shown: the procurement's row is written with the requirement.
     */
    AWAITING_REQUIREMENT,
    /** SINGLE_SOURCE or COMPETITIVE_NEGOTIATION waits for finance (采购法 art. 27). */
    AWAITING_METHOD_APPROVAL,
    AWAITING_NOTICE,
    BIDDING,
    /** Fewer qualified bids than the method needs (采购法 art. 36): re-tender, switch method or cancel. */
    FAILED,
    AWAITING_COMMITTEE,
    EVALUATING,
    /** Award notice published; bidders may challenge until 7 working days after the 1-working-day result notice period (采购法 art. 52; 条例 art. 53(三)). */
    CHALLENGE_PERIOD,
    AWAITING_CONTRACT,
    AWAITING_CONTRACT_PUBLICATION,
    IN_DELIVERY,
    AWAITING_FINAL_EVALUATION,
    COMPLETED,
    CANCELLED,
    /** Finance refused the method asked for at the start. */
    REJECTED;

    /** Purchases that did not buy anything do not count against the thresholds of later ones. */
    public boolean counts() {
        return this != CANCELLED && this != REJECTED;
    }
}

package cn.shequ.project;

/** The statuses of API.md, in the order a project meets them. */
public enum ProjectStatus {
    DRAFT, AWAITING_MEETING, IN_REVIEW, RETURNED, AWAITING_FINANCE, IN_PROCUREMENT, IN_DELIVERY,
    AWAITING_FINAL_ACCEPTANCE, IN_AUDIT, RECTIFYING, CLOSED, REJECTED, REJECTED_BY_RESIDENTS, WITHDRAWN,
    /** Delivery by purchase of services, and the purchase was cancelled or its method refused: money released. */
    PURCHASE_FAILED;

    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }

    /** The committee may withdraw before the money is reserved. */
    public boolean withdrawable() {
        return this == DRAFT || this == RETURNED || this == AWAITING_MEETING;
    }
}

package cn.shequ.delivery;

/**
 * The decision of an acceptance or a payment approval, and the fields that carry it: the same names and
 * values in service-project and purchase-of-service (each process's constants class says them too, for its
 * other steps; {@code DeliveryDecisionTest} checks that they agree).
 */
public final class DeliveryDecision {

    /** The field (and process variable) of the decision. */
    public static final String DECISION = "decision";
    /** The field of the opinion that goes with it; required when the milestone is returned. */
    public static final String COMMENT = "comment";
    public static final String APPROVE = "APPROVE";
    public static final String RETURN = "RETURN";

    private DeliveryDecision() {
    }
}

package cn.shequ.delivery;

/**
 * Whose milestone a row of {@code delivery_milestone} is (its {@code subject_kind}, ADR 0054): a service
 * project's (subject code SP-…) or the contract of a purchase of services (subject code PS-…, the
 * procurement's).
 */
public enum MilestoneSubject {
    PROJECT,
    CONTRACT
}

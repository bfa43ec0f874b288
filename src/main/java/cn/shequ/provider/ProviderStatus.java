package cn.shequ.provider;

/** Where a provider stands in certification (从业认证). */
public enum ProviderStatus {
    /** Registered, waiting for civil affairs. */
    PENDING,
    /** Certified; eligible within the certification period. */
    CERTIFIED,
    /** Civil affairs refused the certification. */
    REFUSED,
    /** The certification period has run out. */
    EXPIRED
}

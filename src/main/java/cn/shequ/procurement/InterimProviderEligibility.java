package cn.shequ.procurement;

import java.time.LocalDate;
import java.util.Optional;

/**
 * INTERIM, until the provider registry's {@code Providers.eligibleFor(providerId, category, date)}
 * is merged; then this class goes and {@link Bids} calls that instead. Reads only the columns the
 * registry had before certification statuses: a provider may bid on a date within its
 * certification period ({@code certified_on}..{@code certified_until}) for a category it serves
 * (102号令 arts. 6–8; 采购法 art. 22).
 */
final class InterimProviderEligibility {

    private InterimProviderEligibility() {}

    /** Why the provider may not take on a purchase of {@code category} on {@code date}, if it may not. */
    static Optional<String> whyNot(BidderProvider provider, String category, LocalDate date) {
        if (provider.certifiedOn() == null || provider.certifiedUntil() == null || date.isBefore(provider.certifiedOn())) {
            return Optional.of("承接主体未经认证（102号令第六至八条；采购法第二十二条）/ the provider is not certified");
        }
        if (date.isAfter(provider.certifiedUntil())) {
            return Optional.of("承接主体的认证已于 " + provider.certifiedUntil() + " 到期（102号令第八条；采购法第二十二条）"
                    + " / the provider's certification expired on " + provider.certifiedUntil());
        }
        if (!provider.serves(category)) {
            return Optional.of("承接主体的服务范围不含类别 " + category + "（102号令第八条）/ the provider does not serve " + category);
        }
        return Optional.empty();
    }
}

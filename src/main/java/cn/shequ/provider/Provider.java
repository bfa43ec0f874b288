package cn.shequ.provider;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * 承接主体: a registered service provider, what it declared, and its certification (从业认证).
 * {@code categories} is the comma-separated list of service-category codes it serves.
 */
public record Provider(Long id, String name, String legalType, String creditCode, String categories, String status,
                       LocalDate certifiedOn, LocalDate certifiedUntil, LocalDateTime registeredAt, String registeredBy,
                       Boolean seriousViolationDeclared, Boolean dishonestListedDeclared, String certifiedBy,
                       String refusedBy, String refusalReason, LocalDateTime decidedAt, LocalDateTime reminderSentAt,
                       String processInstanceId) {

    /** A provider certified from {@code certifiedOn} to {@code certifiedUntil} without the process (seeded data). */
    public static Provider seeded(String name, String legalType, String creditCode, String categories,
                                  ProviderStatus status, LocalDate certifiedOn, LocalDate certifiedUntil,
                                  LocalDateTime registeredAt) {
        return new Provider(null, name, legalType, creditCode, categories, status.name(), certifiedOn, certifiedUntil,
                registeredAt, null, null, null, null, null, null, null, null, null);
    }

    public List<String> categoryList() {
        return categories == null || categories.isBlank() ? List.of()
                : Arrays.stream(categories.split(",")).map(String::trim).filter(c -> !c.isEmpty()).toList();
    }

    public ProviderStatus providerStatus() {
        return ProviderStatus.valueOf(status);
    }

    /** The task-list subject and business key {@code PV-<id>}. */
    public String subjectCode() {
        return ProviderCertificationProcess.subjectCode(id);
    }

    /**
     * Whether the provider may take on a purchase of {@code category} on {@code date}: certified,
     * {@code date} within the certification period (both ends included), and serving the category
     * (102号令 arts. 6–8: registered, eligible type, valid certification).
     */
    public boolean eligibleFor(String category, LocalDate date) {
        return whyNotEligible(category, date).isEmpty();
    }

    /** Why the provider may not take on a purchase of {@code category} on {@code date}, naming the rule; empty when it may. */
    public Optional<String> whyNotEligible(String category, LocalDate date) {
        String rule = "（政府购买服务管理办法第六条至第八条） / (102号令 arts. 6–8)";
        if (ProviderStatus.PENDING.name().equals(status)) {
            return Optional.of("承接主体尚未通过认证" + rule + " / the provider is not certified yet");
        }
        if (ProviderStatus.REFUSED.name().equals(status)) {
            return Optional.of("承接主体未通过认证" + rule + " / the provider's certification was refused");
        }
        if (ProviderStatus.EXPIRED.name().equals(status) || certifiedUntil == null
                || date != null && date.isAfter(certifiedUntil)) {
            return Optional.of("承接主体的认证已于 " + certifiedUntil + " 到期" + rule + " / the certification ran out on " + certifiedUntil);
        }
        if (date == null || certifiedOn == null || date.isBefore(certifiedOn)) {
            return Optional.of("承接主体的认证自 " + certifiedOn + " 起有效" + rule + " / certified only from " + certifiedOn);
        }
        if (!categoryList().contains(category)) {
            return Optional.of("承接主体的服务类别不含 " + category + " / the provider does not serve " + category);
        }
        return Optional.empty();
    }
}

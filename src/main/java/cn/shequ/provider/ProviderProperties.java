package cn.shequ.provider;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shequ.provider.*}.
 *
 * @param certificationYears how long a certification is valid (DOMAIN-RULES "provider eligibility", default 3)
 * @param reminderDays       how many days before the certification runs out the provider is reminded
 */
@ConfigurationProperties("shequ.provider")
public record ProviderProperties(@DefaultValue("3") int certificationYears, @DefaultValue("30") int reminderDays) {

    public ProviderProperties {
        if (certificationYears < 1 || certificationYears > 10) {
            throw new IllegalArgumentException("shequ.provider.certification-years must be 1..10: " + certificationYears);
        }
        if (reminderDays < 0 || reminderDays > 365) {
            throw new IllegalArgumentException("shequ.provider.reminder-days must be 0..365: " + reminderDays);
        }
    }
}

package cn.shequ.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The certification period, its reminder and its end; and eligibility for a purchase on a date. */
class CertificationTest {

    static Provider certified(String status, LocalDate on, LocalDate until) {
        return Provider.seeded("某服务社", "SOCIAL_ORGANISATION", "91350100M000100Y43", "ELDERLY_CARE,DISABILITY",
                ProviderStatus.valueOf(status), on, until, java.time.LocalDateTime.of(2025, 12, 1, 9, 0));
    }

    @Test
    void certifiedTodayForThreeYearsRemindedThirtyDaysBeforeItRunsOut() {
        CertificationPeriod period = CertificationPeriod.from(LocalDate.of(2026, 3, 10), new ProviderProperties(3, 30));
        assertThat(period.until()).isEqualTo(LocalDate.of(2029, 3, 10));
        // valid through 2029-03-10: it has run out at the start of the next day, China Standard Time
        assertThat(period.expiresAt().toInstant()).isEqualTo(OffsetDateTime.parse("2029-03-11T00:00:00+08:00").toInstant());
        assertThat(period.reminderAt().toInstant()).isEqualTo(OffsetDateTime.parse("2029-02-09T00:00:00+08:00").toInstant());
    }

    @Test
    void theValidityAndTheReminderAreConfigurable() {
        CertificationPeriod period = CertificationPeriod.from(LocalDate.of(2028, 2, 29), new ProviderProperties(1, 0));
        assertThat(period.until()).isEqualTo(LocalDate.of(2029, 2, 28));
        assertThat(period.reminderAt()).isEqualTo(period.expiresAt());
    }

    @Test
    void nonsenseSettingsAreRefusedAtStart() {
        assertThatThrownBy(() -> new ProviderProperties(0, 30)).hasMessageContaining("certification-years");
        assertThatThrownBy(() -> new ProviderProperties(3, -1)).hasMessageContaining("reminder-days");
    }

    @Test
    void eligibleOnlyWhileCertifiedWithinThePeriodAndForItsOwnCategories() {
        LocalDate on = LocalDate.of(2026, 1, 1);
        LocalDate until = LocalDate.of(2029, 1, 1);
        Provider provider = certified("CERTIFIED", on, until);
        assertThat(provider.eligibleFor("ELDERLY_CARE", on)).isTrue();
        assertThat(provider.eligibleFor("DISABILITY", until)).isTrue();
        assertThat(provider.eligibleFor("DISABILITY", until.plusDays(1))).as("the day after the period").isFalse();
        assertThat(provider.eligibleFor("DISABILITY", on.minusDays(1))).as("before certification").isFalse();
        assertThat(provider.eligibleFor("SAFETY", on)).as("a category it does not serve").isFalse();
        assertThat(provider.eligibleFor(null, on)).isFalse();
        for (String status : new String[] {"PENDING", "REFUSED", "EXPIRED"}) {
            assertThat(certified(status, on, until).eligibleFor("ELDERLY_CARE", on)).as(status).isFalse();
        }
        assertThat(provider.whyNotEligible("ELDERLY_CARE", until)).isEmpty();
        assertThat(provider.whyNotEligible("ELDERLY_CARE", until.plusDays(1))).get().asString().contains("2029-01-01").contains("到期");
        assertThat(provider.whyNotEligible("SAFETY", on)).get().asString().contains("SAFETY");
        assertThat(certified("PENDING", null, null).whyNotEligible("SAFETY", on)).get().asString().contains("尚未通过认证");
    }

    @Test
    void subjectCodesRoundTrip() {
        assertThat(ProviderCertificationProcess.subjectCode(42)).isEqualTo("PV-42");
        assertThat(ProviderCertificationProcess.providerId("PV-42")).isEqualTo(42L);
        assertThat(ProviderCertificationProcess.providerId("SP-2026-0001")).isNull();
        assertThat(ProviderCertificationProcess.providerId("PV-x")).isNull();
        assertThat(ProviderCertificationProcess.providerId(null)).isNull();
    }
}

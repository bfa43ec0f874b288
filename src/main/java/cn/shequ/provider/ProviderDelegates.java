package cn.shequ.provider;

import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.ShequClock;
import cn.shequ.provider.ProviderCertificationProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of provider-certification: each reads the provider id, changes the provider's
 * row once (a retried job changes nothing more), and records what happened in the audit log.
 */
@Configuration
class ProviderDelegates {

    /**
     * Certified today for {@code shequ.provider.certification-years}; sets the two dates the timers
     * wait for (reminder, run-out).
     */
    @Bean(ProviderCertificationProcess.Beans.RECORD_CERTIFICATION)
    JavaDelegate recordCertification(ProviderMapper providers, ProviderProperties settings, ShequClock clock,
                                     AuditLog audit, ProviderSignUp signUps) {
        return execution -> {
            long id = providerId(execution);
            Provider provider = providers.lock(id).orElseThrow();
            // a retry after the row was certified keeps the period it was given
            CertificationPeriod period = CertificationPeriod.from(
                    provider.certifiedOn() != null ? provider.certifiedOn() : clock.today(), settings);
            if (providers.certify(id, period.on(), period.until()) == 1) {
                audit.append(AuditEvent.of(provider.certifiedBy() == null ? AuditEvent.SYSTEM : provider.certifiedBy(),
                                "PROVIDER_CERTIFIED").subject(provider.subjectCode())
                        .detail("providerId", id).detail("certifiedOn", period.on()).detail("certifiedUntil", period.until())
                        .detail("years", settings.certificationYears()));
                // a provider that signed itself up (ADR 0035): its applicant account becomes a provider account
                signUps.promote(provider);
            }
            execution.setVariable(Vars.REMINDER_AT, period.reminderAt());
            execution.setVariable(Vars.EXPIRES_AT, period.expiresAt());
        };
    }

    /** The reminder before the certification runs out: a flag on the provider and an audit entry. */
    @Bean(ProviderCertificationProcess.Beans.REMIND_EXPIRY)
    JavaDelegate remindCertificationExpiry(ProviderMapper providers, ShequClock clock, AuditLog audit) {
        return execution -> {
            long id = providerId(execution);
            Provider provider = providers.lock(id).orElseThrow();
            if (providers.reminded(id, clock.localNow()) == 1) {
                audit.append(AuditEvent.of(AuditEvent.SYSTEM, "CERTIFICATION_REMINDER").subject(provider.subjectCode())
                        .detail("providerId", id).detail("certifiedUntil", provider.certifiedUntil()));
            }
        };
    }

    /** The certification period has run out: EXPIRED, no longer eligible for purchases. */
    @Bean(ProviderCertificationProcess.Beans.EXPIRE_CERTIFICATION)
    JavaDelegate expireCertification(ProviderMapper providers, AuditLog audit) {
        return execution -> {
            long id = providerId(execution);
            Provider provider = providers.lock(id).orElseThrow();
            if (providers.expire(id) == 1) {
                audit.append(AuditEvent.of(AuditEvent.SYSTEM, "CERTIFICATION_EXPIRED").subject(provider.subjectCode())
                        .detail("providerId", id).detail("certifiedUntil", provider.certifiedUntil()));
            }
        };
    }

    private static long providerId(DelegateExecution execution) {
        return ((Number) execution.getVariable(Vars.PROVIDER_ID)).longValue();
    }
}

package cn.shequ.provider;

import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.EngineProcesses;
import cn.shequ.engine.ShequClock;
import cn.shequ.identity.Affiliation;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.Groups;
import cn.shequ.identity.OrganisationMapper;
import cn.shequ.task.TaskSubjects;
import cn.shequ.refusal.Refusal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider registry (承接主体名录): registration, which starts the certification process, what
 * other features ask of a provider (is it eligible for a purchase of a category on a date?), and
 * its performance record, fed by purchases of services.
 */
@Service
public class Providers implements TaskSubjects {

    /** Grades of the performance-grade table (财预〔2020〕10号). */
    static final Set<String> GRADES = Set.of("EXCELLENT", "GOOD", "FAIR", "POOR");
    static final int DISPLAY_NAME_MAX = 64;

    private final ProviderMapper providers;
    private final OrganisationMapper organisations;
    private final EngineProcesses processes;
    private final ShequClock clock;
    private final AuditLog audit;

    Providers(ProviderMapper providers, OrganisationMapper organisations, EngineProcesses processes, ShequClock clock,
              AuditLog audit) {
        this.providers = providers;
        this.organisations = organisations;
        this.processes = processes;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * A provider user registers their organisation: validated first (400 naming the field), one
     * provider per credit code and per user (409), then stored as PENDING, the user affiliated to it
     * and provider-certification started, all in one transaction.
     */
    @Transactional
    public Provider register(ProviderRegistration request, CurrentUser user) {
        if (!user.isIn(Groups.PROVIDER)) {
            throw Refusal.forbidden("WRONG_GROUP", "只有承接主体用户可以登记承接主体 / only provider users register providers");
        }
        return registerFor(request, user);
    }

    /** {@link #register} without the group check: also the provider's own sign-up (ADR 0035), for its new account. */
    @Transactional
    Provider registerFor(ProviderRegistration request, CurrentUser user) {
        Map<String, String> problems = RegistrationRules.problems(request, Set.copyOf(providers.categoryCatalogue()));
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        if (user.organisationId() != null) {
            throw alreadyAffiliated(user.organisationId());
        }
        RegistrationRules.Cleaned r = RegistrationRules.clean(request);
        if (providers.findByCreditCode(r.creditCode()).isPresent()) {
            throw duplicateCreditCode(r.creditCode());
        }
        LocalDateTime now = clock.localNow();
        try {
            providers.insert(new Provider(null, r.name(), r.type().name(), r.creditCode(), String.join(",", r.categories()),
                    ProviderStatus.PENDING.name(), null, null, now, user.userId(), request.seriousViolationInLast3Years(),
                    request.dishonestListed(), null, null, null, null, null, null));
        } catch (DuplicateKeyException e) {
            throw duplicateCreditCode(r.creditCode());
        }
        Provider provider = providers.findByCreditCode(r.creditCode()).orElseThrow();
        affiliate(user, provider.id());
        String instanceId = processes.start(ProviderCertificationProcess.PROCESS_ID, provider.subjectCode(),
                Map.of(ProviderCertificationProcess.Vars.PROVIDER_ID, provider.id()));
        providers.setProcessInstance(provider.id(), instanceId);
        audit.append(AuditEvent.of(user.userId(), "PROVIDER_REGISTERED").subject(provider.subjectCode())
                .detail("providerId", provider.id()).detail("name", r.name()).detail("type", r.type().name())
                .detail("creditCode", r.creditCode()).detail("categories", r.categories())
                .detail("seriousViolationInLast3Years", request.seriousViolationInLast3Years())
                .detail("dishonestListed", request.dishonestListed()));
        return providers.find(provider.id()).orElseThrow();
    }

    /** The problems of a registration by field (as {@link #register} would refuse it), empty when it may be registered. */
    Map<String, String> problems(ProviderRegistration request) {
        return RegistrationRules.problems(request, Set.copyOf(providers.categoryCatalogue()));
    }

    /** Whether a registration (pending, certified, refused or expired) holds this credit code. */
    boolean creditCodeTaken(String creditCode) {
        return providers.findByCreditCode(RegistrationRules.creditCode(creditCode)).isPresent();
    }

    public Optional<Provider> find(long id) {
        return providers.find(id);
    }

    /** Providers, by status when given, serving {@code category} when given. */
    public List<Provider> list(ProviderStatus status, String category) {
        List<Provider> rows = status == null ? providers.all() : providers.withStatus(status.name());
        return category == null ? rows : rows.stream().filter(p -> p.categoryList().contains(category)).toList();
    }

    public List<Performance> performance(long providerId) {
        return providers.performance(providerId);
    }

    /**
     * Whether provider {@code providerId} may take on a purchase of {@code category} on {@code onDate}:
     * CERTIFIED, the date within its certification period, the category among its own. False for an
     * unknown provider.
     */
    public boolean eligibleFor(long providerId, String category, LocalDate onDate) {
        return whyNotEligible(providerId, category, onDate).isEmpty();
    }

    /** Why provider {@code providerId} is not eligible (a sentence naming the rule), or empty when {@link #eligibleFor} holds. */
    public Optional<String> whyNotEligible(long providerId, String category, LocalDate onDate) {
        return providers.find(providerId).map(p -> p.whyNotEligible(category, onDate))
                .orElseGet(() -> Optional.of("承接主体未登记 / no such provider: " + providerId));
    }

    /**
     * Adds the grade of a finished contract to the provider's performance record, once per subject
     * (the procurement code): a second call for the same subject changes nothing and answers false,
     * so a retried job does not record it twice. Joins the caller's transaction (audit entry included).
     */
    @Transactional
    public boolean recordPerformance(long providerId, String subjectCode, String grade, BigDecimal score) {
        if (subjectCode == null || subjectCode.isBlank() || subjectCode.length() > 16) {
            throw new IllegalArgumentException("subject code must be 1..16 characters: " + subjectCode);
        }
        if (!GRADES.contains(grade)) {
            throw new IllegalArgumentException("grade must be one of " + GRADES + ": " + grade);
        }
        if (score == null || score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0
                || score.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("score must be 0..100 with at most two decimals: " + score);
        }
        Provider provider = providers.lock(providerId)
                .orElseThrow(() -> new IllegalArgumentException("no provider " + providerId));
        if (providers.performanceOf(providerId, subjectCode).isPresent()) {
            return false;
        }
        LocalDate today = clock.today();
        providers.insertPerformance(providerId, subjectCode, grade, score, today, clock.localNow());
        audit.append(AuditEvent.of(AuditEvent.SYSTEM, "PROVIDER_PERFORMANCE").subject(subjectCode)
                .detail("providerId", provider.id()).detail("provider", provider.subjectCode())
                .detail("grade", grade).detail("score", score.toPlainString()).detail("evaluatedOn", today));
        return true;
    }

    /** The status of a provider's task-list subject {@code PV-<id>}. */
    @Override
    public Optional<String> statusOf(String subjectCode) {
        Long id = ProviderCertificationProcess.providerId(subjectCode);
        return id == null ? Optional.empty() : providers.find(id).map(Provider::status);
    }

    /** The user now belongs to the provider they registered (user_affiliation.organisation_id). */
    private void affiliate(CurrentUser user, long providerId) {
        Optional<Affiliation> current = organisations.findAffiliation(user.userId());
        if (current.isPresent()) {
            if (providers.affiliate(user.userId(), providerId) == 0) {
                throw alreadyAffiliated(current.get().organisationId());
            }
            return;
        }
        String name = user.name() == null || user.name().isBlank() ? user.userId() : user.name();
        try {
            organisations.insertAffiliation(new Affiliation(user.userId(),
                    name.length() > DISPLAY_NAME_MAX ? name.substring(0, DISPLAY_NAME_MAX) : name,
                    null, null, null, providerId));
        } catch (DuplicateKeyException e) {
            // the same user registering two providers at once: the other registration came first
            throw alreadyAffiliated(null);
        }
    }

    private static Refusal alreadyAffiliated(Long organisationId) {
        return Refusal.conflict("ALREADY_AFFILIATED", "您已隶属于承接主体" + (organisationId == null ? "" : " PV-" + organisationId)
                + "，不能再登记另一个承接主体 / you already belong to a provider and cannot register another");
    }

    private static Refusal duplicateCreditCode(String creditCode) {
        String message = "统一社会信用代码 " + creditCode + " 已登记 / a provider with this unified social credit code is already registered";
        return new Refusal(Refusal.Kind.CONFLICT, "DUPLICATE_CREDIT_CODE", message, Map.of("creditCode", message));
    }
}

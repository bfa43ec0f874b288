package cn.shequ.provider;

import cn.shequ.engine.ShequClock;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.refusal.Refusal;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The provider registry (API.md "Purchase of services": providers). */
@RestController
class ProviderController {

    private final Providers providers;
    private final CurrentUsers users;

    ProviderController(Providers providers, CurrentUsers users) {
        this.providers = providers;
        this.users = users;
    }

    record Created(long id, String code, String status) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Registration(String name, String type, String typeName, String creditCode, List<String> categories,
                        Boolean seriousViolationInLast3Years, Boolean dishonestListed, OffsetDateTime registeredAt,
                        String registeredBy) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Certification(String status, LocalDate certifiedOn, LocalDate certifiedUntil, boolean reminderSent,
                         OffsetDateTime reminderSentAt, String certifiedBy, String refusedBy, String refusalReason,
                         OffsetDateTime decidedAt) {}

    record PerformanceLine(String subjectCode, String grade, BigDecimal score, LocalDate evaluatedOn) {}

    record ProviderView(long id, String code, String status, Registration registration, Certification certification,
                        List<PerformanceLine> performance) {}

    record ProviderSummary(long id, String code, String name, String type, String creditCode, List<String> categories,
                           String status, LocalDate certifiedUntil) {}

    /** A provider user registers their organisation; certification by civil affairs follows. */
    @PostMapping("/api/providers")
    @ResponseStatus(HttpStatus.CREATED)
    Created register(@RequestBody ProviderRegistration request) {
        Provider provider = providers.register(request, users.current());
        return new Created(provider.id(), provider.subjectCode(), provider.status());
    }

    /** Registration, certification and performance record; any logged-in user. */
    @GetMapping("/api/providers/{id}")
    ProviderView get(@PathVariable long id) {
        users.current();
        Provider p = providers.find(id).orElseThrow(() -> Refusal.notFound("承接主体", String.valueOf(id)));
        String typeName = LegalType.of(p.legalType()).map(LegalType::chineseName).orElse(null);
        return new ProviderView(p.id(), p.subjectCode(), p.status(),
                new Registration(p.name(), p.legalType(), typeName, p.creditCode(), p.categoryList(),
                        p.seriousViolationDeclared(), p.dishonestListedDeclared(), at(p.registeredAt()), p.registeredBy()),
                new Certification(p.status(), p.certifiedOn(), p.certifiedUntil(), p.reminderSentAt() != null,
                        at(p.reminderSentAt()), p.certifiedBy(), p.refusedBy(), p.refusalReason(), at(p.decidedAt())),
                providers.performance(id).stream()
                        .map(l -> new PerformanceLine(l.subjectCode(), l.grade(), l.score(), l.evaluatedOn())).toList());
    }

    /** The registry for officials (street office, civil affairs, finance, auditors, admins). */
    @GetMapping("/api/providers")
    List<ProviderSummary> list(@RequestParam(required = false) String status,
                               @RequestParam(required = false) String category) {
        CurrentUser user = users.current();
        if (!(user.isIn(Groups.STREET_OFFICE) || user.isIn(Groups.CIVIL_AFFAIRS) || user.isIn(Groups.FINANCE)
                || user.isIn(Groups.AUDITOR) || user.isIn(Groups.ADMIN))) {
            throw Refusal.forbidden("FORBIDDEN", "承接主体名录仅供机关工作人员查看 / the registry is for officials");
        }
        ProviderStatus wanted = null;
        if (status != null) {
            try {
                wanted = ProviderStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid("status", "未知的认证状态 / unknown status: " + status);
            }
        }
        return providers.list(wanted, category).stream()
                .map(p -> new ProviderSummary(p.id(), p.subjectCode(), p.name(), p.legalType(), p.creditCode(),
                        p.categoryList(), p.status(), p.certifiedUntil()))
                .toList();
    }

    /** Shequ's columns hold China Standard Time; the API answers with the offset (API.md). */
    private static OffsetDateTime at(LocalDateTime local) {
        return local == null ? null : local.atZone(ShequClock.ZONE).toOffsetDateTime();
    }
}

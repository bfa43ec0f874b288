package cn.shequ.provider;

import static cn.shequ.provider.ProviderCertificationProcess.Decision.CERTIFY;
import static cn.shequ.provider.ProviderCertificationProcess.Decision.REFUSE;

import cn.shequ.audit.AuditActions;
import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.ShequClock;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.Groups;
import cn.shequ.provider.ProviderCertificationProcess.Tasks;
import cn.shequ.provider.ProviderCertificationProcess.Vars;
import cn.shequ.refusal.Refusal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * What completing certify-provider means, through the API or in Tasklist: civil affairs decides
 * CERTIFY or REFUSE (a refusal says why), on a provider still PENDING, and not the user who
 * registered it. Returns the decision the process routes on; throws {@link Refusal} to refuse
 * (the engine rolls the completion back and the task stays open).
 */
@Component
class ProviderSteps {

    static final int COMMENT_MAX = 2000;

    private final ProviderMapper providers;
    private final ShequClock clock;
    private final AuditLog audit;

    ProviderSteps(ProviderMapper providers, ShequClock clock, AuditLog audit) {
        this.providers = providers;
        this.clock = clock;
        this.audit = audit;
    }

    Map<String, Object> complete(long providerId, String taskKey, CurrentUser actor, Function<String, Object> fields) {
        if (!Tasks.CERTIFY_PROVIDER.equals(taskKey)) {
            throw new IllegalStateException("unknown task " + taskKey);
        }
        if (!actor.isIn(Groups.CIVIL_AFFAIRS)) {
            throw Refusal.forbidden("WRONG_GROUP", "承接主体认证由 " + Groups.BUSINESS.get(Groups.CIVIL_AFFAIRS)
                    + " 办理 / certification belongs to " + Groups.CIVIL_AFFAIRS);
        }
        Provider provider = providers.lock(providerId)
                .orElseThrow(() -> Refusal.notFound("承接主体", ProviderCertificationProcess.subjectCode(providerId)));
        if (provider.providerStatus() != ProviderStatus.PENDING) {
            throw Refusal.conflict("WRONG_STATE", "承接主体状态为 " + provider.status() + "，只能认证待认证的承接主体 / "
                    + "only a PENDING provider is certified");
        }
        if (actor.userId().equals(provider.registeredBy())) {
            throw Refusal.forbidden("OWN_REGISTRATION", "登记人不得认证自己登记的承接主体（职责分离） / "
                    + "the user who registered a provider cannot certify it");
        }
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, Object> submitted = new TreeMap<>();
        String decision = text(fields, submitted, Vars.DECISION);
        if (decision == null) {
            problems.put(Vars.DECISION, "认证结论必填：CERTIFY 或 REFUSE / required: CERTIFY or REFUSE");
        } else if (!CERTIFY.equals(decision) && !REFUSE.equals(decision)) {
            problems.put(Vars.DECISION, "认证结论须为 CERTIFY 或 REFUSE / must be CERTIFY or REFUSE");
        }
        String comment = text(fields, submitted, Vars.COMMENT);
        if (comment == null && REFUSE.equals(decision)) {
            problems.put(Vars.COMMENT, "不予认证须写明理由 / a refusal needs a reason");
        } else if (comment != null && comment.length() > COMMENT_MAX) {
            problems.put(Vars.COMMENT, "意见最多 " + COMMENT_MAX + " 字 / at most " + COMMENT_MAX + " characters");
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        LocalDateTime now = clock.localNow();
        if (REFUSE.equals(decision)) {
            providers.refuse(providerId, actor.userId(), comment, now);
        } else {
            providers.approve(providerId, actor.userId(), now);
        }
        audit.append(AuditEvent.of(actor.userId(), AuditActions.TASK_COMPLETED).subject(provider.subjectCode())
                .task(taskKey, decision, comment).details(submitted).detail("providerId", providerId));
        return Map.of(Vars.DECISION, decision);
    }

    private static String text(Function<String, Object> fields, Map<String, Object> submitted, String name) {
        Object value = fields.apply(name);
        if (value != null) {
            submitted.put(name, value);
        }
        String text = value == null ? null : value.toString().trim();
        return text == null || text.isEmpty() ? null : text;
    }
}

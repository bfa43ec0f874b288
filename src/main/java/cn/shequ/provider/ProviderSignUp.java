package cn.shequ.provider;

import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.EngineIdentity;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.Groups;
import cn.shequ.identity.LoginThrottle;
import cn.shequ.identity.PasswordPolicyRules;
import cn.shequ.refusal.Refusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A provider signs itself up (ADR 0035): in one transaction its login account, in the group
 * {@link Groups#PROVIDER_APPLICANT} only, and its registration ({@link Providers#registerFor}, PENDING, which starts
 * certification). The user id is made from the credit code ({@value #USER_ID_PREFIX} + the code in small letters), so
 * nobody picks an existing id or another's. Refused before anything is written: the registration's rules, the password
 * policy ({@link PasswordPolicyRules}, as for every password), a credit code already registered, an existing account,
 * and the sign-up limits per address and in all ({@link LoginThrottle#reserveSignUp}). Civil affairs' certification
 * moves the account into {@link Groups#PROVIDER} ({@link #promote}).
 */
@Service
public class ProviderSignUp {

    public static final String USER_ID_PREFIX = "pv";
    static final int CONTACT_NAME_MAX = 64;

    /** Audit actions of the sign-up. */
    public static final String SIGNED_UP = "PROVIDER_SIGNED_UP";
    public static final String SIGN_UP_THROTTLED = "PROVIDER_SIGN_UP_THROTTLED";
    public static final String APPLICANT_PROMOTED = "PROVIDER_APPLICANT_PROMOTED";

    /** What the page and {@code POST /api/signup/provider} hand in: the contact person, the password, the registration. */
    public record Request(String contactName, String password, ProviderRegistration registration) {}

    /** The account created and the provider registered. */
    public record Result(String userId, Provider provider) {}

    private final Providers providers;
    private final EngineIdentity identity;
    private final PasswordPolicyRules passwords;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    ProviderSignUp(Providers providers, EngineIdentity identity, PasswordPolicyRules passwords, LoginThrottle throttle,
                   AuditLog audit, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.providers = providers;
        this.identity = identity;
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
    }

    /** The user id a sign-up with this credit code gets. */
    public static String userIdFor(String creditCode) {
        return USER_ID_PREFIX + RegistrationRules.creditCode(creditCode).toLowerCase(Locale.ROOT);
    }

    /**
     * Signs a provider up from {@code address}: 429 over the limits (the first refusal of a window in the audit chain),
     * 400 naming each field, 409 for a credit code already registered or an existing account; nothing is stored then.
     */
    public Result signUp(Request request, String address) {
        Optional<LoginThrottle.SignUpRefusal> refused = throttle.reserveSignUp(address);
        if (refused.isPresent()) {
            LoginThrottle.SignUpRefusal r = refused.get();
            if (r.firstOfWindow()) {
                // its own transaction: the refusal is recorded although nothing else is
                transactions.executeWithoutResult(status -> audit.append(AuditEvent.of(AuditEvent.SYSTEM, SIGN_UP_THROTTLED)
                        .detail("address", r.perAddress() ? String.valueOf(address) : "*")
                        .detail("waitSeconds", r.waitFor().toSeconds())));
            }
            long hours = Math.max(1, (r.waitFor().toMinutes() + 59) / 60);
            String message = (r.perAddress() ? "同一网络地址 24 小时内注册承接主体账号的次数已达上限"
                    : "今日承接主体账号注册总数已达上限") + "，请在约 " + hours + " 小时后再试（注册限制，docs/security.md）";
            throw new Refusal(Refusal.Kind.TOO_MANY, "SIGN_UP_THROTTLED", message, Map.of());
        }
        try {
            // account, registration, certification process and audit entry: one transaction
            return transactions.execute(status -> create(request, address));
        } catch (RuntimeException e) {
            throttle.signUpRefused(address);
            throw e;
        }
    }

    private Result create(Request request, String address) {
        ProviderRegistration registration = request.registration() == null
                ? new ProviderRegistration(null, null, null, null, null, null) : request.registration();
        Map<String, String> problems = new LinkedHashMap<>();
        String contact = request.contactName() == null ? "" : request.contactName().trim();
        if (contact.isEmpty()) {
            problems.put("contactName", "联系人姓名必填");
        } else if (contact.length() > CONTACT_NAME_MAX) {
            problems.put("contactName", "联系人姓名最多 " + CONTACT_NAME_MAX + " 字");
        }
        problems.putAll(providers.problems(registration));
        String userId = problems.containsKey("creditCode") ? null : userIdFor(registration.creditCode());
        String passwordProblem = passwords.problem(userId, request.password());
        if (passwordProblem != null) {
            problems.put("password", passwordProblem);
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        if (providers.creditCodeTaken(registration.creditCode())) {
            // the same answer whoever holds it: the sign-up does not tell which account or organisation
            String message = "该统一社会信用代码已有登记（待认证或已认证），每个代码只能登记一次；如需帮助请联系区民政部门";
            throw new Refusal(Refusal.Kind.CONFLICT, "DUPLICATE_CREDIT_CODE", message, Map.of("creditCode", message));
        }
        // never take over an account: an id that exists (made by an administrator, say) is refused
        if (!identity.createUserIfAbsent(userId, contact, "", request.password())) {
            String message = "用户名 " + userId + " 已存在，不能通过注册取得；如需帮助请联系区民政部门";
            throw new Refusal(Refusal.Kind.CONFLICT, "USER_EXISTS", message, Map.of("creditCode", message));
        }
        identity.ensureMembership(userId, Groups.PROVIDER_APPLICANT);
        Provider provider = providers.registerFor(registration,
                new CurrentUser(userId, contact, List.of(Groups.PROVIDER_APPLICANT), null));
        audit.append(AuditEvent.of(userId, SIGNED_UP).subject(provider.subjectCode())
                .detail("userId", userId).detail("providerId", provider.id()).detail("creditCode", provider.creditCode())
                .detail("group", Groups.PROVIDER_APPLICANT).detail("address", String.valueOf(address)));
        return new Result(userId, provider);
    }

    /**
     * Civil affairs certified {@code provider}: the account that signed it up leaves {@link Groups#PROVIDER_APPLICANT}
     * for {@link Groups#PROVIDER} (it logs in again to use it). Nothing for a provider registered by a provider user.
     */
    void promote(Provider provider) {
        String userId = provider.registeredBy();
        if (userId == null || !identity.groupIdsOf(userId).contains(Groups.PROVIDER_APPLICANT)) {
            return;
        }
        identity.ensureMembership(userId, Groups.PROVIDER);
        identity.leaveGroup(userId, Groups.PROVIDER_APPLICANT);
        audit.append(AuditEvent.of(AuditEvent.SYSTEM, APPLICANT_PROMOTED).subject(provider.subjectCode())
                .detail("userId", userId).detail("providerId", provider.id())
                .detail("from", Groups.PROVIDER_APPLICANT).detail("to", Groups.PROVIDER));
    }
}

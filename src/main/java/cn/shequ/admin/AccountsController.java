package cn.shequ.admin;

import cn.shequ.audit.AuditActions;
import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.EngineIdentity;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.identity.LoginThrottle;
import cn.shequ.identity.PasswordPolicyRules;
import cn.shequ.refusal.Refusal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts (docs/security.md): an administrator lists the accounts with their login waits, unlocks
 * one, creates one and sets a password; every user changes their own password. Every password set
 * here passes {@link PasswordPolicyRules} (400 naming the rule in Chinese); every change is in the
 * audit chain, never the password.
 */
@RestController
class AccountsController {

    /** The engine's own rule for user ids: letters and digits only, and not CurrentUser.SYSTEM (AccountsEnginePlugin). */
    private static final String USER_ID_PATTERN = "[a-zA-Z0-9]+";

    private final EngineIdentity identity;
    private final LoginThrottle throttle;
    private final PasswordPolicyRules rules;
    private final AuditLog audit;
    private final CurrentUsers users;

    AccountsController(EngineIdentity identity, LoginThrottle throttle, PasswordPolicyRules rules, AuditLog audit,
                       CurrentUsers users) {
        this.identity = identity;
        this.throttle = throttle;
        this.rules = rules;
        this.audit = audit;
        this.users = users;
    }

    record Account(String userId, String name, List<String> groups, int failedLogins, long waitSeconds) {}

    @GetMapping("/api/admin/users")
    List<Account> list() {
        List<Account> accounts = new ArrayList<>();
        for (String id : identity.userIds()) {
            String name = identity.account(id).map(EngineIdentity.Account::displayName).orElse(id);
            long wait = throttle.waitFor(id, null).map(d -> (d.toMillis() + 999) / 1000).orElse(0L);
            accounts.add(new Account(id, name, identity.groupIdsOf(id), throttle.failuresOf(id), wait));
        }
        return accounts;
    }

    @PostMapping("/api/admin/users/{userId}/unlock")
    @Transactional
    Map<String, Object> unlock(@PathVariable String userId) {
        if (!identity.exists(userId)) {
            throw Refusal.notFound("用户", userId);
        }
        boolean hadFailures = throttle.unlock(userId);
        identity.unlockInEngine(userId);
        audit.append(AuditEvent.of(users.current().userId(), AuditActions.ACCOUNT_UNLOCKED)
                .details(Map.of("userId", userId, "hadFailures", hadFailures)));
        return Map.of("userId", userId, "unlocked", true);
    }

    @PostMapping("/api/admin/users")
    @Transactional
    ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> body) {
        String userId = text(body, "userId");
        String lastName = text(body, "lastName");
        String firstName = text(body, "firstName");
        String password = text(body, "password");
        Map<String, String> problems = new LinkedHashMap<>();
        if (userId == null || userId.length() > 64 || !userId.matches(USER_ID_PATTERN)) {
            problems.put("userId", "用户名必填，最多64位，只能由字母和数字组成");
        } else if (CurrentUser.isSystem(userId)) {
            problems.put("userId", CurrentUser.SYSTEM_RESERVED);
        }
        if (lastName == null || lastName.isBlank() || lastName.length() > 64) {
            problems.put("lastName", "姓必填，最多64字");
        }
        if (firstName == null || firstName.isBlank() || firstName.length() > 64) {
            problems.put("firstName", "名必填，最多64字");
        }
        List<String> groups = new ArrayList<>();
        if (body.get("groups") instanceof List<?> list) {
            for (Object g : list) {
                if (!(g instanceof String id) || !(Groups.BUSINESS.containsKey(id) || Groups.ADMIN.equals(id))) {
                    problems.put("groups", "未知的用户组：" + g);
                } else {
                    groups.add(id);
                }
            }
        }
        checkPassword(userId, password, "password", problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        if (identity.exists(userId)) {
            throw Refusal.conflict("USER_EXISTS", "用户名 " + userId + " 已存在");
        }
        identity.createUserIfAbsent(userId, lastName.trim(), firstName.trim(), password);
        groups.forEach(g -> identity.ensureMembership(userId, g));
        if (groups.contains(Groups.ADMIN)) {
            identity.ensureMembership(userId, Groups.CAMUNDA_ADMIN);
        }
        audit.append(AuditEvent.of(users.current().userId(), AuditActions.ACCOUNT_CHANGED)
                .details(Map.of("userId", userId, "change", "CREATED", "groups", groups)));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("userId", userId, "groups", groups));
    }

    @PutMapping("/api/admin/users/{userId}/password")
    @Transactional
    Map<String, Object> setPassword(@PathVariable String userId, @RequestBody Map<String, Object> body) {
        if (!identity.exists(userId)) {
            throw Refusal.notFound("用户", userId);
        }
        String password = text(body, "password");
        Map<String, String> problems = new LinkedHashMap<>();
        checkPassword(userId, password, "password", problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        identity.setPassword(userId, password);
        audit.append(AuditEvent.of(users.current().userId(), AuditActions.ACCOUNT_CHANGED)
                .details(Map.of("userId", userId, "change", "PASSWORD_SET")));
        return Map.of("userId", userId, "passwordChanged", true);
    }

    /** {@code POST /api/me/password {"currentPassword", "newPassword"}}: a user changes their own password. */
    @PostMapping("/api/me/password")
    @Transactional
    Map<String, Object> changeOwn(@RequestBody Map<String, Object> body) {
        String userId = users.current().userId();
        String current = text(body, "currentPassword");
        String next = text(body, "newPassword");
        if (current == null || identity.verify(userId, current).isEmpty()) {
            throttle.failed(userId, null);
            throw Refusal.invalid("currentPassword", "当前密码不正确");
        }
        Map<String, String> problems = new LinkedHashMap<>();
        checkPassword(userId, next, "newPassword", problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        identity.setPassword(userId, next);
        audit.append(AuditEvent.of(userId, AuditActions.ACCOUNT_CHANGED)
                .details(Map.of("userId", userId, "change", "PASSWORD_CHANGED")));
        return Map.of("userId", userId, "passwordChanged", true);
    }

    private void checkPassword(String userId, String password, String field, Map<String, String> problems) {
        String problem = rules.problem(userId, password);
        if (problem != null) {
            problems.put(field, problem);
        }
    }

    private static String text(Map<String, Object> body, String field) {
        Object value = body == null ? null : body.get(field);
        return value instanceof String s ? s : null;
    }
}

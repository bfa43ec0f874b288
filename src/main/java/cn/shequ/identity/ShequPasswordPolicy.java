package cn.shequ.identity;

import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;

/**
 * {@link PasswordPolicyRules} as the engine's password policy: every user the engine saves with a
 * new password (through /engine-rest, the Camunda Admin webapp or Shequ) is checked by the same rules.
 */
class ShequPasswordPolicy implements PasswordPolicy {

    private final List<PasswordPolicyRule> rules;

    ShequPasswordPolicy(PasswordPolicyRules shequ) {
        this.rules = List.of(
                rule(PasswordPolicyRules.length(), (password, user) -> shequ.check(null, password).stream()
                        .noneMatch(v -> v.code().equals("PASSWORD_TOO_SHORT"))),
                rule(PasswordPolicyRules.userIdRule(), (password, user) -> user == null || shequ.check(user.getId(), password)
                        .stream().noneMatch(v -> v.code().equals("PASSWORD_CONTAINS_USER_ID"))),
                rule(PasswordPolicyRules.commonRule(), (password, user) -> !shequ.isCommon(password == null ? "" : password)));
    }

    @Override
    public List<PasswordPolicyRule> getRules() {
        return rules;
    }

    private static PasswordPolicyRule rule(PasswordPolicyRules.Violation violation, BiPredicate<String, User> passes) {
        return new PasswordPolicyRule() {
            @Override
            public String getPlaceholder() {
                return violation.code();
            }

            @Override
            public Map<String, String> getParameters() {
                return Map.of("message", violation.message());
            }

            @Override
            public boolean execute(String password) {
                return passes.test(password, null);
            }

            @Override
            public boolean execute(String password, User user) {
                return passes.test(password, user);
            }
        };
    }
}

package cn.shequ.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyRulesTest {

    final PasswordPolicyRules rules = new PasswordPolicyRules();

    List<String> codes(String user, String password) {
        return rules.check(user, password).stream().map(PasswordPolicyRules.Violation::code).toList();
    }

    @Test
    void lengthUserIdAndCommonPasswordsAreRefusedEachNamed() {
        assertThat(codes("street1", "1")).contains("PASSWORD_TOO_SHORT");
        assertThat(codes("street1", "123456789")).contains("PASSWORD_TOO_SHORT");
        assertThat(codes("street1", "demo")).containsExactlyInAnyOrder("PASSWORD_TOO_SHORT", "PASSWORD_TOO_COMMON");
        assertThat(codes("street1", "1234567890")).containsExactly("PASSWORD_TOO_COMMON");
        assertThat(codes("street1", "QwertyUIOP")).containsExactly("PASSWORD_TOO_COMMON");
        assertThat(codes("street1", "admin12345")).containsExactly("PASSWORD_TOO_COMMON");
        assertThat(codes("street1", "password2026!")).containsExactly("PASSWORD_TOO_COMMON");
        assertThat(codes("street1", "aaaaaaaaaaaa")).containsExactly("PASSWORD_TOO_COMMON");
        assertThat(codes("street1", "Street1-office")).containsExactly("PASSWORD_CONTAINS_USER_ID");
        assertThat(codes("street1", "Lan-Hua-7Qiao")).isEmpty();
        // ten Chinese characters are ten characters
        assertThat(codes("street1", "东湖社区长者助餐服务")).isEmpty();
        assertThat(PasswordPolicyRules.sentence(rules.check("street1", "1"))).startsWith("密码不符合密码规则").contains("至少 10 个字符");
    }
}

package cn.shequ.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Shequ's password policy, one definition for every path that sets a password (Shequ's admin API,
 * the change of one's own password, and, through {@link ShequPasswordPolicy}, the engine itself:
 * /engine-rest and the Camunda Admin webapp): at least {@value #MIN_LENGTH} characters, not
 * containing the user id, not a known demo or common password ({@code common-passwords.txt}). The
 * demo users keep "demo" because they are seeded past the policy, and production refuses to start
 * while any account still has it ({@code shequ.security.refuse-demo-passwords}).
 */
@Component
public class PasswordPolicyRules {

    public static final int MIN_LENGTH = 10;
    static final String LIST = "/cn/shequ/identity/common-passwords.txt";

    /** A broken rule: a stable code, and the Chinese sentence shown to the person. */
    public record Violation(String code, String message) {}

    private final Set<String> common;

    public PasswordPolicyRules() {
        this.common = load();
    }

    /** The rules the password breaks for this user (empty: acceptable). */
    public List<Violation> check(String userId, String password) {
        List<Violation> broken = new ArrayList<>();
        String candidate = password == null ? "" : password;
        if (candidate.codePointCount(0, candidate.length()) < MIN_LENGTH) {
            broken.add(length());
        }
        if (userId != null && !userId.isBlank()
                && candidate.toLowerCase(Locale.ROOT).contains(userId.trim().toLowerCase(Locale.ROOT))) {
            broken.add(userIdRule());
        }
        if (isCommon(candidate)) {
            broken.add(commonRule());
        }
        return broken;
    }

    /**
     * What is wrong with {@code password} for {@code userId} as one Chinese sentence for an error body ("密码必填" when
     * missing), or null when acceptable: the check of every path that sets a password.
     */
    public String problem(String userId, String password) {
        if (password == null || password.isEmpty()) {
            return "密码必填";
        }
        List<Violation> broken = check(userId, password);
        return broken.isEmpty() ? null : sentence(broken);
    }

    /** One sentence naming every rule broken, for an error body. */
    public static String sentence(List<Violation> violations) {
        return "密码不符合密码规则：" + String.join("；", violations.stream().map(Violation::message).toList());
    }

    boolean isCommon(String candidate) {
        String lower = candidate.toLowerCase(Locale.ROOT).trim();
        if (common.contains(lower)) {
            return true;
        }
        // a listed word with only digits or symbols added ("password2026!", "shequ@12345")
        String stripped = lower.replaceAll("[^a-z]+$", "").replaceAll("^[^a-z]+", "");
        if (!stripped.isEmpty() && !stripped.equals(lower) && common.contains(stripped)) {
            return true;
        }
        // one character repeated ("aaaaaaaaaa")
        return !lower.isEmpty() && lower.chars().distinct().count() == 1;
    }

    static Violation length() {
        return new Violation("PASSWORD_TOO_SHORT", "密码至少 " + MIN_LENGTH + " 个字符");
    }

    static Violation userIdRule() {
        return new Violation("PASSWORD_CONTAINS_USER_ID", "密码不得包含用户名");
    }

    static Violation commonRule() {
        return new Violation("PASSWORD_TOO_COMMON", "密码不得为演示密码或常见密码（如 demo、password、1234567890）");
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicyRules.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("missing " + LIST);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.trim();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}

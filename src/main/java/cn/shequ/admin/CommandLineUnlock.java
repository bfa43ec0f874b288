package cn.shequ.admin;

import cn.shequ.audit.AuditActions;
import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.EngineIdentity;
import cn.shequ.identity.PasswordPolicyRules;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The emergency unlock for the first administrator, from the command line against the configured
 * database (docs/security.md): {@code java -jar shequ.jar --shequ.unlock=admin} clears the engine's
 * lock of the account, and with {@code SHEQU_UNLOCK_PASSWORD} set also gives it that password
 * (checked by the password policy); recorded in the audit chain as done by "command-line"; then the
 * program ends. {@link cn.shequ.ShequApplication} starts it without job executor, on a free loopback port.
 * Shequ's own login waits are kept by the running server and end by themselves within
 * {@code shequ.login.max-delay}.
 */
@Component
@ConditionalOnProperty("shequ.unlock")
public class CommandLineUnlock implements ApplicationRunner {

    /** The property naming the account to unlock. */
    public static final String PROPERTY = "shequ.unlock";
    private static final Logger log = LoggerFactory.getLogger(CommandLineUnlock.class);

    private final EngineIdentity identity;
    private final PasswordPolicyRules rules;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final org.springframework.core.env.Environment environment;

    CommandLineUnlock(EngineIdentity identity, PasswordPolicyRules rules, AuditLog audit, TransactionTemplate transaction,
                      org.springframework.core.env.Environment environment) {
        this.identity = identity;
        this.rules = rules;
        this.audit = audit;
        this.transaction = transaction;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        String userId = environment.getProperty(PROPERTY, "").trim();
        String password = System.getenv("SHEQU_UNLOCK_PASSWORD");
        if (!identity.exists(userId)) {
            throw new IllegalStateException("没有用户 " + userId + " / no such user");
        }
        if (password != null && !password.isEmpty()) {
            List<PasswordPolicyRules.Violation> broken = rules.check(userId, password);
            if (!broken.isEmpty()) {
                throw new IllegalStateException("SHEQU_UNLOCK_PASSWORD: " + PasswordPolicyRules.sentence(broken));
            }
        }
        transaction.executeWithoutResult(status -> {
            identity.unlockInEngine(userId);
            if (password != null && !password.isEmpty()) {
                identity.setPassword(userId, password);
            }
            audit.append(AuditEvent.of("command-line", AuditActions.ACCOUNT_UNLOCKED).details(Map.of(
                    "userId", userId, "passwordSet", password != null && !password.isEmpty())));
        });
        log.info("已解除账户 {} 的锁定{} / unlocked {}", userId,
                password != null && !password.isEmpty() ? "并设置了新密码" : "", userId);
        System.out.println("已解除账户 " + userId + " 的锁定 / account " + userId + " unlocked");
    }
}

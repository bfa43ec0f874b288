package cn.shequ.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine's side of Shequ's accounts (ADR 0007): its password policy is Shequ's
 * ({@link ShequPasswordPolicy}), and its own lock-out is switched off, because after
 * {@code loginMaxAttempts} failures it locks an account for good (only the database or an
 * administrator can undo it) and anyone could lock any account, admin included. Shequ throttles
 * every login itself ({@link LoginThrottle}) with delays that end by themselves. No account may be
 * called {@link CurrentUser#SYSTEM} (in any case), through any door: the engine's own rule for user
 * ids (letters and digits, as its default) leaves it out.
 */
@Component
class AccountsEnginePlugin extends AbstractProcessEnginePlugin {

    private final PasswordPolicyRules rules;

    AccountsEnginePlugin(PasswordPolicyRules rules) {
        this.rules = rules;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnablePasswordPolicy(true);
        configuration.setPasswordPolicy(new ShequPasswordPolicy(rules));
        // never a permanent lock, and no delay from the engine (a delay of 0 s ends at once)
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayBase(0);
        configuration.setLoginDelayMaxTime(0);
        // set here, not in camunda.bpm.generic-properties (which would be overwritten): see docs/configuration.md
        configuration.setUserResourceWhitelistPattern("(?i:(?!" + CurrentUser.SYSTEM + "$)[a-z0-9]+)|camunda-admin");
    }
}

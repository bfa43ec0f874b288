package cn.shequ.workbench;

import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.provider.Provider;
import cn.shequ.provider.Providers;
import cn.shequ.refusal.Refusal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The provider's and the expert's place in the shell: whether the user works for a provider (and
 * which, null before it registered) and whether they are an evaluation expert, for the navigation
 * and the home page. Kept apart from {@link Shell} so the shell's header facts stay as they were.
 */
@ControllerAdvice(basePackageClasses = Shell.class)
class ProviderShell {

    /** {@code provider} null for a provider user whose organisation is not registered yet. */
    record Supplier(boolean providerUser, Provider provider, boolean expert) {}

    private final CurrentUsers users;
    private final Providers providers;

    ProviderShell(CurrentUsers users, Providers providers) {
        this.users = users;
        this.providers = providers;
    }

    @ModelAttribute("supplier")
    Supplier supplier() {
        try {
            CurrentUser user = users.current();
            boolean providerUser = user.isIn(Groups.PROVIDER);
            boolean expert = user.isIn(Groups.EVALUATION_EXPERT);
            if (!providerUser && !expert) {
                return null;
            }
            Provider provider = providerUser && user.organisationId() != null
                    ? providers.find(user.organisationId()).orElse(null) : null;
            return new Supplier(providerUser, provider, expert);
        } catch (Refusal e) {
            return null;
        }
    }
}

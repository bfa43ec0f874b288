package cn.shequ.identity;

import cn.shequ.engine.EngineIdentity;
import cn.shequ.refusal.Refusal;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** Resolves the user of the current request from Spring Security and Shequ's affiliations. */
@Service
public class CurrentUsers {

    private static final String GROUP_PREFIX = Groups.authority("");

    /** The user a request has already resolved, while {@link #resolved} runs its work (read once per request, ADR 0053). */
    private static final ThreadLocal<CurrentUser> RESOLVED = new ThreadLocal<>();

    private final EngineIdentity identity;
    private final Affiliations affiliations;

    public CurrentUsers(EngineIdentity identity, Affiliations affiliations) {
        this.identity = identity;
        this.affiliations = affiliations;
    }

    /** The request's user, the affiliation as kept on this node ({@link Affiliations#of}). */
    public CurrentUser current() {
        return current(false);
    }

    /** The request's user with the affiliation as stored now, not as kept ({@code /api/me}). */
    public CurrentUser currentAsStored() {
        return current(true);
    }

    private CurrentUser current(boolean asStored) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null || "anonymousUser".equals(auth.getName())) {
            throw Refusal.unauthenticated();
        }
        // the groups were read at login: take them from the authorities rather than asking the engine again
        List<String> groups = auth.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith(GROUP_PREFIX)).map(a -> a.substring(GROUP_PREFIX.length()))
                .filter(group -> !Groups.isCommunityCommittee(group)).sorted().toList();
        Affiliation affiliation = (asStored ? affiliations.asStored(auth.getName())
                : affiliations.of(auth.getName(), groups)).orElse(null);
        String name = affiliation != null ? affiliation.displayName()
                : identity.account(auth.getName()).map(EngineIdentity.Account::displayName).orElse(auth.getName());
        return new CurrentUser(auth.getName(), name, groups, affiliation);
    }

    /**
     * Runs {@code step} as {@code userId} outside a request (the demo data): the engine sees that user
     * too, so its authorizations and user operation log apply as for a request, and forgets it after.
     */
    public <T> T actAs(String userId, Function<CurrentUser, T> step) {
        CurrentUser user = load(userId);
        identity.authenticate(userId, user.groups());
        try {
            return step.apply(user);
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * Runs {@code work} (a completion this request makes for {@code user}) with {@code user} as the request's resolved
     * user: {@link #load} of the same user takes the affiliation the request has already read instead of reading it
     * again. A user without an affiliation is read as before.
     */
    public static <T> T resolved(CurrentUser user, Supplier<T> work) {
        CurrentUser before = RESOLVED.get();
        RESOLVED.set(user);
        try {
            return work.get();
        } finally {
            if (before == null) {
                RESOLVED.remove();
            } else {
                RESOLVED.set(before);
            }
        }
    }

    /**
     * The name a document prints for {@code userId} (its affiliation's display name, else the id): the request's
     * resolved user's (see {@link #resolved}) when it is that user, without reading the affiliation again; any other
     * user's as this node keeps it ({@link Affiliations#named}: a name never changes); {@link CurrentUser#SYSTEM}'s is
     * its id, without a read.
     */
    public String displayName(String userId) {
        if (CurrentUser.SYSTEM.equals(userId)) {
            return userId; // no account, nothing to read (issue 16)
        }
        CurrentUser known = RESOLVED.get();
        if (known != null && known.userId().equals(userId) && known.affiliation() != null) {
            return known.affiliation().displayName();
        }
        return affiliations.named(userId).map(Affiliation::displayName).orElse(userId);
    }

    public CurrentUser load(String userId) {
        return load(userId, false);
    }

    /**
     * {@link #load} with the affiliation as stored now, not as kept: for a rule on someone's organisation whoever they
     * are now (a member of an evaluation committee tied to a bidder), whose groups may have changed since a sign-up.
     */
    public CurrentUser loadAsStored(String userId) {
        return load(userId, true);
    }

    private CurrentUser load(String userId, boolean asStored) {
        CurrentUser known = RESOLVED.get();
        // a community's committee group is the engine's way to offer Tasklist a community's tasks, not a role
        // the engine's current user of this request: its groups were read at login (read once per request, issue 16)
        List<String> groups = identity.currentGroupIds(userId).orElseGet(() -> identity.groupIdsOf(userId)).stream()
                .filter(group -> !Groups.isCommunityCommittee(group)).sorted().toList();
        Affiliation affiliation = known != null && known.userId().equals(userId) && known.affiliation() != null
                ? known.affiliation()
                : (asStored ? affiliations.asStored(userId) : affiliations.of(userId, groups)).orElse(null);
        String name = affiliation != null ? affiliation.displayName()
                : identity.account(userId).map(EngineIdentity.Account::displayName).orElse(userId);
        return new CurrentUser(userId, name, groups, affiliation);
    }
}

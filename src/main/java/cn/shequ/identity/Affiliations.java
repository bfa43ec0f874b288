package cn.shequ.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Users' affiliations (user_affiliation) as requests read them, each row read once per node (issue 16, ADR 0070).
 *
 * <p>A row is inserted with its user and changes only once, in one column: a provider's sign-up sets
 * {@code organisation_id} where it was null ({@code ProviderMapper.affiliate}). No statement of Shequ changes a
 * user's name, community, street or district, or deletes a row. So a kept row with an organisation is final, and a
 * kept row without one is stale at most in that column, for a user who could sign up: a user of {@link
 * Groups#PROVIDER} or {@link Groups#PROVIDER_APPLICANT}, whose rows without an organisation are therefore read
 * again at every request until they have one. {@link #asStored} always reads (what {@code /api/me} shows).
 *
 * <p>As for {@link Communities}: a row read inside a transaction is kept only once that transaction commits (it may
 * have inserted the row and roll back); "no such row" is never kept; a row with an organisation is never replaced
 * by an older read without one. Should a user's name or community ever become editable, the editor must clear
 * this, on every node.
 */
@Component
public class Affiliations {

    /** More users than a province's committees, offices and providers have: past it, the kept rows are dropped. */
    static final int MAX_KEPT = 200_000;

    private final OrganisationMapper organisations;
    private final Map<String, Affiliation> committed = new ConcurrentHashMap<>();

    public Affiliations(OrganisationMapper organisations) {
        this.organisations = organisations;
    }

    /** The affiliation of {@code userId}, a user of {@code groups}, as their request acts on it. */
    public Optional<Affiliation> of(String userId, Collection<String> groups) {
        Affiliation known = committed.get(userId);
        if (known != null && (known.organisationId() != null || !maySignUp(groups))) {
            return Optional.of(known);
        }
        return asStored(userId);
    }

    /** The affiliation of {@code userId} for its name (which never changes), whoever asks. */
    public Optional<Affiliation> named(String userId) {
        Affiliation known = committed.get(userId);
        return known != null ? Optional.of(known) : asStored(userId);
    }

    /** The row as the database has it now. */
    public Optional<Affiliation> asStored(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        Optional<Affiliation> read = organisations.findAffiliation(userId);
        read.ifPresent(this::keepOnceCommitted);
        return read;
    }

    private static boolean maySignUp(Collection<String> groups) {
        return groups.contains(Groups.PROVIDER) || groups.contains(Groups.PROVIDER_APPLICANT);
    }

    private void keepOnceCommitted(Affiliation affiliation) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            keep(affiliation);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                keep(affiliation);
            }
        });
    }

    private void keep(Affiliation affiliation) {
        if (committed.size() >= MAX_KEPT) {
            committed.clear();
        }
        committed.merge(affiliation.userId(), affiliation,
                (kept, read) -> kept.organisationId() != null && read.organisationId() == null ? kept : read);
    }
}

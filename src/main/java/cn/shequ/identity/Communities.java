package cn.shequ.identity;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The communities (社区) as the steps, documents and pages read them, each row read once per node (ADR 0068). A community
 * is inserted (the demo seed, an administrator's import) and never changed or deleted: no statement of Shequ updates the
 * table, so a row once committed is the same on every node for as long as the node runs. A row read inside a
 * transaction is kept only once that transaction commits (it may have inserted the row itself and roll back). Should a
 * community's name ever become editable, the editor must clear this, on every node.
 */
@Component
public class Communities {

    private final OrganisationMapper organisations;
    private final Map<String, Community> committed = new ConcurrentHashMap<>();

    public Communities(OrganisationMapper organisations) {
        this.organisations = organisations;
    }

    /** Community {@code code}; empty when there is none (that answer is not kept: it may be inserted later). */
    public Optional<Community> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Community known = committed.get(code);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Community> read = organisations.findCommunity(code);
        read.ifPresent(this::keepOnceCommitted);
        return read;
    }

    private void keepOnceCommitted(Community community) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            committed.put(community.code(), community);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                committed.put(community.code(), community);
            }
        });
    }
}

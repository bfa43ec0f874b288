package cn.shequ.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/** A community is read once per node (ADR 0068), but never kept from a transaction that did not commit. */
class CommunitiesTest {

    private static final Community C001 = new Community("C001", "东湖社区", "东湖居", "S01");

    private final OrganisationMapper mapper = mock(OrganisationMapper.class);
    private final Communities communities = new Communities(mapper);

    @AfterEach
    void noTransactionLeft() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aCommittedCommunityIsReadOnce() {
        when(mapper.findCommunity("C001")).thenReturn(Optional.of(C001));
        assertThat(communities.find("C001")).contains(C001);
        assertThat(communities.find("C001")).contains(C001);
        verify(mapper, times(1)).findCommunity("C001");
    }

    @Test
    void noneIsNotKeptSoThatOneInsertedLaterIsFound() {
        when(mapper.findCommunity("C009")).thenReturn(Optional.empty()).thenReturn(Optional.of(C001));
        assertThat(communities.find("C009")).isEmpty();
        assertThat(communities.find("C009")).contains(C001);
        assertThat(communities.find(null)).isEmpty();
    }

    @Test
    void aRowReadInATransactionThatRollsBackIsNotKept() {
        when(mapper.findCommunity("C001")).thenReturn(Optional.of(C001));
        // rolled back: it may have inserted the row itself
        TransactionSynchronizationManager.initSynchronization();
        assertThat(communities.find("C001")).contains(C001);
        TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                TransactionSynchronization.STATUS_ROLLED_BACK);
        TransactionSynchronizationManager.clearSynchronization();
        assertThat(communities.find("C001")).contains(C001);
        verify(mapper, times(2)).findCommunity("C001");
    }

    @Test
    void aRowReadInACommittedTransactionIsKept() {
        when(mapper.findCommunity("C001")).thenReturn(Optional.of(C001));
        TransactionSynchronizationManager.initSynchronization();
        communities.find("C001");
        TransactionSynchronizationUtils.invokeAfterCommit(TransactionSynchronizationManager.getSynchronizations());
        TransactionSynchronizationManager.clearSynchronization();
        communities.find("C001");
        verify(mapper, times(1)).findCommunity("C001");
    }
}

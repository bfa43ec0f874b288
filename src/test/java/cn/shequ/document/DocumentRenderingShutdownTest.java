package cn.shequ.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.engine.ShequClock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Closing the application while the background thread stores a PDF: the store finishes, not
 * interrupted (an interrupt in the middle of a write makes H2 close its file and stop the database:
 * DemoPurchaseIT's data folder then held an H2 trace "Writing to … failed" written after the test
 * had closed the application), and what was still queued is left to the next poll.
 */
class DocumentRenderingShutdownTest {

    @Test
    void aRenderUnderWayFinishesUninterruptedAndWhatIsQueuedIsLeftForTheNextPoll() throws Exception {
        CountDownLatch storing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        InMemoryDocuments table = new InMemoryDocuments() {
            @Override
            public int storeRendered(long id, byte[] content, String fileSha256, LocalDateTime at) {
                storing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    interrupted.set(true);
                }
                return super.storeRendered(id, content, fileSha256, at);
            }
        };
        List<Object> events = new CopyOnWriteArrayList<>();
        DocumentLayout layout = TestFonts.layout();
        ShequClock clock = new ShequClock();
        DocumentRendering rendering = new DocumentRendering(table, layout, clock, events::add,
                TransactionOperations.withoutTransaction(), TransactionOperations.withoutTransaction(),
                new DocumentRenderingProperties(true, Duration.ofSeconds(60), 3));
        DocumentService service = new DocumentService(table, table.numbers, layout, clock, events::add, rendering);

        // two documents issued in one transaction; its commit hands them to the background thread
        IssuedDocument first;
        IssuedDocument second;
        TransactionSynchronizationManager.initSynchronization();
        try {
            Samples.Sample report = Samples.of(DocumentType.PROJECT_REPORT, 1);
            Samples.Sample opinion = Samples.of(DocumentType.REVIEW_OPINION, 1);
            first = service.issue(report.type(), Samples.PROJECT, report.number(), report.content(), "committee1");
            second = service.issue(opinion.type(), Samples.PROJECT, opinion.number(), opinion.content(), "street1");
            TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(storing.await(60, TimeUnit.SECONDS)).as("the first PDF is being stored").isTrue();

        Thread closer = new Thread(() -> {
            try {
                rendering.destroy();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        closer.start();
        closer.join(500);
        assertThat(closer.isAlive()).as("closing waits for the PDF being stored").isTrue();
        release.countDown();
        closer.join(60_000);

        assertThat(closer.isAlive()).as("closing ends once the PDF is stored").isFalse();
        assertThat(interrupted).as("the store was interrupted").isFalse();
        assertThat(service.find(first.id()).orElseThrow().fileSha256()).isNotNull();
        assertThat(events).filteredOn(DocumentRendered.class::isInstance).hasSize(1);
        // the second one was queued: left for the next poll, not rendered while closing
        assertThat(rendering.layouts()).isEqualTo(1);
        assertThat(service.find(second.id()).orElseThrow().fileSha256()).isNull();
    }
}

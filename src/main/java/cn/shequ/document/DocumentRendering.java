package cn.shequ.document;

import cn.shequ.engine.ShequClock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Renders the PDF of a document after the transaction that issued it (ADR 0039). The issue wrote
 * the number, the content fingerprint and what the document says ({@code document.body}); this
 * lays it out, stores the PDF and its file fingerprint and tells the audit log
 * ({@link DocumentRendered}).
 *
 * <p>Once: the rendering transaction locks the document's row ({@code SELECT … FOR UPDATE}) and
 * renders only when no PDF is stored yet, so a second renderer on this node or another waits for
 * the first and then finds the PDF. Who renders: this node's background thread right after the
 * issuing transaction commits, every node's poll for documents still waiting (a node stopped
 * before rendering, a failed attempt due again), and the first request for the PDF
 * ({@link DocumentService#pdf}). A failure is counted on the row, retried later (1, 2, 4 … minutes)
 * and after {@code max-attempts} left to an administrator (GET /api/admin/documents/unrendered).
 */
@Component
public class DocumentRendering implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DocumentRendering.class);

    private final DocumentMapper documents;
    private final RenderOnce once;
    private final RenderFailures failures;
    private final ShequClock clock;
    private final TransactionOperations rendering;
    private final TransactionOperations independent;
    private final DocumentRenderingProperties properties;
    private final ThreadPoolExecutor background;
    /** Set when the application begins to close: the poll stops between documents. */
    private volatile boolean closing;

    @Autowired
    DocumentRendering(DocumentMapper documents, DocumentLayout layout, ShequClock clock, ApplicationEventPublisher events,
                      PlatformTransactionManager transactions, DocumentRenderingProperties properties) {
        this(documents, layout, clock, events, new TransactionTemplate(transactions),
                requiresNew(transactions), properties);
    }

    DocumentRendering(DocumentMapper documents, DocumentLayout layout, ShequClock clock, ApplicationEventPublisher events,
                      TransactionOperations rendering, TransactionOperations independent,
                      DocumentRenderingProperties properties) {
        this.documents = documents;
        this.once = new RenderOnce(documents, layout, clock, events);
        this.failures = new RenderFailures(documents, clock, independent, properties.maxAttempts());
        this.clock = clock;
        this.rendering = rendering;
        this.independent = independent;
        this.properties = properties;
        this.background = properties.background() ? new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "shequ-document-rendering");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    private static TransactionOperations requiresNew(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }

    /**
     * Called by the issue, inside its transaction: once it commits, the background thread renders
     * the PDF (when {@code background} is on). Nothing happens when the issue rolls back.
     */
    void issued(long id) {
        if (background == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    background.execute(() -> renderQuietly(id));
                } catch (RejectedExecutionException e) {
                    // shutting down: another node's poll or the first request renders it
                }
            }
        });
    }

    /**
     * Renders document {@code id}'s PDF unless it is stored already, in the caller's transaction or
     * a new one, and returns whether this call rendered it. A failure is counted (when this call
     * owns its transaction) and thrown.
     *
     * @throws IllegalArgumentException when there is no such document
     */
    public boolean render(long id) {
        boolean own = !TransactionSynchronizationManager.isActualTransactionActive();
        // a reader's read-only transaction cannot store the PDF: render in a transaction of its own then
        TransactionOperations tx = !own && TransactionSynchronizationManager.isCurrentTransactionReadOnly() ? independent : rendering;
        try {
            return Boolean.TRUE.equals(tx.execute(status -> once.render(id)));
        } catch (RuntimeException e) {
            if (own || tx == independent) {
                failures.record(id, e);
            }
            throw e;
        }
    }

    /**
     * Renders every document whose PDF is missing and whose attempt is due, on the calling thread,
     * and returns how many this call rendered (the job's body; tests call it where they need the PDFs).
     */
    public int renderDue() {
        int rendered = 0;
        while (true) {
            List<Long> due = documents.dueForRendering(now(), properties.maxAttempts(), 50);
            int before = rendered;
            for (long id : due) {
                if (closing) {
                    break;
                }
                if (renderQuietly(id)) {
                    rendered++;
                }
            }
            // a batch that rendered nothing (all failed or taken by another node) ends the pass
            if (due.size() < 50 || rendered == before || closing) {
                return rendered;
            }
        }
    }

    /** Every node's poll (background on): documents still waiting for their PDF. */
    @Scheduled(fixedDelayString = "${shequ.documents.rendering.poll-interval:60s}",
            initialDelayString = "${shequ.documents.rendering.poll-interval:60s}")
    void poll() {
        if (background != null) {
            try {
                renderDue();
            } catch (RuntimeException e) {
                log.warn("文件 PDF 生成轮询失败 / document rendering poll failed: {}", e.toString());
            }
        }
    }

    /** An administrator's retry: counts the attempts afresh and renders now; returns whether it rendered. */
    public boolean retry(long id) {
        independent.executeWithoutResult(status -> documents.resetRenderAttempts(id));
        return render(id);
    }

    int maxAttempts() {
        return properties.maxAttempts();
    }

    List<DocumentMapper.Unrendered> unrendered() {
        return documents.unrendered();
    }

    /** How many PDFs this node has laid out since it started (one per document: tests count it). */
    public long layouts() {
        return once.layouts();
    }

    private boolean renderQuietly(long id) {
        try {
            return render(id);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private LocalDateTime now() {
        return RenderOnce.now(clock);
    }

    @EventListener(ContextClosedEvent.class)
    void closing() {
        closing = true;
    }

    /**
     * Lets a render under way finish, uninterrupted, before the database closes: an interrupt in the
     * middle of a write makes H2 close its file and stop the database ("Writing to … failed").
     * Renders still queued are dropped: the next poll, on this node after a restart or on another,
     * renders them.
     */
    @Override
    public void destroy() throws InterruptedException {
        closing = true;
        if (background != null) {
            background.getQueue().clear();
            background.shutdown();
            if (!background.awaitTermination(60, TimeUnit.SECONDS)) {
                log.warn("文件 PDF 生成 60 秒内未结束，关闭时中断 / document rendering still running after 60 s: interrupted");
                background.shutdownNow();
            }
        }
    }
}

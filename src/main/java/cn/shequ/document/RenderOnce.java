package cn.shequ.document;

import cn.shequ.engine.ShequClock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Lays out one document's PDF under its row lock, once: checks the stored body against the fingerprint
 * issued, stores the PDF with its file fingerprint and publishes {@link DocumentRendered}.
 */
final class RenderOnce {

    private final DocumentMapper documents;
    private final DocumentLayout layout;
    private final ShequClock clock;
    private final ApplicationEventPublisher events;
    private final AtomicLong layouts = new AtomicLong();

    RenderOnce(DocumentMapper documents, DocumentLayout layout, ShequClock clock, ApplicationEventPublisher events) {
        this.documents = documents;
        this.layout = layout;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Renders document {@code id} in the caller's transaction unless its PDF is stored already; returns
     * whether it rendered.
     */
    Boolean render(long id) {
        DocumentMapper.RenderSource source = documents.lockForRendering(id)
                .orElseThrow(() -> new IllegalArgumentException("no document " + id));
        if (source.renderedAt() != null) {
            return false;
        }
        String replaces = source.replacesId() == null ? null : documents.sha256Of(source.replacesId());
        DocumentHeader header = new DocumentHeader(source.docType(), source.number(), source.subjectCode(),
                source.version(), replaces);
        if (source.body() == null) {
            throw new IllegalStateException("document " + id + " has neither a PDF nor a body to render it from");
        }
        DocumentContent content = DocumentBodies.read(source.body());
        if (!Fingerprint.of(header, content).equals(source.sha256())) {
            throw new IllegalStateException("document " + id + ": the stored body does not have the fingerprint issued");
        }
        byte[] pdf = layout.render(header, content, source.sha256());
        layouts.incrementAndGet();
        String fileSha256 = Fingerprint.sha256(pdf);
        LocalDateTime at = now();
        if (documents.storeRendered(id, pdf, fileSha256, at) != 1) {
            throw new IllegalStateException("document " + id + " was rendered by someone else while locked");
        }
        events.publishEvent(new DocumentRendered(id, source.docType(), source.number(), source.version(),
                source.subjectCode(), source.sha256(), fileSha256, at));
        return true;
    }

    /** How many PDFs this renderer has laid out. */
    long layouts() {
        return layouts.get();
    }

    private LocalDateTime now() {
        return now(clock);
    }

    /** Shequ's time to the millisecond, as the rendering columns keep it. */
    static LocalDateTime now(ShequClock clock) {
        return LocalDateTime.ofInstant(clock.now(), ShequClock.ZONE).truncatedTo(ChronoUnit.MILLIS);
    }
}

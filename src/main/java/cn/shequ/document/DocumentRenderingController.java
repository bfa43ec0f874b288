package cn.shequ.document;

import cn.shequ.engine.ShequClock;
import cn.shequ.refusal.Refusal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For administrators (/api/admin/**, admin group): the documents issued whose PDF is still missing,
 * with the rendering job's failed attempts and last error, and a retry (ADR 0039).
 */
@RestController
class DocumentRenderingController {

    private final DocumentRendering rendering;
    private final DocumentService documents;

    DocumentRenderingController(DocumentRendering rendering, DocumentService documents) {
        this.rendering = rendering;
        this.documents = documents;
    }

    /** {@code failed}: the job has given up and waits for an administrator's retry. */
    record UnrenderedView(long id, String subjectCode, DocumentType type, String title, String number, int version,
                          OffsetDateTime issuedAt, int attempts, String lastError, OffsetDateTime nextAttemptAt,
                          boolean failed) {}

    record RenderedView(long id, boolean rendered, String fileSha256) {}

    @GetMapping("/api/admin/documents/unrendered")
    List<UnrenderedView> unrendered() {
        int max = rendering.maxAttempts();
        return rendering.unrendered().stream()
                .map(u -> new UnrenderedView(u.id(), u.subjectCode(), u.docType(), u.docType().chineseName(), u.number(),
                        u.version(), at(u.issuedAt()), u.renderAttempts(), u.renderError(), at(u.renderNextAt()),
                        u.renderAttempts() >= max))
                .toList();
    }

    /** Renders the PDF now (counting attempts afresh); 503 with the reason when it fails again. */
    @PostMapping("/api/admin/documents/{id}/render")
    RenderedView render(@PathVariable long id) {
        IssuedDocument document = documents.find(id).orElseThrow(() -> Refusal.notFound("文件", Long.toString(id)));
        try {
            rendering.retry(id);
        } catch (RuntimeException e) {
            throw new Refusal(Refusal.Kind.UNAVAILABLE, "DOCUMENT_NOT_RENDERED",
                    "文件 " + document.number() + " 的 PDF 仍无法生成：" + e.getMessage() + " / rendering failed again");
        }
        IssuedDocument now = documents.find(id).orElseThrow();
        return new RenderedView(id, now.fileSha256() != null, now.fileSha256());
    }

    private static OffsetDateTime at(LocalDateTime time) {
        return time == null ? null : time.atZone(ShequClock.ZONE).toOffsetDateTime();
    }
}

package cn.shequ.document;

import cn.shequ.engine.ShequClock;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.refusal.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * API.md "Documents": a document's PDF, the documents of a project or procurement, and the public
 * verification of a fingerprint. A document is as open as the project or purchase it belongs to
 * ({@link SubjectReaders}); a subject no feature claims is for officials only.
 */
@RestController
class DocumentController {

    private final DocumentService documents;
    private final CurrentUsers users;
    private final List<SubjectReaders> readers;

    DocumentController(DocumentService documents, CurrentUsers users, List<SubjectReaders> readers) {
        this.documents = documents;
        this.users = users;
        this.readers = readers;
    }

    record DocumentView(long id, DocumentType type, String title, String number, int version, Long replacesId,
                        String sha256, OffsetDateTime issuedAt) {}

    record VerificationView(boolean valid, DocumentType type, String title, String number, Integer version,
                            OffsetDateTime issuedAt, String matched, Boolean superseded) {}

    @GetMapping("/api/documents/{id}")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        // a document the caller may not read answers as a missing one: ids must not tell what exists
        IssuedDocument document = documents.find(id).filter(d -> mayReadQuietly(d.subjectCode()))
                .orElseThrow(() -> Refusal.notFound("文件", Long.toString(id)));
        String filename = document.docType().chineseName() + "-" + document.number() + "-v" + document.version() + ".pdf";
        // rendered now if its job has not run yet (ADR 0039): the file's fingerprint is that of these bytes
        byte[] pdf = documents.pdf(id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(filename, StandardCharsets.UTF_8).build().toString())
                .eTag("\"" + Fingerprint.sha256(pdf) + "\"")
                .body(pdf);
    }

    @GetMapping({"/api/projects/{code}/documents", "/api/procurements/{code}/documents"})
    List<DocumentView> list(@PathVariable String code) {
        mayRead(code);
        List<IssuedDocument> issued = documents.list(code);
        if (issued.isEmpty() && readers.stream().noneMatch(owner -> owner.owns(code))) {
            // no feature knows the code and nothing was issued for it: unknown, not an empty list (API.md: 404 unknown)
            throw Refusal.notFound("项目或采购", code);
        }
        return issued.stream()
                .map(d -> new DocumentView(d.id(), d.docType(), d.docType().chineseName(), d.number(), d.version(),
                        d.replacesId(), d.sha256(), at(d.issuedAt())))
                .toList();
    }

    /** A person following the address printed on a paper copy gets the verification page, not JSON. */
    @GetMapping(value = "/public/verify/{sha256}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<Void> verifyPage(@PathVariable String sha256) {
        return ResponseEntity.status(org.springframework.http.HttpStatus.SEE_OTHER)
                .location(java.net.URI.create("/public/verify.html?sha256="
                        + java.net.URLEncoder.encode(sha256, StandardCharsets.UTF_8)))
                .build();
    }

    /** Open to anyone: a SHA-256 printed on a paper copy, or of a PDF file, tells whether the document is genuine. */
    @GetMapping("/public/verify/{sha256}")
    VerificationView verify(@PathVariable String sha256) {
        Verification v = documents.verify(sha256);
        if (!v.valid()) {
            return new VerificationView(false, null, null, null, null, null, null, null);
        }
        IssuedDocument d = v.document();
        return new VerificationView(true, d.docType(), d.docType().chineseName(), d.number(), d.version(), at(d.issuedAt()),
                v.match().name().toLowerCase(java.util.Locale.ROOT), v.superseded());
    }

    private boolean mayReadQuietly(String subjectCode) {
        try {
            mayRead(subjectCode);
            return true;
        } catch (Refusal e) {
            if (e.kind() == Refusal.Kind.FORBIDDEN) {
                return false;
            }
            throw e;
        }
    }

    private void mayRead(String subjectCode) {
        CurrentUser user = users.current();
        for (SubjectReaders owner : readers) {
            if (owner.owns(subjectCode)) {
                owner.requireReader(user, subjectCode);
                return;
            }
        }
        boolean official = user.isIn(Groups.STREET_OFFICE) || user.isIn(Groups.CIVIL_AFFAIRS) || user.isIn(Groups.FINANCE)
                || user.isIn(Groups.AUDITOR) || user.isIn(Groups.ADMIN);
        if (!official) {
            throw Refusal.forbidden("DOCUMENT_FORBIDDEN", "无权查阅该文件 / you may not read this document");
        }
    }

    private static OffsetDateTime at(LocalDateTime issuedAt) {
        return issuedAt.atZone(ShequClock.ZONE).toOffsetDateTime();
    }
}

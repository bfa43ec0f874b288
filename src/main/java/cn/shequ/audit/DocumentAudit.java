package cn.shequ.audit;

import cn.shequ.document.DocumentIssued;
import cn.shequ.document.DocumentRendered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every document issued is written to the audit log with its content fingerprint, in the transaction
 * that issued it; its PDF's file fingerprint follows in the transaction that rendered it (ADR 0039).
 */
@Component
class DocumentAudit {

    private final AuditLog audit;

    DocumentAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void issued(DocumentIssued document) {
        audit.append(AuditEvent.of(document.issuedBy(), AuditActions.DOCUMENT_ISSUED).subject(document.subjectCode())
                .detail("documentId", document.id()).detail("type", document.type().name())
                .detail("number", document.number()).detail("version", document.version())
                .detail("replacesId", document.replacesId()).detail("sha256", document.sha256()));
    }

    @EventListener
    void rendered(DocumentRendered document) {
        audit.append(AuditEvent.of(AuditEvent.SYSTEM, AuditActions.DOCUMENT_RENDERED).subject(document.subjectCode())
                .detail("documentId", document.id()).detail("type", document.type().name())
                .detail("number", document.number()).detail("version", document.version())
                .detail("sha256", document.sha256()).detail("fileSha256", document.fileSha256()));
    }
}

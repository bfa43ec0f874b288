package cn.shequ.document;

import java.time.LocalDateTime;

/**
 * Published (synchronously, inside the issuing transaction) each time a document is stored, so
 * that the audit log can record it with its fingerprints without this package knowing the log.
 */
public record DocumentIssued(long id, DocumentType type, String number, int version, Long replacesId, String subjectCode,
                             String sha256, String fileSha256, LocalDateTime issuedAt, String issuedBy) {}

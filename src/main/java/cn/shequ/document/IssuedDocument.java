package cn.shequ.document;

import java.time.LocalDateTime;

/**
 * A document as stored (without its PDF bytes). {@code sha256} is the content fingerprint printed
 * on it, {@code fileSha256} the hash of the PDF file (see {@link Fingerprint}); {@code issuedAt}
 * is China Standard Time.
 */
public record IssuedDocument(long id, String subjectCode, DocumentType docType, String number, int version,
                             Long replacesId, String sha256, String fileSha256, LocalDateTime issuedAt, String issuedBy) {}

package cn.shequ.document;

import java.time.LocalDateTime;

/**
 * Published (synchronously, inside the rendering transaction) when a document's PDF has been
 * rendered and stored after its issue (ADR 0039), so that the audit log appends the file's
 * fingerprint to the chain without this package knowing the log.
 */
public record DocumentRendered(long id, DocumentType type, String number, int version, String subjectCode,
                               String sha256, String fileSha256, LocalDateTime renderedAt) {}

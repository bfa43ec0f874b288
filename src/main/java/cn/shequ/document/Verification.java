package cn.shequ.document;

import java.time.LocalDateTime;

/**
 * The answer to "is this document genuine?" for a SHA-256: which document it identifies, whether
 * it matched the printed content fingerprint or the PDF file's hash, and whether a later version
 * has corrected it.
 */
public record Verification(boolean valid, IssuedDocument document, Match match, boolean superseded) {

    public enum Match { CONTENT, FILE }

    static Verification unknown() {
        return new Verification(false, null, null, false);
    }

    public LocalDateTime issuedAt() {
        return document == null ? null : document.issuedAt();
    }
}

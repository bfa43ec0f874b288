package cn.shequ.document;

import static java.util.Objects.requireNonNull;

/**
 * What identifies an issued document besides its content: type, number, the project or
 * procurement it belongs to, its version and, for a correction, the fingerprint of the version it
 * replaces. Part of the fingerprint.
 */
public record DocumentHeader(DocumentType type, String number, String subjectCode, int version, String replacesSha256) {

    public DocumentHeader {
        requireNonNull(type, "type");
        requireNonNull(number, "number");
        requireNonNull(subjectCode, "subjectCode");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
        if ((version == 1) != (replacesSha256 == null)) {
            throw new IllegalArgumentException("a version after the first names the one it replaces, and only it");
        }
    }

    public static DocumentHeader first(DocumentType type, String number, String subjectCode) {
        return new DocumentHeader(type, number, subjectCode, 1, null);
    }
}

package cn.shequ.document;

import cn.shequ.identity.CurrentUser;

/**
 * Who may read the documents of a subject: the feature that owns the subject (service projects,
 * purchases) decides, so that documents are as open as the project or purchase they belong to.
 */
public interface SubjectReaders {

    /** Whether this feature owns {@code subjectCode} (e.g. "SP-2026-0001"). */
    boolean owns(String subjectCode);

    /** Refuses (Refusal 403/404) when {@code user} may not read the subject. */
    void requireReader(CurrentUser user, String subjectCode);
}

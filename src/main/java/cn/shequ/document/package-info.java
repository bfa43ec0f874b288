/**
 * Official documents (公文): PDFs in Chinese with the CJK font embedded, each with a document number
 * (东湖居〔2026〕3号), a SHA-256 fingerprint in its footer and a public verification address. Documents
 * are immutable; a correction is a new version that names the one it replaces. The templates take
 * plain records, so this package knows nothing of projects, meetings or funds.
 *
 * <p>Offers (ADR 0047; other modules use only these): {@link DocumentService}, {@link DocumentType},
 * {@link DocumentContent}, {@link IssuedDocument}, {@link DocumentIssued}, {@link DocumentRendered},
 * {@link SubjectReaders}, {@link Amounts}, {@link ChineseDates}, {@link PaymentVoucher},
 * {@link DisclosureNotice}, {@link ReviewOpinion}, {@link ProjectReport}, {@link PerformanceReport},
 * {@link MeetingResolution}, {@link AuditReport}, {@link AcceptanceReport}.
 */
package cn.shequ.document;

package cn.shequ.document;

import java.time.LocalDateTime;

/** Mutable insert parameter for a document (MyBatis writes the generated {@code id} back). */
class DocumentRow {
    Long id;
    String subjectCode;
    String docType;
    String number;
    int version;
    Long replacesId;
    String sha256;
    String fileSha256;
    byte[] content;
    /** What the document says, as JSON ({@link DocumentBodies}); the PDF is rendered from it after the issue. */
    String body;
    LocalDateTime issuedAt;
    String issuedBy;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getSubjectCode() { return subjectCode; }
    public String getDocType() { return docType; }
    public String getNumber() { return number; }
    public int getVersion() { return version; }
    public Long getReplacesId() { return replacesId; }
    public String getSha256() { return sha256; }
    public String getFileSha256() { return fileSha256; }
    public byte[] getContent() { return content; }
    public String getBody() { return body; }
    public LocalDateTime getIssuedAt() { return issuedAt; }
    public String getIssuedBy() { return issuedBy; }
}

package cn.shequ.document;

import cn.shequ.engine.ShequClock;
import cn.shequ.refusal.Refusal;
import cn.shequ.sequence.YearlySequences;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues documents and answers for them: fingerprints what a document says (see {@link Fingerprint}),
 * stores it immutably with its number and tells the audit log ({@link DocumentIssued}), all in the
 * issuing transaction; the PDF is rendered after it commits, once ({@link DocumentRendering},
 * ADR 0039), or on the first request for it. A correction is a new version naming the one it
 * replaces; nothing a document says is ever updated.
 */
@Service
public class DocumentService {

    private final DocumentMapper documents;
    private final YearlySequences sequences;
    private final DocumentLayout layout;
    private final ShequClock clock;
    private final ApplicationEventPublisher events;
    private final DocumentRendering rendering;

    @org.springframework.beans.factory.annotation.Autowired
    DocumentService(DocumentMapper documents, YearlySequences sequences, DocumentLayout layout, ShequClock clock,
                    ApplicationEventPublisher events, DocumentRendering rendering) {
        this.documents = documents;
        this.sequences = sequences;
        this.layout = layout;
        this.clock = clock;
        this.events = events;
        this.rendering = rendering;
    }

    /** Without Spring or a database (service tests): renders on demand, in no transaction. */
    DocumentService(DocumentMapper documents, YearlySequences sequences, DocumentLayout layout, ShequClock clock,
                    ApplicationEventPublisher events) {
        this(documents, sequences, layout, clock, events, new DocumentRendering(documents, layout, clock, events,
                org.springframework.transaction.support.TransactionOperations.withoutTransaction(),
                org.springframework.transaction.support.TransactionOperations.withoutTransaction(),
                DocumentRenderingProperties.defaults()));
    }

    /**
     * Issues version 1 of a document. Issuing the same type, number, subject and content again
     * returns the document already issued (a retried step does not issue twice).
     *
     * @param subjectCode the project (SP-…) or procurement (PS-…) the document belongs to
     * @param number      its document number, from {@link #number}
     * @throws Refusal 409 when the number is already taken by another document
     */
    @Transactional
    public IssuedDocument issue(DocumentType type, String subjectCode, String number, DocumentContent content, String actor) {
        return store(DocumentHeader.first(type, number, subjectCode), null, content, actor);
    }

    /**
     * Issues a correction of document {@code replacesId}: same type, number and subject, the next
     * version, naming the fingerprint of the version it replaces. Only the latest version can be corrected.
     */
    @Transactional
    public IssuedDocument reissue(long replacesId, DocumentContent content, String actor) {
        IssuedDocument old = documents.find(replacesId).orElseThrow(() -> Refusal.notFound("文件", Long.toString(replacesId)));
        documents.replacementOf(old.id()).ifPresent(newer -> {
            throw Refusal.conflict("DOCUMENT_ALREADY_CORRECTED",
                    "该文件已被第 " + newer.version() + " 版更正，只能更正最新版本 / already corrected by document " + newer.id());
        });
        DocumentHeader header = new DocumentHeader(old.docType(), old.number(), old.subjectCode(), old.version() + 1, old.sha256());
        return store(header, old.id(), content, actor);
    }

    public Optional<IssuedDocument> find(long id) {
        return documents.find(id);
    }

    /** Every version of every document of a project or procurement, in the order issued. */
    public List<IssuedDocument> list(String subjectCode) {
        return documents.list(subjectCode);
    }

    /**
     * The PDF exactly as issued. One not rendered yet is rendered now, once (a renderer elsewhere
     * holding it is waited for).
     *
     * @throws Refusal 404 for no such document, 503 when its PDF cannot be rendered now
     */
    public byte[] pdf(long id) {
        byte[] stored = documents.pdf(id).orElseThrow(() -> Refusal.notFound("文件", Long.toString(id))).content();
        if (stored != null) {
            return stored;
        }
        try {
            rendering.render(id);
        } catch (RuntimeException e) {
            throw new Refusal(Refusal.Kind.UNAVAILABLE, "DOCUMENT_NOT_RENDERED",
                    "文件已出具，但其 PDF 暂时无法生成，请稍后再试；管理员可在待生成文件中查看 / the document is issued but its PDF "
                            + "cannot be produced now");
        }
        return documents.pdf(id).map(DocumentMapper.StoredPdf::content).orElseThrow(() -> Refusal.notFound("文件", Long.toString(id)));
    }

    /**
     * Whether {@code sha256} is the content fingerprint printed on a document or the hash of a
     * PDF file as issued.
     *
     * @throws Refusal 400 when it is not 64 hexadecimal digits
     */
    public Verification verify(String sha256) {
        String sha = sha256 == null ? "" : sha256.trim().toLowerCase(Locale.ROOT);
        if (!Fingerprint.isSha256(sha)) {
            throw Refusal.invalid("sha256", "文件指纹应为 64 位十六进制数字 / a SHA-256 is 64 hexadecimal digits");
        }
        Optional<IssuedDocument> byContent = documents.findByContentSha(sha);
        Verification.Match match = Verification.Match.CONTENT;
        Optional<IssuedDocument> found = byContent;
        if (byContent.isEmpty()) {
            found = documents.findByFileSha(sha);
            match = Verification.Match.FILE;
        }
        if (found.isEmpty()) {
            return Verification.unknown();
        }
        boolean superseded = documents.replacementOf(found.get().id()).isPresent();
        return new Verification(true, found.get(), match, superseded);
    }

    /**
     * Takes the next document number of an issuer for a year: {@code 东湖居〔2026〕3号} from the short
     * name {@code 东湖居}. One sequence per issuer code and year, shared by all document types; call
     * it inside the transaction that issues the document, so a rolled-back issue frees its number.
     *
     * @param issuerCode      the issuing body's code (community, street office, district), at most 6 characters
     * @param issuerShortName the short name that heads its numbers (社区简称, e.g. 东湖居)
     */
    @Transactional
    public String number(String issuerCode, String issuerShortName, int year) {
        if (issuerCode == null || issuerCode.isBlank() || issuerCode.length() > 6) {
            throw new IllegalArgumentException("issuer code of 1 to 6 characters: " + issuerCode);
        }
        // one sequence per issuer and year, beside the project and procurement codes' (ADR 0068)
        return issuerShortName + "〔" + year + "〕" + sequences.next("N:" + issuerCode, year) + "号";
    }

    private IssuedDocument store(DocumentHeader header, Long replacesId, DocumentContent content, String actor) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("a document is issued by someone");
        }
        if (header.subjectCode().length() > 16 || header.number().length() > 64) {
            throw Refusal.invalid("number", "项目编号最多 16 字符、文号最多 64 字符 / subject code or number too long");
        }
        String sha256 = Fingerprint.of(header, content);
        DocumentRow row = new DocumentRow();
        row.subjectCode = header.subjectCode();
        row.docType = header.type().name();
        row.number = header.number();
        row.version = header.version();
        row.replacesId = replacesId;
        row.sha256 = sha256;
        // the PDF and its file fingerprint come after the commit (DocumentRendering, ADR 0039)
        row.body = DocumentBodies.write(content);
        // whole seconds: what the MySQL driver stores anyway (sendFractionalSeconds=false, which Camunda needs, drops
        // the milliseconds), so the document returned and audited below is the row as stored on every database (ADR 0060)
        row.issuedAt = LocalDateTime.ofInstant(clock.now(), ShequClock.ZONE).truncatedTo(ChronoUnit.SECONDS);
        row.issuedBy = actor;
        // No read before the insert (issue 16, ADR 0060): the unique keys decide. A new number makes a new fingerprint,
        // so the insert nearly always succeeds; when it does not, the failed statement alone is undone (H2 and
        // MariaDB/MySQL InnoDB roll back only the statement on a duplicate key, the transaction stays usable, and
        // Spring does not mark it rollback-only for an exception caught here), and one read tells the two cases apart.
        try {
            documents.insert(row);
        } catch (DuplicateKeyException e) {
            // the same content, number and subject issued before (a retried step): that document, not a second one
            Optional<IssuedDocument> same = documents.findByContentSha(sha256);
            if (same.isPresent()) {
                return same.get();
            }
            throw Refusal.conflict("DOCUMENT_NUMBER_TAKEN",
                    "文号 " + header.number() + " 第 " + header.version() + " 版已被使用 / document number already used");
        }
        rendering.issued(row.id);
        // the row as inserted, not read back: it has no file fingerprint until its PDF is rendered
        IssuedDocument issued = new IssuedDocument(row.id, row.subjectCode, header.type(), row.number, row.version,
                replacesId, sha256, null, row.issuedAt, actor);
        events.publishEvent(new DocumentIssued(issued.id(), issued.docType(), issued.number(), issued.version(), replacesId,
                issued.subjectCode(), issued.sha256(), issued.fileSha256(), issued.issuedAt(), issued.issuedBy()));
        return issued;
    }
}

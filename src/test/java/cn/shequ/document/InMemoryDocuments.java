package cn.shequ.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;

/** The document table in memory, with its unique keys, for service tests without a database. */
class InMemoryDocuments implements DocumentMapper {

    final List<DocumentRow> rows = new ArrayList<>();
    final Map<String, Integer> sequences = new HashMap<>();

    @Override
    public void insert(DocumentRow row) {
        for (DocumentRow r : rows) {
            if (r.sha256.equals(row.sha256) || (r.fileSha256 != null && r.fileSha256.equals(row.fileSha256))
                    || (r.number.equals(row.number) && r.version == row.version)
                    || (row.replacesId != null && row.replacesId.equals(r.replacesId))) {
                throw new DuplicateKeyException("unique key");
            }
        }
        row.id = (long) rows.size() + 1;
        rows.add(row);
    }

    private Optional<IssuedDocument> first(java.util.function.Predicate<DocumentRow> p) {
        return rows.stream().filter(p).findFirst().map(InMemoryDocuments::issued);
    }

    private static IssuedDocument issued(DocumentRow r) {
        return new IssuedDocument(r.id, r.subjectCode, DocumentType.valueOf(r.docType), r.number, r.version, r.replacesId,
                r.sha256, r.fileSha256, r.issuedAt, r.issuedBy);
    }

    @Override
    public Optional<IssuedDocument> find(long id) {
        return first(r -> r.id == id);
    }

    @Override
    public Optional<IssuedDocument> findByContentSha(String sha256) {
        return first(r -> r.sha256.equals(sha256));
    }

    @Override
    public Optional<IssuedDocument> findByFileSha(String sha256) {
        return first(r -> sha256.equals(r.fileSha256));
    }

    @Override
    public List<IssuedDocument> list(String subjectCode) {
        return rows.stream().filter(r -> r.subjectCode.equals(subjectCode)).map(InMemoryDocuments::issued).toList();
    }

    @Override
    public Optional<IssuedDocument> replacementOf(long id) {
        return first(r -> r.replacesId != null && r.replacesId == id);
    }

    @Override
    public Optional<StoredPdf> pdf(long id) {
        return rows.stream().filter(r -> r.id == id).findFirst().map(r -> new StoredPdf(r.id, r.content));
    }

    // rendering after the issue: one thread, so the lock is the row itself
    final Map<Long, java.time.LocalDateTime> renderedAt = new HashMap<>();
    final Map<Long, Integer> attempts = new HashMap<>();

    @Override
    public Optional<RenderSource> lockForRendering(long id) {
        return rows.stream().filter(r -> r.id == id).findFirst().map(r -> new RenderSource(r.id, r.subjectCode,
                DocumentType.valueOf(r.docType), r.number, r.version, r.replacesId, r.sha256, r.body, renderedAt.get(r.id)));
    }

    @Override
    public String sha256Of(long id) {
        return find(id).map(IssuedDocument::sha256).orElse(null);
    }

    @Override
    public int storeRendered(long id, byte[] content, String fileSha256, java.time.LocalDateTime at) {
        if (renderedAt.containsKey(id)) {
            return 0;
        }
        for (DocumentRow r : rows) {
            if (fileSha256.equals(r.fileSha256)) {
                throw new DuplicateKeyException("unique key");
            }
        }
        DocumentRow row = rows.stream().filter(r -> r.id == id).findFirst().orElseThrow();
        row.content = content;
        row.fileSha256 = fileSha256;
        renderedAt.put(id, at);
        return 1;
    }

    @Override
    public List<Long> dueForRendering(java.time.LocalDateTime now, int maxAttempts, int limit) {
        return rows.stream().filter(r -> !renderedAt.containsKey(r.id) && attempts.getOrDefault(r.id, 0) < maxAttempts)
                .map(r -> r.id).limit(limit).toList();
    }

    @Override
    public int recordRenderFailure(long id, String error, java.time.LocalDateTime nextAt) {
        attempts.merge(id, 1, Integer::sum);
        return 1;
    }

    @Override
    public Integer renderAttempts(long id) {
        return attempts.getOrDefault(id, 0);
    }

    @Override
    public int resetRenderAttempts(long id) {
        attempts.remove(id);
        return 1;
    }

    @Override
    public List<Unrendered> unrendered() {
        return List.of();
    }

    /** The yearly sequences (code_sequence) of these documents' numbers. */
    final cn.shequ.sequence.YearlySequences numbers = new cn.shequ.sequence.YearlySequences(new cn.shequ.sequence.SequenceStore() {
        @Override
        public Integer increment(String prefix, int year) {
            return sequences.computeIfPresent(prefix + "/" + year, (key, last) -> last + 1);
        }

        @Override
        public void start(String prefix, int year, int first) {
            if (sequences.putIfAbsent(prefix + "/" + year, first) != null) {
                throw new DuplicateKeyException(prefix + "/" + year);
            }
        }
    });
}

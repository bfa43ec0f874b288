package cn.shequ.document;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Documents are inserted and read, never deleted; the only update is the one that stores the PDF
 * rendered after the issue (and the rendering job's attempts), once (ADR 0039).
 */
@Mapper
interface DocumentMapper {

    String COLUMNS = "id, subject_code, doc_type, number, version, replaces_id, sha256, file_sha256, issued_at, issued_by";

    @Insert("INSERT INTO document (subject_code, doc_type, number, version, replaces_id, sha256, file_sha256, content, body, "
            + "issued_at, issued_by) VALUES (#{subjectCode}, #{docType}, #{number}, #{version}, #{replacesId}, #{sha256}, "
            + "#{fileSha256}, #{content}, #{body}, #{issuedAt}, #{issuedBy})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(DocumentRow row);

    @Select("SELECT " + COLUMNS + " FROM document WHERE id = #{id}")
    Optional<IssuedDocument> find(long id);

    @Select("SELECT " + COLUMNS + " FROM document WHERE sha256 = #{sha256}")
    Optional<IssuedDocument> findByContentSha(String sha256);

    @Select("SELECT " + COLUMNS + " FROM document WHERE file_sha256 = #{sha256}")
    Optional<IssuedDocument> findByFileSha(String sha256);

    @Select("SELECT " + COLUMNS + " FROM document WHERE subject_code = #{subjectCode} ORDER BY issued_at, id")
    List<IssuedDocument> list(String subjectCode);

    @Select("SELECT " + COLUMNS + " FROM document WHERE replaces_id = #{id}")
    Optional<IssuedDocument> replacementOf(long id);

    @Select("SELECT id, content FROM document WHERE id = #{id}")
    Optional<StoredPdf> pdf(long id);

    /** The PDF bytes of a document; {@code content} is null until it is rendered. */
    record StoredPdf(long id, byte[] content) {}

    // Rendering after the issue (ADR 0039). The row lock of lockForRendering is the claim: a second
    // renderer, on this node or another, waits for the first to commit and then finds the PDF there.

    /** What the PDF is rendered from, with the row locked until the rendering transaction ends. */
    record RenderSource(long id, String subjectCode, DocumentType docType, String number, int version, Long replacesId,
                        String sha256, String body, java.time.LocalDateTime renderedAt) {}

    @Select("SELECT id, subject_code, doc_type, number, version, replaces_id, sha256, body, rendered_at "
            + "FROM document WHERE id = #{id} FOR UPDATE")
    Optional<RenderSource> lockForRendering(long id);

    @Select("SELECT sha256 FROM document WHERE id = #{id}")
    String sha256Of(long id);

    @Update("UPDATE document SET content = #{content}, file_sha256 = #{fileSha256}, rendered_at = #{renderedAt}, "
            + "render_error = NULL, render_next_at = NULL WHERE id = #{id} AND rendered_at IS NULL")
    int storeRendered(@Param("id") long id, @Param("content") byte[] content, @Param("fileSha256") String fileSha256,
                      @Param("renderedAt") java.time.LocalDateTime renderedAt);

    /** Documents whose PDF is still missing and whose next attempt is due, oldest first. */
    @Select("SELECT id FROM document WHERE rendered_at IS NULL AND render_attempts < #{maxAttempts} "
            + "AND (render_next_at IS NULL OR render_next_at <= #{now}) ORDER BY id LIMIT #{limit}")
    List<Long> dueForRendering(@Param("now") java.time.LocalDateTime now, @Param("maxAttempts") int maxAttempts,
                               @Param("limit") int limit);

    @Update("UPDATE document SET render_attempts = render_attempts + 1, render_error = #{error}, "
            + "render_next_at = #{nextAt} WHERE id = #{id} AND rendered_at IS NULL")
    int recordRenderFailure(@Param("id") long id, @Param("error") String error,
                            @Param("nextAt") java.time.LocalDateTime nextAt);

    @Select("SELECT render_attempts FROM document WHERE id = #{id}")
    Integer renderAttempts(long id);

    /** An administrator's retry: the job counts its attempts afresh. */
    @Update("UPDATE document SET render_attempts = 0, render_next_at = NULL WHERE id = #{id} AND rendered_at IS NULL")
    int resetRenderAttempts(long id);

    /** A document still without its PDF, as the administrator sees it. */
    record Unrendered(long id, String subjectCode, DocumentType docType, String number, int version,
                      java.time.LocalDateTime issuedAt, int renderAttempts, String renderError,
                      java.time.LocalDateTime renderNextAt) {}

    @Select("SELECT id, subject_code, doc_type, number, version, issued_at, render_attempts, render_error, render_next_at "
            + "FROM document WHERE rendered_at IS NULL ORDER BY id LIMIT 500")
    List<Unrendered> unrendered();
}

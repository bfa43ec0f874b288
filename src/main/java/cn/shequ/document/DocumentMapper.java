package cn.shequ.document;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Documents are inserted and read, never updated or deleted. */
@Mapper
interface DocumentMapper {

    String COLUMNS = "id, subject_code, doc_type, number, version, replaces_id, sha256, file_sha256, issued_at, issued_by";

    @Insert("INSERT INTO document (subject_code, doc_type, number, version, replaces_id, sha256, file_sha256, content, "
            + "issued_at, issued_by) VALUES (#{subjectCode}, #{docType}, #{number}, #{version}, #{replacesId}, #{sha256}, "
            + "#{fileSha256}, #{content}, #{issuedAt}, #{issuedBy})")
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

    /** The PDF bytes of a document. */
    record StoredPdf(long id, byte[] content) {}

    // Yearly numbers per issuer share code_sequence with project codes (row locked while taken)

    @Select("SELECT last_number FROM code_sequence WHERE prefix = #{prefix} AND code_year = #{year} FOR UPDATE")
    Integer lockSequence(@Param("prefix") String prefix, @Param("year") int year);

    @Insert("INSERT INTO code_sequence (prefix, code_year, last_number) VALUES (#{prefix}, #{year}, #{value})")
    void insertSequence(@Param("prefix") String prefix, @Param("year") int year, @Param("value") int value);

    @Update("UPDATE code_sequence SET last_number = #{value} WHERE prefix = #{prefix} AND code_year = #{year}")
    void updateSequence(@Param("prefix") String prefix, @Param("year") int year, @Param("value") int value);
}

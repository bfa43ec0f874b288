package cn.shequ.workbench;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Attachments of meeting records and milestone reports (table attachment, V17; its file columns: {@link AttachedFile.Columns}). */
@Mapper
interface AttachmentMapper {

    /** An attachment without its bytes. */
    record AttachmentRow(long id, String projectCode, String purpose, Integer milestoneSeq, String fileName,
                         String contentType, long sizeBytes, String sha256, String uploadedBy, LocalDateTime uploadedAt) {}

    /** The row to insert; {@code id} is filled in by the database. */
    class NewAttachment extends AttachedFile.Columns {
        public String projectCode;
    }

    String COLUMNS = "id, project_code, purpose, milestone_seq, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at";

    @Insert("INSERT INTO attachment (project_code, purpose, milestone_seq, file_name, content_type, size_bytes, sha256, "
            + "content, uploaded_by, uploaded_at) VALUES (#{projectCode}, #{purpose}, #{milestoneSeq}, #{fileName}, "
            + "#{contentType}, #{sizeBytes}, #{sha256}, #{content}, #{uploadedBy}, #{uploadedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(NewAttachment attachment);

    @Select("SELECT " + COLUMNS + " FROM attachment WHERE project_code = #{code} ORDER BY id")
    List<AttachmentRow> ofProject(String code);

    @Select("SELECT " + COLUMNS + " FROM attachment WHERE id = #{id}")
    Optional<AttachmentRow> find(long id);

    /** An attachment's bytes (a record: a bare byte[] result would be read as rows of numbers). */
    record Stored(long id, byte[] content) {}

    @Select("SELECT id, content FROM attachment WHERE id = #{id}")
    Optional<Stored> content(@Param("id") long id);
}

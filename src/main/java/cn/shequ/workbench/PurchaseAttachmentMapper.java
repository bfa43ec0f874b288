package cn.shequ.workbench;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Files of a bid or of a contract milestone report (table purchase_attachment, V21; its file columns: {@link AttachedFile.Columns}). */
@Mapper
interface PurchaseAttachmentMapper {

    /** An attachment without its bytes. */
    record Row(long id, String procurementCode, String purpose, Long bidId, Integer milestoneSeq, long providerId,
               String fileName, String contentType, long sizeBytes, String sha256, String uploadedBy,
               LocalDateTime uploadedAt) {}

    /** The row to insert; {@code id} is filled in by the database. */
    class NewRow extends AttachedFile.Columns {
        public String procurementCode;
        public Long bidId;
        public long providerId;
    }

    String COLUMNS = "id, procurement_code, purpose, bid_id, milestone_seq, provider_id, file_name, content_type, size_bytes, "
            + "sha256, uploaded_by, uploaded_at";

    @Insert("INSERT INTO purchase_attachment (procurement_code, purpose, bid_id, milestone_seq, provider_id, file_name, "
            + "content_type, size_bytes, sha256, content, uploaded_by, uploaded_at) VALUES (#{procurementCode}, #{purpose}, "
            + "#{bidId}, #{milestoneSeq}, #{providerId}, #{fileName}, #{contentType}, #{sizeBytes}, #{sha256}, #{content}, "
            + "#{uploadedBy}, #{uploadedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(NewRow row);

    @Select("SELECT " + COLUMNS + " FROM purchase_attachment WHERE bid_id = #{bidId} ORDER BY id")
    List<Row> ofBid(long bidId);

    @Select("SELECT " + COLUMNS + " FROM purchase_attachment WHERE procurement_code = #{code} AND purpose = 'MILESTONE' ORDER BY id")
    List<Row> ofMilestones(String code);

    @Select("SELECT " + COLUMNS + " FROM purchase_attachment WHERE id = #{id}")
    Optional<Row> find(long id);

    record Stored(long id, byte[] content) {}

    @Select("SELECT id, content FROM purchase_attachment WHERE id = #{id}")
    Optional<Stored> content(@Param("id") long id);
}

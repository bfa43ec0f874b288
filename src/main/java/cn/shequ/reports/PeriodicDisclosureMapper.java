package cn.shequ.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The periodic disclosures and what they print, read from the projects, meetings, payments and purchases. */
@Mapper
interface PeriodicDisclosureMapper {

    /** The row of one version of one period's disclosure. */
    class Row {
        Long id;
        String communityCode;
        LocalDate periodStart;
        LocalDate periodEnd;
        int version;
        Long replacesId;
        String reason;
        Long documentId;
        LocalDateTime issuedAt;
        String issuedBy;
    }

    record Stored(long id, String communityCode, LocalDate periodStart, LocalDate periodEnd, int version, Long replacesId,
                  String reason, Long documentId, LocalDateTime issuedAt, String issuedBy) {}

    record ApprovedProject(String code, String title, String category, BigDecimal amount, String status,
                           BigDecimal disbursedAmount, String grade, LocalDateTime approvedAt) {}

    record HeldMeeting(String projectCode, String title, LocalDate heldOn, int eligible, int present, int yesVotes,
                       int noVotes, int abstentions, String outcome, String status, BigDecimal disbursedAmount, String grade) {}

    record Payment(String projectCode, String title, int milestoneSeq, BigDecimal amount, LocalDateTime paidAt) {}

    record ServingPurchase(String code, String title, String method, String status, BigDecimal amount,
                           BigDecimal disbursedAmount, String projectCode) {}

    @Insert("INSERT INTO periodic_disclosure (community_code, period_start, period_end, version, replaces_id, reason, "
            + "issued_at, issued_by) VALUES (#{communityCode}, #{periodStart}, #{periodEnd}, #{version}, #{replacesId}, "
            + "#{reason}, #{issuedAt}, #{issuedBy})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(Row row);

    /** Attaches the PDF issued in the same transaction as the row; a row that has its PDF keeps it. */
    @Update("UPDATE periodic_disclosure SET document_id = #{documentId} WHERE id = #{id} AND document_id IS NULL")
    int attach(@Param("id") long id, @Param("documentId") long documentId);

    String COLUMNS = "id, community_code, period_start, period_end, version, replaces_id, reason, document_id, issued_at, issued_by";

    @Select("SELECT " + COLUMNS + " FROM periodic_disclosure WHERE id = #{id}")
    Optional<Stored> find(long id);

    @Select("SELECT " + COLUMNS + " FROM periodic_disclosure WHERE community_code = #{community} AND period_start = #{start} "
            + "ORDER BY version")
    List<Stored> versions(@Param("community") String community, @Param("start") LocalDate start);

    @Select("SELECT " + COLUMNS + " FROM periodic_disclosure WHERE replaces_id = #{id}")
    Optional<Stored> replacementOf(long id);

    @Select("<script>SELECT " + COLUMNS + " FROM periodic_disclosure <where><if test='community != null'>community_code = "
            + "#{community}</if></where> ORDER BY period_start DESC, community_code, version DESC</script>")
    List<Stored> list(@Param("community") String community);

    @Select("SELECT p.code, p.title, p.category, p.amount, p.status, p.disbursed_amount, p.grade, MIN(d.published_at) AS approved_at "
            + "FROM project p JOIN disclosure d ON d.project_code = p.code AND d.kind = 'APPROVED' "
            + "WHERE p.community_code = #{community} GROUP BY p.code, p.title, p.category, p.amount, p.status, "
            + "p.disbursed_amount, p.grade HAVING MIN(d.published_at) >= #{from} AND MIN(d.published_at) < #{until} ORDER BY p.code")
    List<ApprovedProject> approved(@Param("community") String community, @Param("from") LocalDateTime from,
                                   @Param("until") LocalDateTime until);

    @Select("SELECT m.project_code, p.title, m.held_on, m.eligible, m.present, m.yes_votes, m.no_votes, m.abstentions, "
            + "m.outcome, p.status, p.disbursed_amount, p.grade FROM resident_meeting m JOIN project p ON p.code = m.project_code "
            + "WHERE p.community_code = #{community} AND m.held_on >= #{start} AND m.held_on <= #{end} ORDER BY m.held_on, m.id")
    List<HeldMeeting> meetings(@Param("community") String community, @Param("start") LocalDate start,
                               @Param("end") LocalDate end);

    @Select("SELECT mp.subject_code AS project_code, p.title, mp.milestone_seq, mp.amount, mp.paid_at FROM milestone_payment mp "
            + "JOIN project p ON p.code = mp.subject_code WHERE p.community_code = #{community} AND mp.paid_at >= #{from} "
            + "AND mp.paid_at < #{until} ORDER BY mp.paid_at, mp.subject_code, mp.milestone_seq")
    List<Payment> payments(@Param("community") String community, @Param("from") LocalDateTime from,
                           @Param("until") LocalDateTime until);

    /** Purchases made for the community's projects that were under way during the period. */
    @Select("SELECT pr.code, pr.title, pr.method, pr.status, pr.amount, pr.disbursed_amount, p.code AS project_code "
            + "FROM procurement pr JOIN project p ON (p.procurement_code = pr.code OR pr.project_code = p.code) "
            + "WHERE p.community_code = #{community} AND pr.created_at < #{until} "
            + "AND (pr.updated_at >= #{from} OR pr.status NOT IN ('COMPLETED', 'CANCELLED', 'REJECTED')) ORDER BY pr.code")
    List<ServingPurchase> purchases(@Param("community") String community, @Param("from") LocalDateTime from,
                                    @Param("until") LocalDateTime until);

    @Select("SELECT name FROM service_category WHERE code = #{code}")
    String categoryName(String code);
}

package cn.shequ.transparency;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** 民主评议: residents' meetings that evaluated the services and departments of their community, and their ratings. */
@Mapper
interface DemocraticEvaluationMapper {

    @Insert("INSERT INTO democratic_evaluation (community_code, kind, mode, eligible, present, held_on, minutes, recorded_by, "
            + "recorded_at) VALUES (#{communityCode}, #{kind}, #{mode}, #{eligible}, #{present}, #{heldOn}, #{minutes}, "
            + "#{recordedBy}, #{recordedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(EvaluationRow row);

    @Insert("INSERT INTO democratic_evaluation_rating (evaluation_id, seq, subject_type, subject_code, subject_name, satisfied, "
            + "basically_satisfied, dissatisfied) VALUES (#{id}, #{seq}, #{r.subjectType}, #{r.subjectCode}, #{r.subjectName}, "
            + "#{r.satisfied}, #{r.basicallySatisfied}, #{r.dissatisfied})")
    void insertRating(@Param("id") long id, @Param("seq") int seq, @Param("r") Rating rating);

    @Select("SELECT id, community_code, kind, mode, eligible, present, held_on, minutes, recorded_by, recorded_at "
            + "FROM democratic_evaluation WHERE community_code = #{community} AND held_on >= #{from} AND held_on < #{until} "
            + "ORDER BY held_on, id")
    List<Evaluation> ofCommunity(@Param("community") String community, @Param("from") LocalDate from,
                                 @Param("until") LocalDate until);

    @Select("SELECT subject_type, subject_code, subject_name, satisfied, basically_satisfied, dissatisfied "
            + "FROM democratic_evaluation_rating WHERE evaluation_id = #{id} ORDER BY seq")
    List<Rating> ratings(long id);

    @Select("SELECT c.street_code, s.district_code FROM community c JOIN street_office s ON s.code = c.street_code "
            + "WHERE c.code = #{community}")
    Optional<Area> area(String community);

    /** A project of the community whose service is delivered or was (after approval and reservation). */
    @Select("SELECT title FROM project WHERE code = #{code} AND community_code = #{community} AND status IN "
            + "('IN_DELIVERY', 'AWAITING_FINAL_ACCEPTANCE', 'IN_AUDIT', 'RECTIFYING', 'CLOSED')")
    Optional<String> deliveredProject(@Param("code") String code, @Param("community") String community);

    /** A purchase that served the community (for one of its projects, or bought by its street office) and was delivered. */
    @Select("SELECT pr.title FROM procurement pr WHERE pr.code = #{code} AND pr.status IN "
            + "('IN_DELIVERY', 'AWAITING_FINAL_EVALUATION', 'COMPLETED') AND (pr.purchaser_street = #{street} OR EXISTS "
            + "(SELECT 1 FROM project p WHERE p.community_code = #{community} AND (p.procurement_code = pr.code OR pr.project_code = p.code)))")
    Optional<String> deliveredPurchase(@Param("code") String code, @Param("community") String community,
                                       @Param("street") String street);

    @Select("SELECT name FROM street_office WHERE code = #{code}")
    Optional<String> streetName(String code);

    @Select("SELECT name FROM district WHERE code = #{code}")
    Optional<String> districtName(String code);

    /** What the committee may rate: its delivered projects and purchases, with their titles. */
    @Select("SELECT 'PROJECT' AS subject_type, code AS subject_code, title AS subject_name FROM project WHERE community_code = "
            + "#{community} AND status IN ('IN_DELIVERY', 'AWAITING_FINAL_ACCEPTANCE', 'IN_AUDIT', 'RECTIFYING', 'CLOSED') "
            + "UNION SELECT 'PURCHASE', pr.code, pr.title FROM procurement pr WHERE pr.status IN "
            + "('IN_DELIVERY', 'AWAITING_FINAL_EVALUATION', 'COMPLETED') AND (pr.purchaser_street = #{street} OR EXISTS "
            + "(SELECT 1 FROM project p WHERE p.community_code = #{community} AND (p.procurement_code = pr.code OR pr.project_code = p.code))) "
            + "ORDER BY 1, 2")
    List<Subject> services(@Param("community") String community, @Param("street") String street);

    record Area(String streetCode, String districtCode) {}

    record Subject(String subjectType, String subjectCode, String subjectName) {}

    record Evaluation(long id, String communityCode, String kind, String mode, int eligible, int present, LocalDate heldOn,
                      String minutes, String recordedBy, LocalDateTime recordedAt) {}

    /** One subject rated, with the number of participants who judged it each way. */
    record Rating(String subjectType, String subjectCode, String subjectName, int satisfied, int basicallySatisfied,
                  int dissatisfied) {}

    /** Insert parameter (MyBatis writes the generated id back). */
    class EvaluationRow {
        Long id;
        String communityCode;
        String kind;
        String mode;
        int eligible;
        int present;
        LocalDate heldOn;
        String minutes;
        String recordedBy;
        LocalDateTime recordedAt;

        public Long getId() { return id; }
        public void setId(Long id) { this.id = id; }
        public String getCommunityCode() { return communityCode; }
        public String getKind() { return kind; }
        public String getMode() { return mode; }
        public int getEligible() { return eligible; }
        public int getPresent() { return present; }
        public LocalDate getHeldOn() { return heldOn; }
        public String getMinutes() { return minutes; }
        public String getRecordedBy() { return recordedBy; }
        public LocalDateTime getRecordedAt() { return recordedAt; }
    }
}

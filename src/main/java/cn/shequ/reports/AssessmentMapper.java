package cn.shequ.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The figures of the assessment of departments (考评) for a year: one department's reviews (its task key)
 * on the projects of its area (a street office's communities, or a district's).
 */
@Mapper
interface AssessmentMapper {

    record Street(String code, String name, String districtCode) {}

    record District(String code, String name) {}

    record Reviews(int done, int overdue) {}

    record Payments(int onTime, int late, BigDecimal interest) {}

    record Evaluated(long satisfied, long basicallySatisfied, long dissatisfied) {}

    record Outcomes(int graded, BigDecimal averageScore, Integer respondents, Integer satisfied) {}

    String AREA = "<choose><when test='street != null'>(SELECT p.code FROM project p JOIN community c ON c.code = p.community_code "
            + "WHERE c.street_code = #{street})</when><otherwise>(SELECT p.code FROM project p JOIN community c ON "
            + "c.code = p.community_code JOIN street_office s ON s.code = c.street_code WHERE s.district_code = #{district})"
            + "</otherwise></choose>";

    @Select("SELECT code, name, district_code FROM street_office ORDER BY code")
    List<Street> streets();

    @Select("SELECT code, name FROM district ORDER BY code")
    List<District> districts();

    @Select("<script>SELECT COALESCE(SUM(CASE WHEN decision IN ('APPROVE', 'RETURN', 'REJECT') THEN 1 ELSE 0 END), 0) AS done, "
            + "COALESCE(SUM(CASE WHEN decision = 'ESCALATED' THEN 1 ELSE 0 END), 0) AS overdue FROM project_action "
            + "WHERE task_key = #{taskKey} AND at &gt;= #{from} AND at &lt; #{until} AND project_code IN " + AREA + "</script>")
    Reviews reviews(@Param("taskKey") String taskKey, @Param("street") String street, @Param("district") String district,
                    @Param("from") LocalDateTime from, @Param("until") LocalDateTime until);

    @Select("<script>SELECT COALESCE(SUM(CASE WHEN late THEN 0 ELSE 1 END), 0) AS on_time, "
            + "COALESCE(SUM(CASE WHEN late THEN 1 ELSE 0 END), 0) AS late, COALESCE(SUM(late_interest), 0) AS interest "
            + "FROM milestone_payment WHERE paid_at &gt;= #{from} AND paid_at &lt; #{until} AND subject_code IN " + AREA + "</script>")
    Payments payments(@Param("street") String street, @Param("district") String district, @Param("from") LocalDateTime from,
                      @Param("until") LocalDateTime until);

    /** The projects this department approved (its review APPROVE) that were graded in the year. */
    @Select("<script>SELECT COUNT(*) AS graded, AVG(p.score) AS average_score, SUM(p.respondents) AS respondents, "
            + "SUM(p.satisfied) AS satisfied FROM project p WHERE p.score IS NOT NULL AND p.updated_at &gt;= #{from} "
            + "AND p.updated_at &lt; #{until} AND p.code IN " + AREA + " AND EXISTS (SELECT 1 FROM project_action a WHERE "
            + "a.project_code = p.code AND a.task_key = #{taskKey} AND a.decision = 'APPROVE')</script>")
    Outcomes outcomes(@Param("taskKey") String taskKey, @Param("street") String street, @Param("district") String district,
                      @Param("from") LocalDateTime from, @Param("until") LocalDateTime until);

    /** 民主评议 of the year: what residents' meetings said of the department itself. */
    @Select("SELECT COALESCE(SUM(r.satisfied), 0) AS satisfied, COALESCE(SUM(r.basically_satisfied), 0) AS basically_satisfied, "
            + "COALESCE(SUM(r.dissatisfied), 0) AS dissatisfied FROM democratic_evaluation_rating r JOIN democratic_evaluation e "
            + "ON e.id = r.evaluation_id WHERE r.subject_type = 'DEPARTMENT' AND r.subject_code = #{department} "
            + "AND e.held_on >= #{from} AND e.held_on < #{until}")
    Evaluated departmentEvaluated(@Param("department") String department, @Param("from") LocalDate from,
                                  @Param("until") LocalDate until);

    /**
     * 民主评议 of the year of the services the department is answerable for: the projects of its area it
     * approved (its review APPROVE), and, for a street office or a district's civil affairs, the purchases it made.
     */
    @Select("<script>SELECT COALESCE(SUM(r.satisfied), 0) AS satisfied, COALESCE(SUM(r.basically_satisfied), 0) AS "
            + "basically_satisfied, COALESCE(SUM(r.dissatisfied), 0) AS dissatisfied FROM democratic_evaluation_rating r "
            + "JOIN democratic_evaluation e ON e.id = r.evaluation_id WHERE e.held_on &gt;= #{from} AND e.held_on &lt; #{until} "
            + "AND ((r.subject_type = 'PROJECT' AND r.subject_code IN " + AREA + " AND EXISTS (SELECT 1 FROM project_action a "
            + "WHERE a.project_code = r.subject_code AND a.task_key = #{taskKey} AND a.decision = 'APPROVE'))"
            + "<if test='purchaser'> OR (r.subject_type = 'PURCHASE' AND r.subject_code IN (SELECT code FROM procurement WHERE "
            + "<choose><when test='street != null'>purchaser_street = #{street}</when><otherwise>purchaser_district = #{district} "
            + "AND purchaser_street IS NULL</otherwise></choose>))</if>)</script>")
    Evaluated servicesEvaluated(@Param("taskKey") String taskKey, @Param("street") String street,
                                @Param("district") String district, @Param("purchaser") boolean purchaser,
                                @Param("from") LocalDate from, @Param("until") LocalDate until);

    @Select("<script>SELECT code FROM project WHERE code IN " + AREA + "</script>")
    List<String> projects(@Param("street") String street, @Param("district") String district);
}

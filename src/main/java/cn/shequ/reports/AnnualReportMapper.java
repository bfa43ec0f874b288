package cn.shequ.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The annual reports and the figures Shequ drafts them from. A district's scope: the projects of the
 * communities of its street offices, their ledger lines and payments, and the purchases its street
 * offices or its civil affairs bureau made.
 */
@Mapper
interface AnnualReportMapper {

    record Stored(String code, int reportYear, String bodyLevel, String bodyCode, String bodyName, String recipient,
                  LocalDate deadline, String status, String figures, String narrative, String narratedBy, String approvedBy,
                  Long documentId, String submittedBy, LocalDateTime submittedAt, boolean late, String processInstanceId,
                  LocalDateTime draftedAt) {}

    record District(String code, String name) {}

    record CategoryStatus(String category, String status, int projects, BigDecimal amount) {}

    record LedgerSum(String entryType, BigDecimal amount) {}

    record GradeCount(String grade, int projects) {}

    record Satisfaction(Integer respondents, Integer satisfied) {}

    record MethodSum(String method, int purchases, BigDecimal amount) {}

    record ProviderSum(String provider, int purchases, BigDecimal amount) {}

    record LatePayments(int payments, BigDecimal amount) {}

    String COLUMNS = "code, report_year, body_level, body_code, body_name, recipient, deadline, status, figures, narrative, "
            + "narrated_by, approved_by, document_id, submitted_by, submitted_at, late, process_instance_id, drafted_at";

    @Insert("INSERT INTO annual_report (code, report_year, body_level, body_code, body_name, recipient, deadline, status, "
            + "figures, drafted_at) VALUES (#{code}, #{year}, #{level}, #{body}, #{name}, #{recipient}, #{deadline}, 'DRAFTED', "
            + "#{figures}, #{at})")
    void insert(@Param("code") String code, @Param("year") int year, @Param("level") String level, @Param("body") String body,
                @Param("name") String name, @Param("recipient") String recipient, @Param("deadline") LocalDate deadline,
                @Param("figures") String figures, @Param("at") LocalDateTime at);

    @Update("UPDATE annual_report SET process_instance_id = #{pid} WHERE code = #{code}")
    void started(@Param("code") String code, @Param("pid") String processInstanceId);

    @Update("UPDATE annual_report SET narrative = #{narrative}, narrated_by = #{by}, status = 'NARRATED' WHERE code = #{code} "
            + "AND status IN ('DRAFTED', 'NARRATED')")
    int narrate(@Param("code") String code, @Param("narrative") String narrative, @Param("by") String by);

    @Update("UPDATE annual_report SET approved_by = #{by}, status = 'APPROVED' WHERE code = #{code} AND status = 'NARRATED'")
    int approve(@Param("code") String code, @Param("by") String by);

    @Update("UPDATE annual_report SET status = 'DRAFTED' WHERE code = #{code} AND status = 'NARRATED'")
    int returned(String code);

    @Update("UPDATE annual_report SET document_id = #{doc}, status = 'ISSUED' WHERE code = #{code} AND status = 'APPROVED'")
    int issued(@Param("code") String code, @Param("doc") long documentId);

    @Update("UPDATE annual_report SET submitted_by = #{by}, submitted_at = #{at}, late = #{late}, status = 'SUBMITTED' "
            + "WHERE code = #{code} AND status = 'ISSUED'")
    int submitted(@Param("code") String code, @Param("by") String by, @Param("at") LocalDateTime at, @Param("late") boolean late);

    @Select("SELECT " + COLUMNS + " FROM annual_report WHERE code = #{code}")
    Optional<Stored> find(String code);

    @Select("SELECT " + COLUMNS + " FROM annual_report WHERE code = #{code} FOR UPDATE")
    Optional<Stored> lock(String code);

    @Select("SELECT " + COLUMNS + " FROM annual_report ORDER BY report_year DESC, body_code")
    List<Stored> all();

    @Select("SELECT COUNT(*) FROM annual_report WHERE report_year = #{year} AND body_code = #{body}")
    int exists(@Param("year") int year, @Param("body") String body);

    @Select("SELECT code, name FROM district ORDER BY code")
    List<District> districts();

    String SCOPE = "(SELECT p.code FROM project p JOIN community c ON c.code = p.community_code "
            + "JOIN street_office s ON s.code = c.street_code WHERE s.district_code = #{district})";

    String PURCHASES = "(pr.purchaser_district = #{district} OR pr.purchaser_street IN "
            + "(SELECT code FROM street_office WHERE district_code = #{district}))";

    @Select("SELECT p.category, p.status, COUNT(*) AS projects, SUM(p.amount) AS amount FROM project p "
            + "WHERE p.code IN " + SCOPE + " AND p.created_at >= #{from} AND p.created_at < #{until} "
            + "GROUP BY p.category, p.status ORDER BY p.category, p.status")
    List<CategoryStatus> projects(@Param("district") String district, @Param("from") LocalDateTime from,
                                  @Param("until") LocalDateTime until);

    /** RESERVE, DISBURSE and RELEASE of the scope's projects in the year. */
    @Select("SELECT entry_type, SUM(amount) AS amount FROM fund_ledger WHERE project_code IN " + SCOPE
            + " AND at >= #{from} AND at < #{until} GROUP BY entry_type")
    List<LedgerSum> projectLedger(@Param("district") String district, @Param("from") LocalDateTime from,
                                  @Param("until") LocalDateTime until);

    /** Money allocated in the year to the funds of that fiscal year that serve the district (all, or one of its streets). */
    @Select("SELECT COALESCE(SUM(l.amount), 0) FROM fund_ledger l JOIN fund f ON f.code = l.fund_code WHERE l.entry_type = 'ALLOCATE' "
            + "AND f.fiscal_year = #{year} AND (f.owner_street IS NULL OR f.owner_street IN "
            + "(SELECT code FROM street_office WHERE district_code = #{district}))")
    BigDecimal allocated(@Param("district") String district, @Param("year") int year);

    @Select("SELECT grade, COUNT(*) AS projects FROM project p WHERE p.code IN " + SCOPE + " AND p.grade IS NOT NULL "
            + "AND p.updated_at >= #{from} AND p.updated_at < #{until} GROUP BY grade ORDER BY grade")
    List<GradeCount> grades(@Param("district") String district, @Param("from") LocalDateTime from,
                            @Param("until") LocalDateTime until);

    @Select("SELECT SUM(respondents) AS respondents, SUM(satisfied) AS satisfied FROM project p WHERE p.code IN " + SCOPE
            + " AND p.respondents IS NOT NULL AND p.updated_at >= #{from} AND p.updated_at < #{until}")
    Satisfaction satisfaction(@Param("district") String district, @Param("from") LocalDateTime from,
                              @Param("until") LocalDateTime until);

    @Select("SELECT pr.method, COUNT(*) AS purchases, SUM(pr.amount) AS amount FROM procurement pr WHERE pr.fiscal_year = #{year} "
            + "AND " + PURCHASES + " AND pr.status NOT IN ('CANCELLED', 'REJECTED') GROUP BY pr.method ORDER BY pr.method")
    List<MethodSum> purchasesByMethod(@Param("district") String district, @Param("year") int year);

    @Select("SELECT v.name AS provider, COUNT(*) AS purchases, SUM(b.price) AS amount FROM procurement pr "
            + "JOIN bid b ON b.id = pr.award_bid_id JOIN provider v ON v.id = b.provider_id WHERE pr.fiscal_year = #{year} "
            + "AND " + PURCHASES + " GROUP BY v.name ORDER BY v.name")
    List<ProviderSum> purchasesByProvider(@Param("district") String district, @Param("year") int year);

    @Select("SELECT COUNT(*) AS payments, COALESCE(SUM(mp.amount), 0) AS amount FROM milestone_payment mp WHERE mp.late = TRUE "
            + "AND mp.paid_at >= #{from} AND mp.paid_at < #{until} AND (mp.subject_code IN " + SCOPE
            + " OR mp.subject_code IN (SELECT pr.code FROM procurement pr WHERE " + PURCHASES + "))")
    LatePayments latePayments(@Param("district") String district, @Param("from") LocalDateTime from,
                              @Param("until") LocalDateTime until);

    @Select("SELECT COUNT(*) FROM audit_entry WHERE action IN ('REVIEW_ESCALATED', 'TASK_ESCALATED') AND at >= #{from} "
            + "AND at < #{until} AND (subject_code IN " + SCOPE + " OR subject_code IN (SELECT pr.code FROM procurement pr WHERE "
            + PURCHASES + "))")
    int overdueReviews(@Param("district") String district, @Param("from") LocalDateTime from,
                       @Param("until") LocalDateTime until);

    /** Project and purchase codes of the district, to count the anomalies found on them. */
    @Select("SELECT code FROM project WHERE code IN " + SCOPE + " UNION SELECT pr.code FROM procurement pr WHERE " + PURCHASES)
    List<String> subjects(@Param("district") String district);
}

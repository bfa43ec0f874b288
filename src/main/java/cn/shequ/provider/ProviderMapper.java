package cn.shequ.provider;

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

/** Providers and their performance record; the credit code is unique, so it finds the row an insert created. */
@Mapper
public interface ProviderMapper {

    String COLUMNS = "id, name, legal_type, credit_code, categories, status, certified_on, certified_until, registered_at, "
            + "registered_by, serious_violation_declared, dishonest_listed_declared, certified_by, refused_by, "
            + "refusal_reason, decided_at, reminder_sent_at, process_instance_id";

    @Select("SELECT " + COLUMNS + " FROM provider WHERE credit_code = #{creditCode}")
    Optional<Provider> findByCreditCode(String creditCode);

    @Select("SELECT " + COLUMNS + " FROM provider WHERE id = #{id}")
    Optional<Provider> find(long id);

    /** The row, locked until the transaction ends (decisions and timers on one provider serialize). */
    @Select("SELECT " + COLUMNS + " FROM provider WHERE id = #{id} FOR UPDATE")
    Optional<Provider> lock(long id);

    @Select("SELECT " + COLUMNS + " FROM provider ORDER BY id")
    List<Provider> all();

    @Select("SELECT " + COLUMNS + " FROM provider WHERE status = #{status} ORDER BY id")
    List<Provider> withStatus(String status);

    @Insert("INSERT INTO provider (name, legal_type, credit_code, categories, status, certified_on, certified_until, "
            + "registered_at, registered_by, serious_violation_declared, dishonest_listed_declared) "
            + "VALUES (#{name}, #{legalType}, #{creditCode}, #{categories}, #{status}, #{certifiedOn}, #{certifiedUntil}, "
            + "#{registeredAt}, #{registeredBy}, #{seriousViolationDeclared}, #{dishonestListedDeclared})")
    void insert(Provider provider);

    @Update("UPDATE provider SET process_instance_id = #{processInstanceId} WHERE id = #{id}")
    void setProcessInstance(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

    @Update("UPDATE provider SET certified_by = #{by}, decided_at = #{at} WHERE id = #{id} AND status = 'PENDING'")
    int approve(@Param("id") long id, @Param("by") String by, @Param("at") LocalDateTime at);

    @Update("UPDATE provider SET status = 'REFUSED', refused_by = #{by}, refusal_reason = #{reason}, decided_at = #{at} "
            + "WHERE id = #{id} AND status = 'PENDING'")
    int refuse(@Param("id") long id, @Param("by") String by, @Param("reason") String reason, @Param("at") LocalDateTime at);

    @Update("UPDATE provider SET status = 'CERTIFIED', certified_on = #{on}, certified_until = #{until}, reminder_sent_at = NULL "
            + "WHERE id = #{id} AND status = 'PENDING'")
    int certify(@Param("id") long id, @Param("on") LocalDate on, @Param("until") LocalDate until);

    @Update("UPDATE provider SET reminder_sent_at = #{at} WHERE id = #{id} AND status = 'CERTIFIED' AND reminder_sent_at IS NULL")
    int reminded(@Param("id") long id, @Param("at") LocalDateTime at);

    @Update("UPDATE provider SET status = 'EXPIRED' WHERE id = #{id} AND status = 'CERTIFIED'")
    int expire(long id);

    @Select("SELECT code FROM service_category ORDER BY sort_order")
    List<String> categoryCatalogue();

    /** A service category's Chinese name (the certification page shows the categories served by name). */
    @Select("SELECT name FROM service_category WHERE code = #{code}")
    String categoryName(String code);

    /**
     * Affiliates a user who has an affiliation row but no organisation to the provider they
     * registered; 0 when they already belong to one (identity owns the table, see user_affiliation).
     */
    @Update("UPDATE user_affiliation SET organisation_id = #{providerId} WHERE user_id = #{userId} AND organisation_id IS NULL")
    int affiliate(@Param("userId") String userId, @Param("providerId") long providerId);

    @Select("SELECT subject_code, grade, score, evaluated_on FROM provider_performance "
            + "WHERE provider_id = #{providerId} ORDER BY evaluated_on, id")
    List<Performance> performance(long providerId);

    @Select("SELECT subject_code, grade, score, evaluated_on FROM provider_performance "
            + "WHERE provider_id = #{providerId} AND subject_code = #{subjectCode}")
    Optional<Performance> performanceOf(@Param("providerId") long providerId, @Param("subjectCode") String subjectCode);

    @Insert("INSERT INTO provider_performance (provider_id, subject_code, grade, score, evaluated_on, recorded_at) "
            + "VALUES (#{providerId}, #{subjectCode}, #{grade}, #{score}, #{evaluatedOn}, #{recordedAt})")
    void insertPerformance(@Param("providerId") long providerId, @Param("subjectCode") String subjectCode,
                           @Param("grade") String grade, @Param("score") BigDecimal score,
                           @Param("evaluatedOn") LocalDate evaluatedOn, @Param("recordedAt") LocalDateTime recordedAt);
}

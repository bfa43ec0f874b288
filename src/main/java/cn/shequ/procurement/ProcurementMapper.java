package cn.shequ.procurement;

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

/** Procurements, the earlier purchases they are counted with, their codes, and who did what on them. */
@Mapper
public interface ProcurementMapper {

    String COLUMNS = "code, title, category, amount, fund_code, purchaser_user, purchaser_street, purchaser_district, "
            + "fiscal_year, term_months, term_reason, price_weight, requested_method, method, method_reason, "
            + "counted_amount, needs_finance_approval, status, project_code, process_instance_id, reserved_amount, "
            + "disbursed_amount, tender_round, bid_deposit, notice_published_on, bid_deadline, award_bid_id, award_notice_on, "
            + "challenge_deadline, score, grade, respondents, satisfied, created_at, updated_at, for_project";

    @Select("SELECT " + COLUMNS + " FROM procurement WHERE code = #{code}")
    Optional<Procurement> find(String code);

    /** The row locked for the rest of the transaction: steps on one procurement queue behind each other. */
    @Select("SELECT " + COLUMNS + " FROM procurement WHERE code = #{code} FOR UPDATE")
    Optional<Procurement> lock(String code);

    /** The purchase a service project called (at most one is not cancelled or refused). */
    @Select("SELECT " + COLUMNS + " FROM procurement WHERE project_code = #{projectCode} AND for_project = TRUE "
            + "ORDER BY CASE WHEN status IN ('CANCELLED', 'REJECTED') THEN 1 ELSE 0 END, code DESC LIMIT 1")
    Optional<Procurement> findByProject(String projectCode);

    /** The street office and district a community belongs to: who may buy for its projects. */
    @Select("SELECT s.code AS street, s.district_code AS district FROM community c "
            + "JOIN street_office s ON s.code = c.street_code WHERE c.code = #{communityCode}")
    ProjectArea areaOfCommunity(String communityCode);

    @Select("<script>SELECT " + COLUMNS + " FROM procurement <where><if test='status != null'>status = #{status}</if></where> "
            + "ORDER BY code DESC LIMIT 500</script>")
    List<Procurement> search(@Param("status") String status);

    /** Procurements whose notice is public, newest first. */
    @Select("SELECT " + COLUMNS + " FROM procurement WHERE notice_published_on IS NOT NULL ORDER BY code DESC LIMIT 500")
    List<Procurement> published();

    @Insert("INSERT INTO procurement (" + COLUMNS + ") VALUES (#{code}, #{title}, #{category}, #{amount}, #{fundCode}, "
            + "#{purchaserUser}, #{purchaserStreet}, #{purchaserDistrict}, #{fiscalYear}, #{termMonths}, #{termReason}, "
            + "#{priceWeight}, #{requestedMethod}, #{method}, #{methodReason}, #{countedAmount}, #{needsFinanceApproval}, "
            + "#{status}, #{projectCode}, #{processInstanceId}, #{reservedAmount}, #{disbursedAmount}, #{tenderRound}, "
            + "#{bidDeposit}, #{noticePublishedOn}, #{bidDeadline}, #{awardBidId}, #{awardNoticeOn}, #{challengeDeadline}, #{score}, "
            + "#{grade}, #{respondents}, #{satisfied}, #{createdAt}, #{updatedAt}, #{forProject})")
    void insert(Procurement procurement);

    /**
     * What the same purchaser (street office, or district when no street) already buys of the
     * category in the fiscal year, cancelled and refused purchases aside (采购法 art. 28; 条例 art. 28).
     */
    @Select("<script>SELECT COALESCE(SUM(amount), 0) FROM procurement WHERE category = #{category} "
            + "AND fiscal_year = #{fiscalYear} AND status NOT IN ('CANCELLED', 'REJECTED') "
            + "<choose><when test='street != null'>AND purchaser_street = #{street}</when>"
            + "<otherwise>AND purchaser_street IS NULL AND purchaser_district = #{district}</otherwise></choose></script>")
    BigDecimal purchasedBefore(@Param("category") String category, @Param("fiscalYear") int fiscalYear,
                               @Param("street") String street, @Param("district") String district);

    @Update("UPDATE procurement SET process_instance_id = #{processInstanceId} WHERE code = #{code}")
    void setProcessInstance(@Param("code") String code, @Param("processInstanceId") String processInstanceId);

    @Update("UPDATE procurement SET status = #{status}, updated_at = #{at} WHERE code = #{code}")
    void setStatus(@Param("code") String code, @Param("status") String status, @Param("at") LocalDateTime at);

    @Update("UPDATE procurement SET method = #{method}, method_reason = #{reason}, needs_finance_approval = #{approval}, "
            + "updated_at = #{at} WHERE code = #{code}")
    void setMethod(@Param("code") String code, @Param("method") String method, @Param("reason") String reason,
                   @Param("approval") boolean needsFinanceApproval, @Param("at") LocalDateTime at);

    @Update("UPDATE procurement SET notice_published_on = #{on}, bid_deadline = #{deadline}, tender_round = #{round}, "
            + "bid_deposit = #{deposit}, updated_at = #{at} WHERE code = #{code}")
    void setNotice(@Param("code") String code, @Param("on") LocalDate on, @Param("deadline") LocalDateTime deadline,
                   @Param("round") int round, @Param("deposit") BigDecimal deposit, @Param("at") LocalDateTime at);

    @Update("UPDATE procurement SET reserved_amount = #{reserved}, disbursed_amount = #{disbursed}, updated_at = #{at} "
            + "WHERE code = #{code}")
    void setMoney(@Param("code") String code, @Param("reserved") BigDecimal reserved,
                  @Param("disbursed") BigDecimal disbursed, @Param("at") LocalDateTime at);

    @Select("SELECT name FROM service_category WHERE code = #{code}")
    String categoryName(String code);

    /** A service category of the catalogue, for the workbench's requirement form. */
    record CategoryRow(String code, String name) {}

    @Select("SELECT code, name FROM service_category ORDER BY sort_order")
    List<CategoryRow> categories();

    @Insert("INSERT INTO procurement_action (procurement_code, task_key, milestone_seq, actor, decision, comment, at) "
            + "VALUES (#{code}, #{taskKey}, #{milestoneSeq}, #{actor}, #{decision}, #{comment}, #{at})")
    void insertAction(@Param("code") String code, @Param("taskKey") String taskKey,
                      @Param("milestoneSeq") Integer milestoneSeq, @Param("actor") String actor,
                      @Param("decision") String decision, @Param("comment") String comment, @Param("at") LocalDateTime at);

    @Select("SELECT DISTINCT task_key FROM procurement_action WHERE procurement_code = #{code} AND actor = #{actor}")
    List<String> taskKeysDoneBy(@Param("code") String code, @Param("actor") String actor);

    /** What {@code actor} did in any purchase service project {@code projectCode} called (a refused method's too). */
    @Select("SELECT DISTINCT a.task_key FROM procurement_action a JOIN procurement p ON p.code = a.procurement_code "
            + "WHERE p.project_code = #{projectCode} AND p.for_project = TRUE AND a.actor = #{actor}")
    List<String> taskKeysDoneForProject(@Param("projectCode") String projectCode, @Param("actor") String actor);

    @Update("UPDATE procurement SET requested_method = #{method}, method_reason = #{reason}, updated_at = #{at} WHERE code = #{code}")
    void setRequestedMethod(@Param("code") String code, @Param("method") String method, @Param("reason") String reason,
                            @Param("at") LocalDateTime at);

    /** The challenge deadline moved (a year's official calendar was loaded). */
    @Update("UPDATE procurement SET challenge_deadline = #{deadline}, updated_at = #{at} WHERE code = #{code}")
    void setChallengeDeadline(@Param("code") String code, @Param("deadline") LocalDateTime deadline, @Param("at") LocalDateTime at);

    @Update("UPDATE procurement SET award_bid_id = #{bidId}, award_notice_on = #{noticeOn}, challenge_deadline = #{challengeDeadline}, "
            + "updated_at = #{at} WHERE code = #{code}")
    void setAward(@Param("code") String code, @Param("bidId") Long bidId, @Param("noticeOn") LocalDate noticeOn,
                  @Param("challengeDeadline") LocalDateTime challengeDeadline, @Param("at") LocalDateTime at);

    @Select("SELECT name FROM street_office WHERE code = #{code}")
    String streetName(String code);

    @Select("SELECT name FROM district WHERE code = #{code}")
    String districtName(String code);

    @Update("UPDATE procurement SET respondents = #{respondents}, satisfied = #{satisfied}, score = #{score}, "
            + "score_budget = #{budget}, score_outputs = #{outputs}, score_outcomes = #{outcomes}, "
            + "score_satisfaction = #{satisfaction}, updated_at = #{at} WHERE code = #{code}")
    void setEvaluation(@Param("code") String code, @Param("respondents") int respondents,
                       @Param("satisfied") int satisfied, @Param("score") BigDecimal score,
                       @Param("budget") BigDecimal budget, @Param("outputs") BigDecimal outputs,
                       @Param("outcomes") BigDecimal outcomes, @Param("satisfaction") BigDecimal satisfaction,
                       @Param("at") LocalDateTime at);

    @Update("UPDATE procurement SET grade = #{grade} WHERE code = #{code}")
    void setGrade(@Param("code") String code, @Param("grade") String grade);
}

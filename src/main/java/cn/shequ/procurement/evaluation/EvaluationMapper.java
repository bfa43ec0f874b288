package cn.shequ.procurement.evaluation;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The evaluation committee and its scores. */
@Mapper
interface EvaluationMapper {

    @Select("SELECT procurement_code, user_id, expert, appointed_by, appointed_at FROM committee_member "
            + "WHERE procurement_code = #{code} ORDER BY user_id")
    List<CommitteeMember> members(String code);

    @Insert("INSERT INTO committee_member (procurement_code, user_id, expert, appointed_by, appointed_at) "
            + "VALUES (#{procurementCode}, #{userId}, #{expert}, #{appointedBy}, #{appointedAt})")
    void insertMember(CommitteeMember member);

    @Select("SELECT bid_id, member_user, procurement_code, technical_score, scored_at, revised_at FROM score "
            + "WHERE procurement_code = #{code} ORDER BY bid_id, member_user")
    List<Score> scores(String code);

    @Select("SELECT bid_id, member_user, procurement_code, technical_score, scored_at, revised_at FROM score "
            + "WHERE bid_id = #{bidId} AND member_user = #{member}")
    Optional<Score> score(@Param("bidId") long bidId, @Param("member") String member);

    @Insert("INSERT INTO score (bid_id, member_user, procurement_code, technical_score, scored_at) "
            + "VALUES (#{bidId}, #{member}, #{code}, #{score}, #{at})")
    void insertScore(@Param("bidId") long bidId, @Param("member") String member, @Param("code") String code,
                     @Param("score") BigDecimal score, @Param("at") LocalDateTime at);

    @Update("UPDATE score SET technical_score = #{score}, revised_at = #{at} WHERE bid_id = #{bidId} AND member_user = #{member}")
    void reviseScore(@Param("bidId") long bidId, @Param("member") String member, @Param("score") BigDecimal score,
                     @Param("at") LocalDateTime at);

    @Insert("INSERT INTO scoring_task (task_id, procurement_code, member_user, bid_id, created_at) "
            + "VALUES (#{taskId}, #{code}, #{member}, #{bidId}, #{at})")
    void insertScoringTask(@Param("taskId") String taskId, @Param("code") String code, @Param("member") String member,
                           @Param("bidId") long bidId, @Param("at") LocalDateTime at);

    @Select("SELECT task_id, procurement_code, member_user, bid_id FROM scoring_task WHERE task_id = #{taskId}")
    Optional<ScoringTask> scoringTask(String taskId);

    /** An upheld challenge reopens the evaluation: the committee scores again (the audit log keeps the old scores). */
    @Delete("DELETE FROM score WHERE procurement_code = #{code}")
    int clearScores(String code);
}

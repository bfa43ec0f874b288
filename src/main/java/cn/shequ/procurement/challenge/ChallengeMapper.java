package cn.shequ.procurement.challenge;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Challenges of an award and their answers. */
@Mapper
public interface ChallengeMapper {

    String COLUMNS = "c.id, c.procurement_code, c.provider_id, p.name AS provider_name, c.filed_by, c.reason, c.filed_at, "
            + "c.answer_due, c.task_id, c.answer, c.upheld, c.answered_by, c.answered_at, c.answered_late";

    @Select("SELECT " + COLUMNS + " FROM challenge c JOIN provider p ON p.id = c.provider_id "
            + "WHERE c.procurement_code = #{code} ORDER BY c.id")
    List<Challenge> challenges(String code);

    @Select("SELECT " + COLUMNS + " FROM challenge c JOIN provider p ON p.id = c.provider_id WHERE c.task_id = #{taskId}")
    Optional<Challenge> byTask(String taskId);

    /** The oldest challenge that no answer task has taken yet. */
    @Select("SELECT " + COLUMNS + " FROM challenge c JOIN provider p ON p.id = c.provider_id "
            + "WHERE c.procurement_code = #{code} AND c.task_id IS NULL ORDER BY c.id LIMIT 1")
    Optional<Challenge> untaken(String code);

    @Insert("INSERT INTO challenge (procurement_code, provider_id, filed_by, reason, filed_at, answer_due) "
            + "VALUES (#{code}, #{providerId}, #{by}, #{reason}, #{at}, #{due})")
    void insert(@Param("code") String code, @Param("providerId") long providerId, @Param("by") String by,
                @Param("reason") String reason, @Param("at") LocalDateTime at, @Param("due") LocalDateTime due);

    /** The answer's due date moved (a year's official calendar was loaded). */
    @Update("UPDATE challenge SET answer_due = #{due} WHERE id = #{id}")
    void setAnswerDue(@Param("id") long id, @Param("due") LocalDateTime due);

    @Update("UPDATE challenge SET task_id = #{taskId} WHERE id = #{id}")
    void take(@Param("id") long id, @Param("taskId") String taskId);

    @Update("UPDATE challenge SET answer = #{answer}, upheld = #{upheld}, answered_by = #{by}, answered_at = #{at}, "
            + "answered_late = #{late} WHERE id = #{id}")
    void answer(@Param("id") long id, @Param("answer") String answer, @Param("upheld") Boolean upheld,
                @Param("by") String by, @Param("at") LocalDateTime at, @Param("late") boolean late);

    /** Challenges left unanswered when another one was upheld: the reopened evaluation settles them. */
    @Update("UPDATE challenge SET answer = #{answer}, answered_by = 'system', answered_at = #{at}, answered_late = FALSE "
            + "WHERE procurement_code = #{code} AND answered_at IS NULL")
    int supersede(@Param("code") String code, @Param("answer") String answer, @Param("at") LocalDateTime at);
}

package cn.shequ.delivery;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The milestone statements of both processes, written once over the one table {@code delivery_milestone}
 * (ADR 0054): a milestone is planned (PENDING), reported, accepted or sent back, approved for payment or
 * sent back, and paid. A process's mapper extends this interface (MyBatis registers these statements under
 * it) and reads and writes its milestones through them with its own {@link MilestoneSubject}, in the names
 * and types its code has always used. Who may do each step, and when, stays with each process.
 */
public interface MilestoneMapper {

    String MILESTONE_COLUMNS = "subject_code, seq, name, percent, amount, status, summary, evidence, reported_by, reported_at, "
            + "accepted_by, accepted_at, served_participants, approved_by, approved_at";
    String ONE_MILESTONE = " WHERE subject_kind = #{kind} AND subject_code = #{code} AND seq = #{seq}";

    @Select("SELECT " + MILESTONE_COLUMNS + " FROM delivery_milestone WHERE subject_kind = #{kind} AND subject_code = #{code} "
            + "ORDER BY seq")
    List<MilestoneRow> milestoneRows(@Param("kind") MilestoneSubject kind, @Param("code") String code);

    @Select("SELECT " + MILESTONE_COLUMNS + " FROM delivery_milestone" + ONE_MILESTONE)
    Optional<MilestoneRow> milestoneRow(@Param("kind") MilestoneSubject kind, @Param("code") String code,
                                        @Param("seq") int seq);

    /** {@link #milestoneRow} under the transaction's lock until it ends (a step about to record the milestone). */
    @Select("SELECT " + MILESTONE_COLUMNS + " FROM delivery_milestone" + ONE_MILESTONE + " FOR UPDATE")
    Optional<MilestoneRow> lockMilestoneRow(@Param("kind") MilestoneSubject kind, @Param("code") String code,
                                            @Param("seq") int seq);

    /** Removes a subject's milestones (a proposal replaces them all while none has started). */
    @Delete("DELETE FROM delivery_milestone WHERE subject_kind = #{kind} AND subject_code = #{code}")
    void deleteMilestoneRows(@Param("kind") MilestoneSubject kind, @Param("code") String code);

    @Insert("INSERT INTO delivery_milestone (subject_kind, subject_code, seq, name, percent, amount, status) "
            + "VALUES (#{kind}, #{code}, #{seq}, #{name}, #{percent}, #{amount}, #{status})")
    void insertMilestoneRow(@Param("kind") MilestoneSubject kind, @Param("code") String code, @Param("seq") int seq,
                            @Param("name") String name, @Param("percent") int percent,
                            @Param("amount") BigDecimal amount, @Param("status") String status);

    @Update("UPDATE delivery_milestone SET status = 'REPORTED', summary = #{summary}, evidence = #{evidence}, "
            + "reported_by = #{actor}, reported_at = #{at}" + ONE_MILESTONE)
    void reportMilestoneRow(@Param("kind") MilestoneSubject kind, @Param("code") String code, @Param("seq") int seq,
                            @Param("summary") String summary, @Param("evidence") String evidence,
                            @Param("actor") String actor, @Param("at") LocalDateTime at);

    @Update("UPDATE delivery_milestone SET status = #{status}, accepted_by = #{actor}, accepted_at = #{at}, "
            + "served_participants = #{served}" + ONE_MILESTONE)
    void acceptMilestoneRow(@Param("kind") MilestoneSubject kind, @Param("code") String code, @Param("seq") int seq,
                            @Param("status") String status, @Param("actor") String actor,
                            @Param("at") LocalDateTime at, @Param("served") Integer served);

    @Update("UPDATE delivery_milestone SET status = #{status}, approved_by = #{actor}, approved_at = #{at}" + ONE_MILESTONE)
    void approveMilestoneRow(@Param("kind") MilestoneSubject kind, @Param("code") String code, @Param("seq") int seq,
                             @Param("status") String status, @Param("actor") String actor,
                             @Param("at") LocalDateTime at);

    @Update("UPDATE delivery_milestone SET status = #{status}" + ONE_MILESTONE)
    void setMilestoneRowStatus(@Param("kind") MilestoneSubject kind, @Param("code") String code,
                               @Param("seq") int seq, @Param("status") String status);
}

package cn.shequ.task;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The task index; {@code workOf} (WorkItemMapper.xml) reads the task list. */
@Mapper
interface WorkItemMapper {

    @Insert("INSERT INTO work_item (task_id, candidate_group, task_key, name, subject_code, community_code, assignee, "
            + "created, due, escalated, guard) VALUES (#{taskId}, #{candidateGroup}, #{taskKey}, #{name}, #{subjectCode}, "
            + "#{communityCode}, #{assignee}, #{created}, #{due}, #{escalated}, #{guard})")
    void insert(WorkItem item);

    /** The guard of an open task (every row of the task carries the same); empty: not indexed, or no guard. */
    @Select("SELECT MIN(guard) FROM work_item WHERE task_id = #{taskId}")
    Optional<String> guard(String taskId);

    @Update("UPDATE work_item SET assignee = #{assignee} WHERE task_id = #{taskId}")
    void assign(@Param("taskId") String taskId, @Param("assignee") String assignee);

    @Update("UPDATE work_item SET escalated = TRUE WHERE subject_code = #{subjectCode} AND task_key = #{taskKey}")
    int escalate(@Param("subjectCode") String subjectCode, @Param("taskKey") String taskKey);

    @Update("UPDATE work_item SET due = #{due} WHERE task_id = #{taskId}")
    void setDue(@Param("taskId") String taskId, @Param("due") LocalDateTime due);

    @Delete("DELETE FROM work_item WHERE task_id = #{taskId}")
    void delete(String taskId);

    @Select("SELECT * FROM work_item WHERE task_id = #{taskId}")
    List<WorkItem> byTask(String taskId);

    @Select("SELECT * FROM work_item WHERE subject_code = #{subjectCode} ORDER BY created, task_id")
    List<WorkItem> bySubject(String subjectCode);

    /**
     * Open tasks assigned to {@code userId}, one row each, and unassigned open tasks offered to each of
     * {@code offers}' groups (of its community only when given), each part oldest first and at most {@code limit}
     * (WorkItemMapper.xml).
     */
    List<WorkItem> workOf(@Param("userId") String userId, @Param("offers") List<Offer> offers, @Param("limit") int limit);

    /** A group whose unassigned tasks a user is offered, of {@code communityCode} only when not null. */
    record Offer(String group, String communityCode) {
    }
}

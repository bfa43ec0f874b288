package cn.shequ.project;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Who did what on a project: the record that segregation of duties is checked against. */
@Mapper
interface ProjectActionMapper {

    @Insert("INSERT INTO project_action (project_code, task_key, milestone_seq, actor, decision, comment, at) "
            + "VALUES (#{code}, #{taskKey}, #{milestoneSeq}, #{actor}, #{decision}, #{comment}, #{at})")
    void insert(@Param("code") String code, @Param("taskKey") String taskKey, @Param("milestoneSeq") Integer milestoneSeq,
                @Param("actor") String actor, @Param("decision") String decision, @Param("comment") String comment,
                @Param("at") LocalDateTime at);

    @Select("SELECT DISTINCT task_key FROM project_action WHERE project_code = #{code} AND actor = #{actor}")
    List<String> taskKeysDoneBy(@Param("code") String code, @Param("actor") String actor);

    /** When task {@code taskKey} of the project was completed, oldest first. */
    @Select("SELECT at FROM project_action WHERE project_code = #{code} AND task_key = #{taskKey} ORDER BY id")
    List<LocalDateTime> completedAt(@Param("code") String code, @Param("taskKey") String taskKey);
}

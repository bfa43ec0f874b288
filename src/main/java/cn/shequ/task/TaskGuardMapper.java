package cn.shequ.task;

import java.util.Optional;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The process variables each open task was created with (see {@link TaskLifecycle}). */
@Mapper
interface TaskGuardMapper {

    @Insert("INSERT INTO task_guard (task_id, variables) VALUES (#{taskId}, #{variables})")
    void insert(@Param("taskId") String taskId, @Param("variables") String variables);

    @Select("SELECT variables FROM task_guard WHERE task_id = #{taskId}")
    Optional<String> variables(String taskId);

    @Delete("DELETE FROM task_guard WHERE task_id = #{taskId}")
    void delete(String taskId);
}

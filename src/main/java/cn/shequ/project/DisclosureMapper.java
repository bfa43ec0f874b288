package cn.shequ.project;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Disclosure records of projects. */
@Mapper
interface DisclosureMapper {
    @Insert("INSERT INTO disclosure (project_code, kind, published_at) VALUES (#{code}, #{kind}, #{at})")
    void insert(@Param("code") String code, @Param("kind") String kind, @Param("at") LocalDateTime at);

    @Select("SELECT DISTINCT project_code FROM disclosure ORDER BY project_code DESC")
    List<String> disclosedProjects();

    @Select("SELECT kind FROM disclosure WHERE project_code = #{code} ORDER BY id")
    List<String> kinds(String code);
}

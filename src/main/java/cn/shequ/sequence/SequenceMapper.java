package cn.shequ.sequence;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Rows of code_sequence: the last number given per prefix and year. */
@Mapper
interface SequenceMapper {
    @Select("SELECT last_number FROM code_sequence WHERE prefix = #{prefix} AND code_year = #{year} FOR UPDATE")
    Integer lock(@Param("prefix") String prefix, @Param("year") int year);

    @Insert("INSERT INTO code_sequence (prefix, code_year, last_number) VALUES (#{prefix}, #{year}, #{value})")
    void insert(@Param("prefix") String prefix, @Param("year") int year, @Param("value") int value);

    @Update("UPDATE code_sequence SET last_number = #{value} WHERE prefix = #{prefix} AND code_year = #{year}")
    void update(@Param("prefix") String prefix, @Param("year") int year, @Param("value") int value);
}

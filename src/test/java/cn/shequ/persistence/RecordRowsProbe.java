package cn.shequ.persistence;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** Rows at the edges of what {@link RecordRows} builds (RecordRowsIT): all columns null, NULL for a primitive. */
@Mapper
interface RecordRowsProbe {

    record Named(String code, String name) {}

    record Counted(String code, int count) {}

    @Select("SELECT NULL AS code, NULL AS name FROM community WHERE code = #{code}")
    List<Named> nothing(String code);

    @Select("SELECT code, NULL AS count FROM community WHERE code = #{code}")
    List<Counted> primitiveNull(String code);
}

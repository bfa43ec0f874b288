package cn.shequ.identity;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** Districts, street offices, communities and users' affiliations. */
@Mapper
public interface OrganisationMapper {

    @Select("SELECT COUNT(*) FROM district WHERE code = #{code}")
    int countDistrict(String code);

    @Insert("INSERT INTO district (code, name) VALUES (#{code}, #{name})")
    void insertDistrict(String code, String name);

    @Select("SELECT COUNT(*) FROM street_office WHERE code = #{code}")
    int countStreet(String code);

    @Insert("INSERT INTO street_office (code, name, district_code) VALUES (#{code}, #{name}, #{districtCode})")
    void insertStreet(String code, String name, String districtCode);

    @Select("SELECT code, name, short_name, street_code FROM community WHERE code = #{code}")
    Optional<Community> findCommunity(String code);

    @Select("SELECT code, name, short_name, street_code FROM community ORDER BY code")
    List<Community> communities();

    @Insert("INSERT INTO community (code, name, short_name, street_code) VALUES (#{code}, #{name}, #{shortName}, #{streetCode})")
    void insertCommunity(Community community);

    @Select("SELECT user_id, display_name, community_code, street_code, district_code, organisation_id "
            + "FROM user_affiliation WHERE user_id = #{userId}")
    Optional<Affiliation> findAffiliation(String userId);

    @Insert("INSERT INTO user_affiliation (user_id, display_name, community_code, street_code, district_code, organisation_id) "
            + "VALUES (#{userId}, #{displayName}, #{communityCode}, #{streetCode}, #{districtCode}, #{organisationId})")
    void insertAffiliation(Affiliation affiliation);
}

package cn.shequ.provider;

import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** Providers; the credit code is unique, so it finds the row an insert created. */
@Mapper
public interface ProviderMapper {

    @Select("SELECT id, name, legal_type, credit_code, categories, certified_on, certified_until, registered_at "
            + "FROM provider WHERE credit_code = #{creditCode}")
    Optional<Provider> findByCreditCode(String creditCode);

    @Insert("INSERT INTO provider (name, legal_type, credit_code, categories, certified_on, certified_until, registered_at) "
            + "VALUES (#{name}, #{legalType}, #{creditCode}, #{categories}, #{certifiedOn}, #{certifiedUntil}, #{registeredAt})")
    void insert(Provider provider);
}

package cn.shequ.procurement;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The procurements a provider bid on, newest first (bid by provider_id: index ix_bid_provider, V21). */
@Mapper
interface ProviderDeskMapper {

    @Select("SELECT procurement_code FROM bid WHERE provider_id = #{providerId} ORDER BY id DESC LIMIT #{limit}")
    List<String> biddenOn(@Param("providerId") long providerId, @Param("limit") int limit);
}

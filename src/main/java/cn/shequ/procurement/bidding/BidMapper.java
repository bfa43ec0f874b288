package cn.shequ.procurement.bidding;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Bids, and the providers who make them. */
@Mapper
public interface BidMapper {

    String COLUMNS = "b.id, b.procurement_code, b.provider_id, p.name AS provider_name, b.submitted_by, b.price, "
            + "b.proposal, b.submitted_at, b.revised_at, b.qualified, b.price_score, b.technical_score, b.total_score, b.bid_rank";

    @Select("SELECT " + COLUMNS + " FROM bid b JOIN provider p ON p.id = b.provider_id "
            + "WHERE b.procurement_code = #{code} ORDER BY b.id")
    List<Bid> bids(String code);

    @Select("SELECT " + COLUMNS + " FROM bid b JOIN provider p ON p.id = b.provider_id WHERE b.id = #{id}")
    Optional<Bid> bid(long id);

    @Select("SELECT " + COLUMNS + " FROM bid b JOIN provider p ON p.id = b.provider_id "
            + "WHERE b.procurement_code = #{code} AND b.provider_id = #{providerId}")
    Optional<Bid> bidOf(@Param("code") String code, @Param("providerId") long providerId);

    @Insert("INSERT INTO bid (procurement_code, provider_id, submitted_by, price, proposal, submitted_at, qualified) "
            + "VALUES (#{code}, #{providerId}, #{by}, #{price}, #{proposal}, #{at}, TRUE)")
    void insert(@Param("code") String code, @Param("providerId") long providerId, @Param("by") String by,
                @Param("price") BigDecimal price, @Param("proposal") String proposal, @Param("at") LocalDateTime at);

    @Update("UPDATE bid SET price = #{price}, proposal = #{proposal}, submitted_by = #{by}, revised_at = #{at} WHERE id = #{id}")
    void revise(@Param("id") long id, @Param("price") BigDecimal price, @Param("proposal") String proposal,
                @Param("by") String by, @Param("at") LocalDateTime at);

    @Update("UPDATE bid SET qualified = #{qualified} WHERE id = #{id}")
    void setQualified(@Param("id") long id, @Param("qualified") boolean qualified);

    @Update("UPDATE bid SET price_score = #{priceScore}, technical_score = #{technicalScore}, total_score = #{totalScore}, "
            + "bid_rank = #{rank} WHERE id = #{id}")
    void setResult(@Param("id") long id, @Param("priceScore") BigDecimal priceScore,
                   @Param("technicalScore") BigDecimal technicalScore, @Param("totalScore") BigDecimal totalScore,
                   @Param("rank") Integer rank);

    @Update("UPDATE bid SET price_score = NULL, technical_score = NULL, total_score = NULL, bid_rank = NULL "
            + "WHERE procurement_code = #{code}")
    void clearResults(String code);
}

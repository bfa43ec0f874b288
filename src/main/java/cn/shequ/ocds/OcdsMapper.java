package cn.shequ.ocds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** Read-only views of a purchase's tables, as the OCDS export needs them. */
@Mapper
interface OcdsMapper {

    record Procurement(String code, String title, String category, String categoryName, BigDecimal amount,
                       String fundCode, String fundName, String purchaserStreet, String purchaserDistrict,
                       String buyerName, String method, String status, Integer termMonths, LocalDate noticePublishedOn,
                       LocalDateTime bidDeadline, Long awardBidId, LocalDate awardNoticeOn, LocalDateTime createdAt,
                       LocalDateTime updatedAt, String projectCode, boolean forProject) {}

    record Bid(long id, long providerId, String providerName, String creditCode, BigDecimal price, LocalDateTime submittedAt,
               boolean qualified, BigDecimal totalScore, Integer bidRank) {}

    record Contract(String code, long providerId, BigDecimal amount, Integer termMonths, LocalDate signedOn,
                    LocalDate publishedOn) {}

    record Milestone(int seq, String name, int sharePercent, BigDecimal amount, String status, LocalDateTime acceptedAt) {}

    record Payment(int milestoneSeq, BigDecimal amount, long ledgerSeq, LocalDateTime paidAt) {}

    @Select("SELECT p.code, p.title, p.category, c.name AS category_name, p.amount, p.fund_code, f.name AS fund_name, "
            + "p.purchaser_street, p.purchaser_district, COALESCE(s.name, d.name) AS buyer_name, p.method, p.status, "
            + "p.term_months, p.notice_published_on, p.bid_deadline, p.award_bid_id, p.award_notice_on, p.created_at, p.updated_at, "
            + "p.project_code, p.for_project "
            + "FROM procurement p JOIN service_category c ON c.code = p.category JOIN fund f ON f.code = p.fund_code "
            + "LEFT JOIN street_office s ON s.code = p.purchaser_street LEFT JOIN district d ON d.code = p.purchaser_district "
            + "WHERE p.code = #{code}")
    Optional<Procurement> procurement(String code);

    @Select("SELECT b.id, b.provider_id, v.name AS provider_name, v.credit_code, b.price, b.submitted_at, b.qualified, "
            + "b.total_score, b.bid_rank FROM bid b JOIN provider v ON v.id = b.provider_id "
            + "WHERE b.procurement_code = #{code} ORDER BY b.id")
    List<Bid> bids(String code);

    @Select("SELECT code, provider_id, amount, term_months, signed_on, published_on FROM contract WHERE procurement_code = #{code}")
    Optional<Contract> contract(String code);

    @Select("SELECT seq, name, percent AS share_percent, amount, status, accepted_at FROM delivery_milestone "
            + "WHERE subject_kind = 'CONTRACT' AND subject_code = #{code} ORDER BY seq")
    List<Milestone> milestones(String code);

    /** The milestones of a contract a service project delivers: the project's, which it adopted from the contract. */
    @Select("SELECT seq, name, percent AS share_percent, amount, status, accepted_at FROM delivery_milestone "
            + "WHERE subject_kind = 'PROJECT' AND subject_code = #{projectCode} ORDER BY seq")
    List<Milestone> projectMilestones(String projectCode);

    /** The payments of the subject that pays the contract: the procurement, or the project that delivers it. */
    @Select("SELECT milestone_seq, amount, ledger_seq, paid_at FROM milestone_payment WHERE subject_code = #{code} "
            + "ORDER BY milestone_seq")
    List<Payment> payments(String code);

    /** The purchases of a fiscal year whose notice is published (the public ones), oldest first. */
    @Select("SELECT code FROM procurement WHERE fiscal_year = #{year} AND notice_published_on IS NOT NULL ORDER BY code")
    List<String> publishedOfYear(int year);
}

package cn.shequ.transparency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * Read-only views of the fund ledger and the project books for one community. Nothing here
 * writes: the accounts are derived from the ledger every time they are read, never typed twice.
 */
@Mapper
interface AccountsMapper {

    record CommunityRow(String code, String name, String streetCode, String streetName) {}

    record LineRow(long seq, String fundCode, String entryType, BigDecimal amount, String projectCode,
                   Integer milestoneSeq, LocalDateTime at) {}

    record ProjectRow(String code, String title, String category, String categoryName, String status, BigDecimal amount,
                      String fundCode, BigDecimal reservedAmount, BigDecimal disbursedAmount) {}

    record MilestoneRow(String projectCode, int seq, String name) {}

    record SumRow(String projectCode, String entryType, BigDecimal total) {}

    record RaisedRow(long decisionId, String purpose, String category, BigDecimal decided, LocalDate heldOn,
                     String fundCode, String fundName, BigDecimal total, BigDecimal reserved, BigDecimal disbursed) {}

    String COMMUNITY_PROJECTS = "SELECT code FROM project WHERE community_code = #{community}";

    @Select("SELECT c.code, c.name, c.street_code, s.name AS street_name FROM community c "
            + "JOIN street_office s ON s.code = c.street_code ORDER BY c.street_code, c.code")
    List<CommunityRow> communities();

    @Select("SELECT c.code, c.name, c.street_code, s.name AS street_name FROM community c "
            + "JOIN street_office s ON s.code = c.street_code WHERE c.code = #{community}")
    Optional<CommunityRow> community(String community);

    /** The ledger lines that name a project of the community, in [from, until). */
    @Select("SELECT l.seq, l.fund_code, l.entry_type, l.amount, l.project_code, l.milestone_seq, l.at FROM fund_ledger l "
            + "WHERE l.project_code IN (" + COMMUNITY_PROJECTS + ") AND l.at >= #{from} AND l.at < #{until} ORDER BY l.seq")
    List<LineRow> projectLines(@Param("community") String community, @Param("from") LocalDateTime from,
                               @Param("until") LocalDateTime until);

    /** The ALLOCATE lines of the funds the community's residents raised, in [from, until). */
    @Select("SELECT l.seq, l.fund_code, l.entry_type, l.amount, l.project_code, l.milestone_seq, l.at FROM fund_ledger l "
            + "JOIN fund f ON f.code = l.fund_code WHERE f.owner_community = #{community} AND l.entry_type = 'ALLOCATE' "
            + "AND l.at >= #{from} AND l.at < #{until} ORDER BY l.seq")
    List<LineRow> raisedLines(@Param("community") String community, @Param("from") LocalDateTime from,
                              @Param("until") LocalDateTime until);

    /** The ledger's own sums by type (the auditor's side of the check), same lines as the two queries above. */
    @Select("SELECT NULL AS project_code, l.entry_type, SUM(l.amount) AS total FROM fund_ledger l "
            + "WHERE l.at >= #{from} AND l.at < #{until} AND (l.project_code IN (" + COMMUNITY_PROJECTS + ") "
            + "OR (l.entry_type = 'ALLOCATE' AND l.fund_code IN (SELECT code FROM fund WHERE owner_community = #{community}))) "
            + "GROUP BY l.entry_type")
    List<SumRow> ledgerTotals(@Param("community") String community, @Param("from") LocalDateTime from,
                              @Param("until") LocalDateTime until);

    /** Each project's ledger lines summed by type, up to {@code until}. */
    @Select("SELECT l.project_code, l.entry_type, SUM(l.amount) AS total FROM fund_ledger l "
            + "WHERE l.project_code IN (" + COMMUNITY_PROJECTS + ") AND l.at < #{until} GROUP BY l.project_code, l.entry_type")
    List<SumRow> projectTotals(@Param("community") String community, @Param("until") LocalDateTime until);

    /** Each project's milestone payments summed (the payment rows, kept beside the ledger). */
    @Select("SELECT subject_code AS project_code, 'PAYMENT' AS entry_type, SUM(amount) AS total FROM milestone_payment "
            + "WHERE subject_code IN (" + COMMUNITY_PROJECTS + ") GROUP BY subject_code")
    List<SumRow> paymentTotals(String community);

    @Select("SELECT p.code, p.title, p.category, c.name AS category_name, p.status, p.amount, p.fund_code, "
            + "p.reserved_amount, p.disbursed_amount FROM project p JOIN service_category c ON c.code = p.category "
            + "WHERE p.community_code = #{community} ORDER BY p.code")
    List<ProjectRow> projects(String community);

    @Select("SELECT subject_code AS project_code, seq, name FROM delivery_milestone WHERE subject_kind = 'PROJECT' "
            + "AND subject_code IN (" + COMMUNITY_PROJECTS + ")")
    List<MilestoneRow> milestones(String community);

    @Select("SELECT code, name FROM service_category ORDER BY sort_order")
    List<CategoryName> categories();

    record CategoryName(String code, String name) {}

    @Select("SELECT d.id AS decision_id, d.purpose, d.category, d.amount AS decided, d.held_on, d.fund_code, "
            + "f.name AS fund_name, f.total, f.reserved, f.disbursed FROM fundraising_decision d "
            + "JOIN fund f ON f.code = d.fund_code WHERE d.community_code = #{community} ORDER BY d.id")
    List<RaisedRow> raisedFunds(String community);
}

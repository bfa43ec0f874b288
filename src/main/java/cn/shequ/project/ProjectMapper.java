package cn.shequ.project;

import cn.shequ.delivery.MilestoneMapper;
import cn.shequ.delivery.MilestoneSubject;
import cn.shequ.fund.PaymentTerms;
import cn.shequ.persistence.ReadOnce;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Projects, their budget lines and milestones (dynamic list query in ProjectMapper.xml; milestones through delivery's MilestoneMapper). */
@Mapper
interface ProjectMapper extends MilestoneMapper {

    String COLUMNS = "code, title, category, community_code, beneficiaries, description, amount, fund_code, delivery_mode, "
            + "planned_start, planned_end, status, author, process_instance_id, reserved_amount, disbursed_amount, "
            + "score, grade, respondents, satisfied, created_at, updated_at";

    /**
     * The row as read: {@link #COLUMNS} and the contract and scores (set by their own statements), so that a step's
     * questions of the row it has read or locked are answered without another statement (issue 16).
     */
    String ROW = COLUMNS + ", supplier_user, purchaser_user, payment_term_days, late_interest_rate, "
            + "score_budget, score_outputs, score_outcomes, score_satisfaction";

    @Select("SELECT " + ROW + " FROM project WHERE code = #{code}")
    Optional<Project> find(String code);

    @Select("SELECT " + ROW + " FROM project WHERE code = #{code} FOR UPDATE")
    Optional<Project> lock(String code);

    List<Project> search(@Param("status") String status, @Param("communityCode") String communityCode);

    @Insert("INSERT INTO project (" + COLUMNS + ") VALUES (#{code}, #{title}, #{category}, #{communityCode}, "
            + "#{beneficiaries}, #{description}, #{amount}, #{fundCode}, #{deliveryMode}, #{plannedStart}, #{plannedEnd}, "
            + "#{status}, #{author}, #{processInstanceId}, #{reservedAmount}, #{disbursedAmount}, #{score}, #{grade}, "
            + "#{respondents}, #{satisfied}, #{createdAt}, #{updatedAt})")
    void insert(Project project);

    @Update("UPDATE project SET title = #{title}, category = #{category}, beneficiaries = #{beneficiaries}, "
            + "description = #{description}, amount = #{amount}, fund_code = #{fundCode}, delivery_mode = #{deliveryMode}, "
            + "planned_start = #{plannedStart}, planned_end = #{plannedEnd}, updated_at = #{updatedAt} WHERE code = #{code}")
    void updateProposal(Project project);

    @Update("UPDATE project SET process_instance_id = #{processInstanceId} WHERE code = #{code}")
    void setProcessInstance(@Param("code") String code, @Param("processInstanceId") String processInstanceId);

    @Update("UPDATE project SET status = #{status}, updated_at = #{at} WHERE code = #{code}")
    void setStatus(@Param("code") String code, @Param("status") String status, @Param("at") LocalDateTime at);

    @Update("UPDATE project SET reserved_amount = #{reserved}, disbursed_amount = #{disbursed}, updated_at = #{at} WHERE code = #{code}")
    void setMoney(@Param("code") String code, @Param("reserved") BigDecimal reserved,
                  @Param("disbursed") BigDecimal disbursed, @Param("at") LocalDateTime at);

    /** The final acceptance's survey, scores, total and the grade of that total, in one write (issue 16). */
    @Update("UPDATE project SET respondents = #{respondents}, satisfied = #{satisfied}, score = #{score}, "
            + "score_budget = #{budget}, score_outputs = #{outputs}, score_outcomes = #{outcomes}, "
            + "score_satisfaction = #{satisfaction}, grade = #{grade}, updated_at = #{at} WHERE code = #{code}")
    void setEvaluation(@Param("code") String code, @Param("respondents") int respondents,
                       @Param("satisfied") int satisfied, @Param("score") BigDecimal score,
                       @Param("budget") BigDecimal budget, @Param("outputs") BigDecimal outputs,
                       @Param("outcomes") BigDecimal outcomes, @Param("satisfaction") BigDecimal satisfaction,
                       @Param("grade") String grade, @Param("at") LocalDateTime at);

    /** The four scores of final acceptance (财预〔2020〕10号), by indicator: from the project's row (null without one). */
    default Scores scores(String code) {
        return find(code).map(p -> new Scores(p.scoreBudget(), p.scoreOutputs(), p.scoreOutcomes(), p.scoreSatisfaction()))
                .orElse(null);
    }

    /** The four scores of final acceptance (财预〔2020〕10号): budget execution 10, outputs 50, outcomes 30, satisfaction 10. */
    record Scores(BigDecimal scoreBudget, BigDecimal scoreOutputs, BigDecimal scoreOutcomes, BigDecimal scoreSatisfaction) {}

    @Update("UPDATE project SET grade = #{grade} WHERE code = #{code}")
    void setGrade(@Param("code") String code, @Param("grade") String grade);

    @Select("SELECT project_code, seq, item, amount FROM budget_line WHERE project_code = #{code} ORDER BY seq")
    List<BudgetLine> budgetLines(String code);

    @Delete("DELETE FROM budget_line WHERE project_code = #{code}")
    void deleteBudgetLines(String code);

    @Insert("INSERT INTO budget_line (project_code, seq, item, amount) VALUES (#{projectCode}, #{seq}, #{item}, #{amount})")
    void insertBudgetLine(BudgetLine line);

    // A project's milestones: delivery's statements (ADR 0054), under the project's names and type.

    default List<Milestone> milestones(String code) {
        return milestoneRows(MilestoneSubject.PROJECT, code).stream().map(Milestone::of).collect(Collectors.toList());
    }

    default Optional<Milestone> milestone(String code, int seq) {
        return milestoneRow(MilestoneSubject.PROJECT, code, seq).map(Milestone::of);
    }

    /** {@link #milestone} under the transaction's lock (the step that records it; ADR 0070). */
    default Optional<Milestone> lockMilestone(String code, int seq) {
        return lockMilestoneRow(MilestoneSubject.PROJECT, code, seq).map(Milestone::of);
    }

    default void deleteMilestones(String code) {
        deleteMilestoneRows(MilestoneSubject.PROJECT, code);
    }

    default void insertMilestone(Milestone m) {
        insertMilestoneRow(MilestoneSubject.PROJECT, m.projectCode(), m.seq(), m.name(), m.percent(), m.amount(), m.status());
    }

    default void reportMilestone(String code, int seq, String summary, String evidence, String actor, LocalDateTime at) {
        reportMilestoneRow(MilestoneSubject.PROJECT, code, seq, summary, evidence, actor, at);
    }

    default void acceptMilestone(String code, int seq, String status, String actor, LocalDateTime at, Integer served) {
        acceptMilestoneRow(MilestoneSubject.PROJECT, code, seq, status, actor, at, served);
    }

    default void approveMilestone(String code, int seq, String status, String actor, LocalDateTime at) {
        approveMilestoneRow(MilestoneSubject.PROJECT, code, seq, status, actor, at);
    }

    default void setMilestoneStatus(String code, int seq, String status) {
        setMilestoneRowStatus(MilestoneSubject.PROJECT, code, seq, status);
    }

    /** The columns {@link #supplierOf} and {@link #purchaserOf} take from the project's row. */
    Set<String> CONTRACT_PARTIES = Set.of("supplier_user", "purchaser_user");

    /**
     * The contract the project delivers, if it bought its service: the provider's user, the purchaser and the payment
     * terms, all null otherwise. Taken from the project's row ({@link #find}), which the step has read or locked
     * already: ReadOnce answers it in the transaction without another statement (issue 16).
     */
    record ContractParties(String supplierUser, String purchaserUser, Integer paymentTermDays, BigDecimal lateInterestRate) {}

    default Optional<ContractParties> contractParties(String code) {
        return find(code).map(p -> new ContractParties(p.supplierUser(), p.purchaserUser(), p.paymentTermDays(),
                p.lateInterestRate()));
    }

    /** The user of the provider contracted through the project's purchase, who reports its milestones; null otherwise. */
    default String supplierOf(String code) {
        // the parties only: the transaction's own UPDATE of the project's money or status leaves them (ADR 0070)
        return ReadOnce.using(CONTRACT_PARTIES, () -> contractParties(code)).map(ContractParties::supplierUser).orElse(null);
    }

    @Update("UPDATE project SET supplier_user = #{supplier}, purchaser_user = #{purchaser}, "
            + "payment_term_days = #{terms.days}, late_interest_rate = #{terms.dailyRate} WHERE code = #{code}")
    void setContract(@Param("code") String code, @Param("supplier") String supplier, @Param("purchaser") String purchaser,
                     @Param("terms") PaymentTerms terms);

    @Update("UPDATE project SET procurement_code = #{procurementCode} WHERE code = #{code}")
    void setPurchase(@Param("code") String code, @Param("procurementCode") String procurementCode);

    @Select("SELECT code FROM project WHERE procurement_code = #{procurementCode}")
    String projectBuying(String procurementCode);

    /** The purchase the project called last, if it buys its service. */
    @Select("SELECT procurement_code FROM project WHERE code = #{code}")
    String purchaseOf(String code);

    /** The purchaser of the contract the project delivers, who accepts its milestones; null otherwise. */
    default String purchaserOf(String code) {
        return ReadOnce.using(CONTRACT_PARTIES, () -> contractParties(code)).map(ContractParties::purchaserUser).orElse(null);
    }

    /** The payment terms of the contract the project delivers; none without a contract. */
    default Optional<PaymentTerms> contractTerms(String code) {
        return contractParties(code).filter(c -> c.paymentTermDays() != null)
                .map(c -> new PaymentTerms(c.paymentTermDays(), c.lateInterestRate()));
    }

    @Select("SELECT name FROM service_category WHERE code = #{code}")
    String categoryName(String code);

    @Select("SELECT COUNT(*) FROM service_category WHERE code = #{code}")
    int countCategory(String code);



}

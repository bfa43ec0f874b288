package cn.shequ.audit.anomaly;

import cn.shequ.audit.AuditActions;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The anomaly rules' SQL, read-only, over Shequ's own tables (never the engine's). Portable between
 * H2 and MySQL/MariaDB. Each query is served by an index: audit_entry (action, seq), the primary keys
 * of milestone_payment and project_milestone, fund_ledger (project_code, seq), work_item (due).
 */
@Mapper
interface AnomalyMapper {

    /** A refused attempt as the audit log keeps it. */
    record Refusal(long seq, LocalDateTime at, String actor, String subjectCode, String taskKey, String decision,
                   String comment) {}

    String REFUSALS = "SELECT seq, at, actor, subject_code, task_key, decision, comment FROM audit_entry "
            + "WHERE action = '" + AuditActions.RULE_REFUSED + "' ";

    @Select(REFUSALS + "AND SUBSTRING(decision, 1, 4) = 'SOD_' ORDER BY seq")
    List<Refusal> dutySegregationRefusals();

    @Select(REFUSALS + "AND decision = #{decision} ORDER BY seq")
    List<Refusal> refusals(String decision);

    /** A project's milestone payment whose milestone was not (or not yet) accepted when it was paid. */
    record UnacceptedPayment(String subjectCode, int milestoneSeq, BigDecimal amount, LocalDateTime paidAt,
                             String paidBy, Integer milestoneFound, String milestoneStatus,
                             LocalDateTime milestoneAcceptedAt) {}

    @Select("SELECT mp.subject_code, mp.milestone_seq, mp.amount, mp.paid_at, mp.paid_by, pm.seq AS milestone_found, "
            + "pm.status AS milestone_status, pm.accepted_at AS milestone_accepted_at "
            + "FROM milestone_payment mp JOIN project p ON p.code = mp.subject_code "
            + "LEFT JOIN project_milestone pm ON pm.project_code = mp.subject_code AND pm.seq = mp.milestone_seq "
            + "WHERE pm.seq IS NULL OR pm.accepted_at IS NULL OR pm.accepted_at > mp.paid_at "
            + "OR pm.status NOT IN ('ACCEPTED', 'APPROVED', 'PAID') ORDER BY mp.paid_at")
    List<UnacceptedPayment> paymentsWithoutAcceptance();

    /** A payment flagged late when it was made, or an accepted milestone still unpaid. */
    record Payment(String subjectCode, int milestoneSeq, BigDecimal amount, LocalDateTime acceptedAt,
                   LocalDateTime paidAt, String paidBy) {}

    @Select("SELECT subject_code, milestone_seq, amount, accepted_at, paid_at, paid_by FROM milestone_payment "
            + "WHERE late = TRUE ORDER BY paid_at")
    List<Payment> latePayments();

    @Select("SELECT pm.project_code AS subject_code, pm.seq AS milestone_seq, pm.amount, pm.accepted_at, "
            + "NULL AS paid_at, NULL AS paid_by FROM project_milestone pm "
            + "WHERE pm.status IN ('ACCEPTED', 'APPROVED') AND pm.accepted_at < #{acceptedBefore} "
            + "AND NOT EXISTS (SELECT 1 FROM milestone_payment mp WHERE mp.subject_code = pm.project_code "
            + "AND mp.milestone_seq = pm.seq) ORDER BY pm.accepted_at")
    List<Payment> unpaidAcceptedBefore(@Param("acceptedBefore") LocalDateTime acceptedBefore);

    /** A subject's movements on one fund, summed by kind, when it was paid more than was reserved for it. */
    record Overdrawn(String projectCode, String fundCode, BigDecimal reserved, BigDecimal released,
                     BigDecimal disbursed, LocalDateTime lastDisbursedAt) {}

    String RESERVED = "SUM(CASE WHEN entry_type = 'RESERVE' THEN amount ELSE 0 END)";
    String RELEASED = "SUM(CASE WHEN entry_type = 'RELEASE' THEN amount ELSE 0 END)";
    String DISBURSED = "SUM(CASE WHEN entry_type = 'DISBURSE' THEN amount ELSE 0 END)";

    @Select("SELECT project_code, fund_code, " + RESERVED + " AS reserved, " + RELEASED + " AS released, "
            + DISBURSED + " AS disbursed, MAX(CASE WHEN entry_type = 'DISBURSE' THEN at END) AS last_disbursed_at "
            + "FROM fund_ledger WHERE project_code IS NOT NULL GROUP BY project_code, fund_code "
            + "HAVING " + DISBURSED + " > " + RESERVED + " - " + RELEASED + " ORDER BY project_code, fund_code")
    List<Overdrawn> disbursedBeyondReservation();

    /** A reservation or payment of a ring-fenced fund for a project of a category the fund may not pay for. */
    record DivertedLine(long seq, String fundCode, String entryType, BigDecimal amount, String projectCode,
                        LocalDateTime at, String category) {}

    @Select("SELECT l.seq, l.fund_code, l.entry_type, l.amount, l.project_code, l.at, p.category "
            + "FROM fund_ledger l JOIN project p ON p.code = l.project_code JOIN fund f ON f.code = l.fund_code "
            + "WHERE f.all_categories = FALSE AND l.entry_type IN ('RESERVE', 'DISBURSE') "
            + "AND NOT EXISTS (SELECT 1 FROM fund_category fc WHERE fc.fund_code = l.fund_code "
            + "AND fc.category_code = p.category) ORDER BY l.seq")
    List<DivertedLine> ringFencedLinesOfOtherCategories();

    /** An escalation the process's timer recorded. */
    @Select("SELECT seq, at, actor, subject_code, task_key, decision, comment FROM audit_entry "
            + "WHERE action = '" + AuditActions.REVIEW_ESCALATED + "' ORDER BY seq")
    List<Refusal> escalations();

    /** An open task past its due date that the timer has not escalated yet. */
    record OverdueTask(String taskId, String taskKey, String name, String subjectCode, LocalDateTime created,
                       LocalDateTime due) {}

    @Select("SELECT DISTINCT task_id, task_key, name, subject_code, created, due FROM work_item "
            + "WHERE due < #{now} AND escalated = FALSE ORDER BY due, task_id")
    List<OverdueTask> openTasksPastDue(@Param("now") LocalDateTime now);
}

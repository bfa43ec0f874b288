package cn.shequ.auditor.anomaly;

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
 * of milestone_payment, delivery_milestone, project and procurement, work_item (due);
 * the ledger and purchase queries read those tables whole (thousands of rows a year, not millions).
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

    /**
     * A milestone payment whose milestone (a project's, or a purchase contract's) was not accepted when
     * it was paid: missing, never accepted, accepted only afterwards, or not in an accepted state.
     */
    record UnacceptedPayment(String subjectCode, int milestoneSeq, BigDecimal amount, LocalDateTime paidAt,
                             String paidBy, Integer milestoneFound, String milestoneStatus,
                             LocalDateTime milestoneAcceptedAt) {}

    String NOT_ACCEPTED = "WHERE m.seq IS NULL OR m.accepted_at IS NULL OR m.accepted_at > mp.paid_at "
            + "OR m.status NOT IN ('ACCEPTED', 'APPROVED', 'PAID')";
    String PAYMENT_COLUMNS = "SELECT mp.subject_code, mp.milestone_seq, mp.amount, mp.paid_at, mp.paid_by, "
            + "m.seq AS milestone_found, m.status AS milestone_status, m.accepted_at AS milestone_accepted_at ";

    @Select(PAYMENT_COLUMNS + "FROM milestone_payment mp JOIN project p ON p.code = mp.subject_code "
            + "LEFT JOIN delivery_milestone m ON m.subject_kind = 'PROJECT' AND m.subject_code = mp.subject_code "
            + "AND m.seq = mp.milestone_seq "
            + NOT_ACCEPTED + " UNION ALL "
            + PAYMENT_COLUMNS + "FROM milestone_payment mp JOIN procurement p ON p.code = mp.subject_code "
            + "LEFT JOIN delivery_milestone m ON m.subject_kind = 'CONTRACT' AND m.subject_code = mp.subject_code "
            + "AND m.seq = mp.milestone_seq "
            + NOT_ACCEPTED)
    List<UnacceptedPayment> paymentsWithoutAcceptance();

    /** A payment flagged late when it was made, with the figures computed and stored then. */
    record PaidLate(String subjectCode, int milestoneSeq, BigDecimal amount, LocalDateTime acceptedAt,
                    LocalDateTime paidAt, String paidBy, int paymentTermDays, BigDecimal interestRate, int daysLate,
                    BigDecimal lateInterest) {}

    @Select("SELECT subject_code, milestone_seq, amount, accepted_at, paid_at, paid_by, payment_term_days, interest_rate, "
            + "days_late, late_interest FROM milestone_payment WHERE late = TRUE ORDER BY paid_at")
    List<PaidLate> latePayments();

    /**
     * An accepted milestone still unpaid, with the terms it is due under: a contract's (a project that
     * bought its service pays on its contract's), or none (null): the regulation's defaults.
     */
    record Unpaid(String subjectCode, int milestoneSeq, BigDecimal amount, LocalDateTime acceptedAt,
                  Integer paymentTermDays, BigDecimal lateInterestRate) {}

    String UNPAID = "m.seq AS milestone_seq, m.amount, m.accepted_at, ";
    String UNPAID_WHERE = " WHERE m.status IN ('ACCEPTED', 'APPROVED') AND m.accepted_at < #{acceptedBefore} "
            + "AND NOT EXISTS (SELECT 1 FROM milestone_payment mp WHERE mp.subject_code = ";

    @Select("SELECT m.subject_code, " + UNPAID + "p.payment_term_days, p.late_interest_rate "
            + "FROM delivery_milestone m JOIN project p ON p.code = m.subject_code" + UNPAID_WHERE
            + "m.subject_code AND mp.milestone_seq = m.seq) AND m.subject_kind = 'PROJECT' UNION ALL "
            + "SELECT m.subject_code, " + UNPAID + "c.payment_term_days, c.late_interest_rate "
            + "FROM delivery_milestone m LEFT JOIN contract c ON c.procurement_code = m.subject_code" + UNPAID_WHERE
            + "m.subject_code AND mp.milestone_seq = m.seq) AND m.subject_kind = 'CONTRACT'")
    List<Unpaid> unpaidAcceptedBefore(@Param("acceptedBefore") LocalDateTime acceptedBefore);

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

    /** A reservation or payment of a ring-fenced fund for a subject of a category the fund may not pay for. */
    record DivertedLine(long seq, String fundCode, String entryType, BigDecimal amount, String projectCode,
                        LocalDateTime at, String category) {}

    String DIVERTED = "SELECT l.seq, l.fund_code, l.entry_type, l.amount, l.project_code, l.at, s.category "
            + "FROM fund_ledger l JOIN fund f ON f.code = l.fund_code JOIN ";
    String DIVERTED_WHERE = " s ON s.code = l.project_code WHERE f.all_categories = FALSE "
            + "AND l.entry_type IN ('RESERVE', 'DISBURSE') AND NOT EXISTS (SELECT 1 FROM fund_category fc "
            + "WHERE fc.fund_code = l.fund_code AND fc.category_code = s.category)";

    /** Projects' and purchases' lines (a purchase reserves and pays under its own code). */
    @Select(DIVERTED + "project" + DIVERTED_WHERE + " UNION ALL " + DIVERTED + "procurement" + DIVERTED_WHERE)
    List<DivertedLine> ringFencedLinesOfOtherCategories();

    /** Purchases that went ahead (not cancelled, not refused a method), for the split rule. */
    @Select("SELECT code, COALESCE(purchaser_street, purchaser_district) AS purchaser, category, fiscal_year, amount, "
            + "method, created_at AS started_at FROM procurement WHERE status NOT IN ('CANCELLED', 'REJECTED') ORDER BY code")
    List<PurchaseRecords.Purchase> purchases();

    /** Every awarded purchase with its contract's dates (none while unsigned). */
    @Select("SELECT p.code AS procurement_code, p.award_notice_on, c.signed_on, c.published_on, c.signing_recorded_at FROM procurement p "
            + "LEFT JOIN contract c ON c.procurement_code = p.code "
            + "WHERE p.award_notice_on IS NOT NULL AND p.status NOT IN ('CANCELLED', 'REJECTED') ORDER BY p.code")
    List<PurchaseRecords.Contract> contracts();

    /** An escalation a process's timer recorded: a project's review, or a purchase's task. */
    @Select("SELECT seq, at, actor, subject_code, task_key, decision, comment FROM audit_entry "
            + "WHERE action IN ('" + AuditActions.REVIEW_ESCALATED + "', '" + AuditActions.TASK_ESCALATED + "') ORDER BY seq")
    List<Refusal> escalations();

    /** An open task past its due date, escalated or not. */
    record OverdueTask(String taskId, String taskKey, String name, String subjectCode, LocalDateTime created,
                       LocalDateTime due) {}

    @Select("SELECT DISTINCT task_id, task_key, name, subject_code, created, due FROM work_item "
            + "WHERE due < #{now} ORDER BY due, task_id")
    List<OverdueTask> openTasksPastDue(@Param("now") LocalDateTime now);
}

package cn.shequ.auditor.workspace;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * Read-only SQL of the workspace (dynamic queries in WorkspaceMapper.xml). Auditors read every
 * feature's tables; nothing here writes. Each query is an index lookup: audit_entry (subject_code, seq)
 * and (actor, seq), fund_ledger (project_code, seq), document (subject_code, issued_at),
 * work_item (subject_code), and the engine's own ACT_HI_PROCINST (BUSINESS_KEY_) and
 * ACT_HI_TASKINST (ROOT_PROC_INST_ID_) indexes.
 */
@Mapper
interface WorkspaceMapper {

    /** A project as the auditor's search and dossier show it, names resolved. */
    record ProjectRow(String code, String title, String status, String category, String categoryName,
                      String communityCode, String communityName, BigDecimal amount, String fundCode,
                      String deliveryMode, String author, String authorName, BigDecimal reservedAmount,
                      BigDecimal disbursedAmount, String grade, LocalDateTime createdAt, LocalDateTime updatedAt) {}

    /** {@code codePattern} is a LIKE pattern escaped with '!'; dates are inclusive days of created_at. */
    List<ProjectRow> searchProjects(@Param("codePattern") String codePattern, @Param("communityCode") String communityCode,
                                    @Param("status") String status, @Param("from") LocalDateTime from,
                                    @Param("toExclusive") LocalDateTime toExclusive, @Param("limit") int limit);

    Optional<ProjectRow> project(String code);

    /** An audit entry as the timeline and activity read it ({@code at} in China Standard Time). */
    record EntryRow(long seq, LocalDateTime at, String actor, String action, String subjectCode, String taskKey,
                    String decision, String comment, String details) {}

    @Select("SELECT seq, at, actor, action, subject_code, task_key, decision, comment, details FROM audit_entry "
            + "WHERE subject_code = #{code} ORDER BY seq")
    List<EntryRow> entriesOf(String code);

    /** Newest first, at most {@code limit}, before {@code beforeSeq} (paging). */
    @Select("SELECT seq, at, actor, action, subject_code, task_key, decision, comment, details FROM audit_entry "
            + "WHERE actor = #{actor} AND seq < #{beforeSeq} ORDER BY seq DESC LIMIT #{limit}")
    List<EntryRow> entriesBy(@Param("actor") String actor, @Param("beforeSeq") long beforeSeq, @Param("limit") int limit);

    record UserName(String userId, String displayName) {}

    List<UserName> names(@Param("userIds") Collection<String> userIds);

    @Select("SELECT user_id, display_name FROM user_affiliation ORDER BY user_id")
    List<UserName> users();

    /** One user task of the subject's process instances, from the engine's history. */
    record EngineTask(String id, String taskKey, String name, String assignee, Instant started, Instant ended,
                      Instant due, String deleteReason) {}

    @Select("SELECT t.ID_ AS id, t.TASK_DEF_KEY_ AS task_key, t.NAME_ AS name, t.ASSIGNEE_ AS assignee, "
            + "t.START_TIME_ AS started, t.END_TIME_ AS ended, t.DUE_DATE_ AS due, t.DELETE_REASON_ AS delete_reason "
            + "FROM ACT_HI_TASKINST t WHERE t.ROOT_PROC_INST_ID_ IN "
            + "(SELECT p.ID_ FROM ACT_HI_PROCINST p WHERE p.BUSINESS_KEY_ = #{code}) ORDER BY t.START_TIME_, t.ID_")
    List<EngineTask> engineTasks(String code);

    /** An open task of the subject, once per candidate group. */
    record OpenTask(String taskId, String taskKey, String name, String candidateGroup, String assignee,
                    LocalDateTime created, LocalDateTime due, boolean escalated) {}

    @Select("SELECT task_id, task_key, name, candidate_group, assignee, created, due, escalated FROM work_item "
            + "WHERE subject_code = #{code} ORDER BY created, task_id")
    List<OpenTask> openTasks(String code);

    record DocumentRow(long id, String docType, String number, int version, String sha256, LocalDateTime issuedAt,
                       String issuedBy) {}

    @Select("SELECT id, doc_type, number, version, sha256, issued_at, issued_by FROM document "
            + "WHERE subject_code = #{code} ORDER BY issued_at, id")
    List<DocumentRow> documents(String code);

    record LedgerRow(long seq, String fundCode, String entryType, BigDecimal amount, String projectCode,
                     Integer milestoneSeq, LocalDateTime at, String actor, BigDecimal availableAfter) {}

    @Select("SELECT seq, fund_code, entry_type, amount, project_code, milestone_seq, at, actor, available_after "
            + "FROM fund_ledger WHERE project_code = #{code} ORDER BY seq")
    List<LedgerRow> ledgerOfProject(String code);

    @Select("SELECT seq, fund_code, entry_type, amount, project_code, milestone_seq, at, actor, available_after "
            + "FROM fund_ledger WHERE fund_code = #{fundCode} ORDER BY seq")
    List<LedgerRow> ledgerOfFund(String fundCode);

    record FundRow(String code, String name, String source, int fiscalYear, BigDecimal total, BigDecimal reserved,
                   BigDecimal disbursed) {}

    @Select("SELECT code, name, source, fiscal_year, total, reserved, disbursed FROM fund WHERE code = #{code}")
    Optional<FundRow> fund(String code);

    /** For the 404 of a timeline: whether anything is known under the code. */
    @Select("SELECT COUNT(*) FROM project WHERE code = #{code}")
    int countProject(String code);
}

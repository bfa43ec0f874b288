package cn.shequ.audit;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The audit log's tables: appends under the head lock, and the timelines. Never an UPDATE of an entry. */
@Mapper
interface AuditMapper {

    /** A stored entry's row as the timeline reads it ({@code at} in China Standard Time). */
    record TimelineRow(long seq, LocalDateTime at, String actor, String action, String taskKey, String decision,
                       String comment, String details) {}

    /** Locks the head until the transaction ends: appends serialize here. */
    @Select("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
    @Options(flushCache = Options.FlushCachePolicy.TRUE, useCache = false)
    ChainCheck.Head lockHead();

    /** {@code at} is text ({@code 2026-11-20 09:30:00.123}): see {@link AuditLog} on fractional seconds. */
    @Insert("INSERT INTO audit_entry (" + AuditVerifier.COLUMNS + ") VALUES (#{e.seq}, #{at}, #{e.actor}, #{e.action}, "
            + "#{e.subjectCode}, #{e.taskKey}, #{e.decision}, #{e.comment}, #{e.details}, #{e.prevHash}, #{e.hash})")
    void insert(@Param("e") AuditEntry entry, @Param("at") String at);

    @Update("UPDATE audit_head SET last_seq = #{lastSeq}, last_hash = #{lastHash} WHERE id = 1")
    void moveHead(ChainCheck.Head head);

    @Select("SELECT seq, at, actor, action, task_key, decision, comment, details FROM audit_entry "
            + "WHERE subject_code = #{code} ORDER BY seq")
    List<TimelineRow> timeline(String code);
}

package cn.shequ.audit;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The audit log's tables: appends under the head lock. Never an UPDATE of an entry (the workspace reads them). */
@Mapper
interface AuditMapper {

    /** Locks the head until the transaction ends: appends serialize here. */
    @Select("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
    @Options(flushCache = Options.FlushCachePolicy.TRUE, useCache = false)
    ChainCheck.Head lockHead();

    /** {@code at} is text ({@code 2026-11-20 09:30:00.123}): see {@link AuditLog} on fractional seconds. */
    /** The entries of one transaction, in seq order, in one statement (all written at the same {@code at}). */
    @Insert("<script>INSERT INTO audit_entry (" + AuditVerifier.COLUMNS + ") VALUES "
            + "<foreach collection='entries' item='e' separator=','>(#{e.seq}, #{at}, #{e.actor}, #{e.action}, "
            + "#{e.subjectCode}, #{e.taskKey}, #{e.decision}, #{e.comment}, #{e.details}, #{e.prevHash}, #{e.hash})</foreach>"
            + "</script>")
    void insert(@Param("entries") List<AuditEntry> entries, @Param("at") String at);

    @Update("UPDATE audit_head SET last_seq = #{lastSeq}, last_hash = #{lastHash} WHERE id = 1")
    void moveHead(ChainCheck.Head head);

    /**
     * Moves the head to {@code to} only if it is still {@code from}, locking it until the transaction ends: 1 when
     * it was (the entries chained to {@code from} follow the last one), 0 when another transaction moved it. The
     * database compares against the head as last committed, after any lock it waited for.
     */
    @Update("UPDATE audit_head SET last_seq = #{to.lastSeq}, last_hash = #{to.lastHash} "
            + "WHERE id = 1 AND last_seq = #{from.lastSeq} AND last_hash = #{from.lastHash}")
    int moveHeadFrom(@Param("from") ChainCheck.Head from, @Param("to") ChainCheck.Head to);
}

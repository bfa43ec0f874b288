package cn.shequ.audit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The published heads of the audit chain (audit_published_head) and the chain positions they are taken from. */
@Mapper
interface PublishedHeadMapper {

    String COLUMNS = "head_date, last_seq, last_hash, published_at, node, public_key, signature";

    /** The head as committed now (no lock: a document names the chain as far as it was written). */
    @Select("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
    ChainCheck.Head head();

    /** The last entry written before {@code end} (China Standard Time), or null when there is none. */
    @Select("SELECT seq AS last_seq, hash AS last_hash FROM audit_entry "
            + "WHERE seq = (SELECT MAX(seq) FROM audit_entry WHERE at < #{end})")
    ChainCheck.Head lastBefore(LocalDateTime end);

    @Select("SELECT " + COLUMNS + " FROM audit_published_head WHERE head_date = #{date}")
    Optional<PublishedHead> find(LocalDate date);

    @Select("SELECT " + COLUMNS + " FROM audit_published_head ORDER BY head_date DESC LIMIT #{limit}")
    List<PublishedHead> recent(@Param("limit") int limit);

    /** Fails with a duplicate key when another node published the day first. */
    @Insert("INSERT INTO audit_published_head (" + COLUMNS + ") VALUES (#{h.headDate}, #{h.lastSeq}, #{h.lastHash}, "
            + "#{h.publishedAt}, #{h.node}, #{h.publicKey}, #{h.signature})")
    void insert(@Param("h") PublishedHead head);
}

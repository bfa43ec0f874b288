package cn.shequ.project;

import cn.shequ.persistence.ReadOnce;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * What a task's creation reads of its project: its name (code, title, amount), its community, its process, its
 * author and its status. Read through {@link ReadOnce#using} with exactly these columns (ADR 0070): after the
 * transaction's own UPDATE of other columns (a reservation, a payment, the scores), the row read before it answers
 * instead of being read again; after an UPDATE of any of these, it is read again.
 */
record ProjectHead(String code, String title, BigDecimal amount, String communityCode, String processInstanceId,
                   String author, String status) {

    /** The columns of the components above, as {@code project} names them. */
    static final Set<String> COLUMNS = Set.of("code", "title", "amount", "community_code", "process_instance_id", "author",
            "status");

    static Optional<ProjectHead> find(ProjectMapper projects, String code) {
        return ReadOnce.using(COLUMNS, () -> projects.find(code)).map(p -> new ProjectHead(p.code(), p.title(), p.amount(),
                p.communityCode(), p.processInstanceId(), p.author(), p.status()));
    }
}

package cn.shequ.audit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** A row of {@code audit_published_head}: the head of one day as it was published and signed. */
public record PublishedHead(LocalDate headDate, long lastSeq, String lastHash, LocalDateTime publishedAt, String node,
                            String publicKey, String signature) {

    private static final DateTimeFormatter PUBLISHED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'+08:00'");

    /** The signed file this row was published as. */
    public HeadFile file() {
        return new HeadFile(headDate, lastSeq, lastHash, publishedAt(publishedAt), publicKey, signature);
    }

    /** {@code at} (China Standard Time, whole seconds) as the head file writes it. */
    static String publishedAt(LocalDateTime at) {
        return PUBLISHED_AT.format(at);
    }
}

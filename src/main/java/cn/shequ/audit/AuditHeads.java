package cn.shequ.audit;

import cn.shequ.engine.ShequClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes the head of the audit chain where it cannot be rewritten with the database
 * (docs/audit-head.md, issue 10 finding 8): at each day's end the seq and hash of the last entry
 * written before midnight (China Standard Time) go, signed with an Ed25519 key kept outside the
 * database, into {@code <directory>/<date>.head}, into {@code audit_published_head} (one row a day:
 * its primary key lets the first node publish and the others pass), into the audit chain itself
 * (AUDIT_HEAD_PUBLISHED), and onto the public site (GET /public/audit-heads). The documents of the
 * disclosure kind print the head as it stands when they are issued ({@link #current()}).
 */
@Service
public class AuditHeads {

    public static final String PUBLISHED = "AUDIT_HEAD_PUBLISHED";

    /** How far back a node that was down catches up on days not yet published. */
    static final int CATCH_UP_DAYS = 31;

    private static final Logger log = LoggerFactory.getLogger(AuditHeads.class);

    private final PublishedHeadMapper mapper;
    private final AuditLog audit;
    private final ShequClock clock;
    private final Path directory;
    private final Path keyFile;
    private volatile HeadSigningKey key;

    AuditHeads(PublishedHeadMapper mapper, AuditLog audit, ShequClock clock,
               @Value("${shequ.audit-head.directory:${shequ.data-dir}/audit-heads}") String directory,
               @Value("${shequ.audit-head.key-file:}") String keyFile) {
        this.mapper = mapper;
        this.audit = audit;
        this.clock = clock;
        this.directory = Path.of(directory);
        this.keyFile = keyFile == null || keyFile.isBlank() ? this.directory.resolve("signing-key") : Path.of(keyFile);
    }

    /** The chain's head as committed now: what a document issued now can vouch for. */
    public ChainHead current() {
        ChainCheck.Head head = mapper.head();
        return head == null ? new ChainHead(0, CanonicalForm.GENESIS) : new ChainHead(head.lastSeq(), head.lastHash());
    }

    /** Seq and hash of the last entry of the chain at some moment. */
    public record ChainHead(long seq, String hash) {

        /** As a document prints it: 第 N 条 · SHA-256 … */
        public String describe() {
            return "第 " + seq + " 条记录，哈希 " + hash;
        }
    }

    /** The published heads, newest first (at most {@code limit}). */
    public List<PublishedHead> published(int limit) {
        return mapper.recent(limit);
    }

    public Optional<PublishedHead> published(LocalDate day) {
        return mapper.find(day);
    }

    /** The newest published head, as the head a verification compares the chain with by default. */
    public Optional<ExpectedHead> latestPublished() {
        return mapper.recent(1).stream().findFirst()
                .map(h -> new ExpectedHead(h.lastSeq(), h.lastHash(), "published " + h.headDate()));
    }

    /** Where the head file of {@code day} is written. */
    public Path file(LocalDate day) {
        return directory.resolve(day + ".head");
    }

    /**
     * Publishes the head of {@code day} (the last entry written before the next midnight) unless it
     * was published already, by this node or another; returns it when this call published it. The
     * row, the file and the audit entry are written together: a file that cannot be written leaves
     * no row, and the day is tried again next time.
     */
    @Transactional
    public Optional<PublishedHead> publish(LocalDate day) {
        if (mapper.find(day).isPresent()) {
            return Optional.empty();
        }
        ChainCheck.Head end = mapper.lastBefore(day.plusDays(1).atStartOfDay());
        long seq = end == null ? 0 : end.lastSeq();
        String hash = end == null ? CanonicalForm.GENESIS : end.lastHash();
        LocalDateTime at = clock.localNow().truncatedTo(ChronoUnit.SECONDS);
        HeadSigningKey signing = key();
        HeadFile unsigned = new HeadFile(day, seq, hash, PublishedHead.publishedAt(at), signing.publicKey(), "");
        PublishedHead head = new PublishedHead(day, seq, hash, at, node(), signing.publicKey(), signing.sign(unsigned.signedText()));
        try {
            mapper.insert(head);
        } catch (DuplicateKeyException anotherNode) {
            return Optional.empty();
        }
        write(head.file());
        audit.append(AuditEvent.of(AuditEvent.SYSTEM, PUBLISHED).detail("date", day.toString()).detail("seq", seq)
                .detail("hash", hash).detail("publicKey", signing.publicKey()));
        log.info("audit chain head of {} published: seq {} hash {} in {}", day, seq, hash, file(day));
        return Optional.of(head);
    }

    /**
     * The days up to yesterday that are not published yet: yesterday, or every day after the newest
     * published one (at most {@value #CATCH_UP_DAYS} back), oldest first.
     */
    List<LocalDate> due() {
        LocalDate yesterday = clock.today().minusDays(1);
        LocalDate from = mapper.recent(1).stream().findFirst().map(h -> h.headDate().plusDays(1)).orElse(yesterday);
        if (from.isBefore(yesterday.minusDays(CATCH_UP_DAYS))) {
            from = yesterday.minusDays(CATCH_UP_DAYS);
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(yesterday); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    private void write(HeadFile head) {
        Path target = file(head.date());
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, "." + head.date(), ".tmp");
            Files.writeString(temp, head.text(), StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit head file " + target, e);
        }
    }

    private HeadSigningKey key() {
        HeadSigningKey loaded = key;
        if (loaded == null) {
            synchronized (this) {
                if (key == null) {
                    key = HeadSigningKey.loadOrCreate(keyFile);
                }
                loaded = key;
            }
        }
        return loaded;
    }

    /** The public half of the signing key (created on first use). */
    public String publicKey() {
        return key().publicKey();
    }

    private static String node() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.length() > 64 ? name.substring(0, 64) : name;
        } catch (IOException e) {
            return "unknown";
        }
    }
}

package cn.shequ.reports;

import cn.shequ.document.DocumentContent;
import cn.shequ.document.DocumentService;
import cn.shequ.document.DocumentType;
import cn.shequ.document.IssuedDocument;
import cn.shequ.engine.ShequClock;
import cn.shequ.identity.Community;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.OrganisationMapper;
import cn.shequ.refusal.Refusal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 居务公开 by period (居委会法 art. 16; by analogy with 村委会组织法 art. 30, quarterly): at the end of each
 * period ({@code shequ.disclosure.period-months}, 3 by default) each community's disclosure is issued — the
 * projects approved, the residents' meetings held with their decisions and how each was carried out
 * (status, money paid, grade), the payments made, the purchases that served them, the community's
 * accounts when they are kept ({@link DisclosedAccounts}) — as a fingerprinted PDF through the document
 * service, which writes it into the audit chain. Issued once whatever the number of nodes: the row's
 * unique key (community, period, version) is taken first, in the transaction that issues the PDF, and a
 * node whose insert fails passes. A disclosure is never changed; a correction is a new version naming
 * the one it replaces and why.
 */
@Service
public class PeriodicDisclosures {

    private static final Logger log = LoggerFactory.getLogger(PeriodicDisclosures.class);

    private final PeriodicDisclosureMapper mapper;
    private final PeriodicDisclosureDocument document;
    private final DocumentService documents;
    private final OrganisationMapper organisations;
    private final ShequClock clock;
    private final TransactionTemplate transaction;
    private final int periodMonths;

    PeriodicDisclosures(PeriodicDisclosureMapper mapper, PeriodicDisclosureDocument document, DocumentService documents,
                        OrganisationMapper organisations, ShequClock clock, TransactionTemplate transaction,
                        @Value("${shequ.disclosure.period-months:3}") int periodMonths) {
        if (!DisclosurePeriod.MONTHS.contains(periodMonths)) {
            throw new IllegalStateException("配置项 shequ.disclosure.period-months 应为 1、2、3、4、6 或 12（个月），现为 "
                    + periodMonths + " / shequ.disclosure.period-months must divide a year");
        }
        this.mapper = mapper;
        this.document = document;
        this.documents = documents;
        this.organisations = organisations;
        this.clock = clock;
        this.transaction = transaction;
        this.periodMonths = periodMonths;
    }

    /** A disclosure as the public reads it. */
    public record Disclosure(long id, String communityCode, String communityName, LocalDate periodStart, LocalDate periodEnd,
                             String period, int version, Long replacesId, Long replacedById, String reason, Long documentId,
                             String documentNumber, String sha256, String issuedAt) {}

    /** The period that ended last by Shequ's clock. */
    public DisclosurePeriod lastEnded() {
        return DisclosurePeriod.lastEnded(clock.today(), periodMonths);
    }

    /**
     * Issues the disclosure of the period that ended last for every community that has none yet; what
     * another node issued meanwhile is passed. Returns the disclosures this call issued.
     */
    public List<Disclosure> issueDue() {
        DisclosurePeriod period = lastEnded();
        List<Disclosure> issued = new ArrayList<>();
        for (Community c : organisations.communities()) {
            if (!mapper.versions(c.code(), period.start()).isEmpty()) {
                continue;
            }
            issueFirst(c, period).ifPresent(issued::add);
        }
        return issued;
    }

    /** Version 1 of {@code period} for {@code community}, unless it exists (then empty). */
    Optional<Disclosure> issueFirst(Community community, DisclosurePeriod period) {
        try {
            Long id = transaction.execute(status -> store(community, period, 1, null, null, CurrentUser.SYSTEM));
            return find(id);
        } catch (DataIntegrityViolationException | PessimisticLockingFailureException anotherNode) {
            // the unique key (community, period, 1) is taken: another node issued it, or is issuing it
            log.info("居务公开 {} {} issued by another node", community.code(), period.label());
            return Optional.empty();
        }
    }

    /**
     * A correction of disclosure {@code id}: the next version of the same period, made from the data as
     * it stands now, naming the version it replaces and the reason. Only the latest version is corrected.
     */
    public Disclosure correct(long id, String reason, String actor) {
        PeriodicDisclosureMapper.Stored old = mapper.find(id).orElseThrow(() -> Refusal.notFound("居务公开", Long.toString(id)));
        if (reason == null || reason.isBlank()) {
            throw Refusal.invalid("reason", "更正须说明理由 / a correction states its reason");
        }
        if (reason.length() > 500) {
            throw Refusal.invalid("reason", "更正理由最多 500 字 / at most 500 characters");
        }
        mapper.replacementOf(id).ifPresent(newer -> {
            throw Refusal.conflict("DISCLOSURE_ALREADY_CORRECTED", "该居务公开已被第 " + newer.version()
                    + " 版更正，只能更正最新版本（公开内容不得改动，更正以新版本发布） / already corrected by " + newer.id());
        });
        Community c = organisations.findCommunity(old.communityCode()).orElseThrow();
        DisclosurePeriod period = new DisclosurePeriod(old.periodStart(), old.periodEnd());
        try {
            Long newId = transaction.execute(status -> store(c, period, old.version() + 1, old.id(), reason.strip(), actor));
            return find(newId).orElseThrow();
        } catch (DataIntegrityViolationException raced) {
            throw Refusal.conflict("DISCLOSURE_ALREADY_CORRECTED", "该居务公开刚被另一更正替代，请刷新后重试 / corrected meanwhile");
        }
    }

    public Optional<Disclosure> find(long id) {
        return mapper.find(id).map(this::view);
    }

    public List<Disclosure> list(String communityCode) {
        return mapper.list(communityCode).stream().map(this::view).toList();
    }

    /** The PDF of a disclosure as issued. */
    public byte[] pdf(long id) {
        PeriodicDisclosureMapper.Stored d = mapper.find(id).orElseThrow(() -> Refusal.notFound("居务公开", Long.toString(id)));
        return documents.pdf(d.documentId());
    }

    private Long store(Community c, DisclosurePeriod period, int version, Long replacesId, String reason, String actor) {
        PeriodicDisclosureMapper.Row row = new PeriodicDisclosureMapper.Row();
        row.communityCode = c.code();
        row.periodStart = period.start();
        row.periodEnd = period.end();
        row.version = version;
        row.replacesId = replacesId;
        row.reason = reason;
        row.issuedAt = clock.localNow().truncatedTo(ChronoUnit.MILLIS);
        row.issuedBy = actor;
        mapper.insert(row);
        DocumentContent content = document.content(c, period, version, replacesId, reason);
        IssuedDocument doc;
        if (replacesId == null) {
            String number = documents.number(c.code(), c.shortName(), clock.today().getYear());
            doc = documents.issue(DocumentType.DISCLOSURE_NOTICE, c.code(), number, content, actor);
        } else {
            long oldDocument = mapper.find(replacesId).orElseThrow().documentId();
            doc = documents.reissue(oldDocument, content, actor);
        }
        mapper.attach(row.id, doc.id());
        return row.id;
    }

    private Disclosure view(PeriodicDisclosureMapper.Stored d) {
        String name = organisations.findCommunity(d.communityCode()).map(Community::name).orElse(d.communityCode());
        Optional<IssuedDocument> doc = d.documentId() == null ? Optional.empty() : documents.find(d.documentId());
        Long replacedBy = mapper.replacementOf(d.id()).map(PeriodicDisclosureMapper.Stored::id).orElse(null);
        return new Disclosure(d.id(), d.communityCode(), name, d.periodStart(), d.periodEnd(),
                new DisclosurePeriod(d.periodStart(), d.periodEnd()).label(), d.version(), d.replacesId(), replacedBy, d.reason(),
                d.documentId(), doc.map(IssuedDocument::number).orElse(null), doc.map(IssuedDocument::sha256).orElse(null),
                d.issuedAt().toString());
    }

}

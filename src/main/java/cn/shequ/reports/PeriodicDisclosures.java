package cn.shequ.reports;

import cn.shequ.audit.AuditHeads;
import cn.shequ.document.Amounts;
import cn.shequ.document.DocumentContent;
import cn.shequ.document.DocumentContent.Column;
import cn.shequ.document.DocumentService;
import cn.shequ.document.DocumentType;
import cn.shequ.document.IssuedDocument;
import cn.shequ.engine.ShequClock;
import cn.shequ.identity.Community;
import cn.shequ.identity.OrganisationMapper;
import cn.shequ.refusal.Refusal;
import cn.shequ.pages.Labels;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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

    public static final String SYSTEM = "system";

    private static final Logger log = LoggerFactory.getLogger(PeriodicDisclosures.class);

    private static final Map<String, String> METHODS = Map.of("OPEN_TENDER", "公开招标", "COMPETITIVE_CONSULTATION", "竞争性磋商",
            "COMPETITIVE_NEGOTIATION", "竞争性谈判", "SINGLE_SOURCE", "单一来源采购", "INQUIRY", "询价");

    private static final Map<String, String> GRADES = Map.of("EXCELLENT", "优", "GOOD", "良", "FAIR", "中", "POOR", "差");

    private final PeriodicDisclosureMapper mapper;
    private final DocumentService documents;
    private final OrganisationMapper organisations;
    private final AuditHeads heads;
    private final ShequClock clock;
    private final Labels labels;
    private final ObjectProvider<DisclosedAccounts> accounts;
    private final TransactionTemplate transaction;
    private final int periodMonths;

    PeriodicDisclosures(PeriodicDisclosureMapper mapper, DocumentService documents, OrganisationMapper organisations, AuditHeads heads,
                        ShequClock clock, Labels labels, ObjectProvider<DisclosedAccounts> accounts,
                        TransactionTemplate transaction, @Value("${shequ.disclosure.period-months:3}") int periodMonths) {
        if (!DisclosurePeriod.MONTHS.contains(periodMonths)) {
            throw new IllegalStateException("配置项 shequ.disclosure.period-months 应为 1、2、3、4、6 或 12（个月），现为 "
                    + periodMonths + " / shequ.disclosure.period-months must divide a year");
        }
        this.mapper = mapper;
        this.documents = documents;
        this.organisations = organisations;
        this.heads = heads;
        this.clock = clock;
        this.labels = labels;
        this.accounts = accounts;
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
            Long id = transaction.execute(status -> store(community, period, 1, null, null, SYSTEM));
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
        DocumentContent content = content(c, period, version, replacesId, reason);
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

    DocumentContent content(Community c, DisclosurePeriod period, int version, Long replacesId, String reason) {
        String committee = c.name() + "居民委员会";
        List<PeriodicDisclosureMapper.ApprovedProject> approved = mapper.approved(c.code(), period.from(), period.until());
        List<PeriodicDisclosureMapper.HeldMeeting> meetings = mapper.meetings(c.code(), period.start(), period.end());
        List<PeriodicDisclosureMapper.Payment> payments = mapper.payments(c.code(), period.from(), period.until());
        List<PeriodicDisclosureMapper.ServingPurchase> purchases = mapper.purchases(c.code(), period.from(), period.until());

        DocumentContent.Builder b = DocumentContent.builder(committee, "居务公开表")
                .subtitle(period.label() + "居务公开" + (version > 1 ? "（第 " + version + " 版，更正）" : ""))
                .party("社区", c.name())
                .party("公开期间", period.start() + " 至 " + period.end());
        if (replacesId != null) {
            PeriodicDisclosureMapper.Stored old = mapper.find(replacesId).orElseThrow();
            String oldSha = documents.find(old.documentId()).map(IssuedDocument::sha256).orElse("");
            b.paragraph("本版更正并替代第 " + old.version() + " 版（文件指纹 " + oldSha + "）。更正理由：" + reason);
        }

        BigDecimal approvedTotal = approved.stream().map(PeriodicDisclosureMapper.ApprovedProject::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        b.heading("一、本期批准的项目");
        b.table(List.of(Column.left("项目", 5), Column.center("类别", 2), Column.right("批准金额（元）", 2),
                        Column.center("状态", 2), Column.right("已拨付（元）", 2), Column.center("绩效", 1)),
                approved.stream().map(p -> List.of(p.code() + " " + p.title(), category(p.category()), Amounts.format(p.amount()),
                        labels.status(p.status()), Amounts.format(p.disbursedAmount()), grade(p.grade()))).toList(),
                List.of("合计 " + approved.size() + " 项", "", Amounts.format(approvedTotal), "", "", ""));

        b.heading("二、本期召开的居民会议、作出的决定及执行情况");
        b.table(List.of(Column.center("日期", 2), Column.left("议题", 4), Column.center("应到/实到", 2), Column.center("赞成/反对/弃权", 2),
                        Column.center("决定", 2), Column.center("执行情况", 2), Column.right("已拨付（元）", 2), Column.center("绩效", 1)),
                meetings.stream().map(m -> List.of(m.heldOn().toString(), m.projectCode() + " " + m.title(),
                        m.eligible() + "/" + m.present(), m.yesVotes() + "/" + m.noVotes() + "/" + m.abstentions(),
                        labels.decision(m.outcome()), labels.status(m.status()), Amounts.format(m.disbursedAmount()),
                        grade(m.grade()))).toList(),
                null);

        BigDecimal paidTotal = payments.stream().map(PeriodicDisclosureMapper.Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        b.heading("三、本期资金拨付");
        b.table(List.of(Column.left("项目", 5), Column.center("里程碑", 1), Column.center("拨付日期", 2), Column.right("金额（元）", 2)),
                payments.stream().map(p -> List.of(p.projectCode() + " " + p.title(), String.valueOf(p.milestoneSeq()),
                        p.paidAt().toLocalDate().toString(), Amounts.format(p.amount()))).toList(),
                List.of("合计", "", "", Amounts.format(paidTotal)));

        b.heading("四、为上述项目开展的政府购买服务");
        b.table(List.of(Column.left("采购", 5), Column.center("项目", 2), Column.center("方式", 2), Column.center("状态", 2),
                        Column.right("预算（元）", 2), Column.right("已支付（元）", 2)),
                purchases.stream().map(p -> List.of(p.code() + " " + p.title(), p.projectCode(),
                        METHODS.getOrDefault(p.method(), p.method()), p.status(), Amounts.format(p.amount()),
                        Amounts.format(p.disbursedAmount()))).toList(),
                null);

        b.heading("五、社区服务收支");
        Optional<List<DisclosedAccounts.Line>> lines = Optional.ofNullable(accounts.getIfAvailable())
                .flatMap(a -> a.lines(c.code(), period));
        if (lines.isPresent()) {
            b.table(List.of(Column.left("事项", 5), Column.right("金额（元）", 2)),
                    lines.get().stream().map(l -> List.of(l.item(), Amounts.format(l.amount()))).toList(), null);
        } else {
            b.paragraph("本期社区服务收支另行公开（见公开网站本社区“收支”栏目）；本表第三部分为本期实际拨付。");
        }
        b.heading("六、监督方式");
        b.paragraph("居民对上述事项有异议的，可向" + committee + "或街道办事处反映。签发时审计日志链尾："
                + heads.current().describe() + "（每日链尾见 /public/audit-heads.html）");
        return b.signature("公开单位", committee, true).issuedOn(clock.today()).build();
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

    private String category(String code) {
        String name = mapper.categoryName(code);
        return name == null ? code : name;
    }

    private static String grade(String grade) {
        return grade == null ? "" : GRADES.getOrDefault(grade, grade);
    }
}

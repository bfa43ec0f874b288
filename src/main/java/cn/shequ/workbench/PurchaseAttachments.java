package cn.shequ.workbench;

import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.ShequClock;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.Groups;
import cn.shequ.procurement.bidding.Bid;
import cn.shequ.procurement.bidding.Bids;
import cn.shequ.procurement.Procurement;
import cn.shequ.procurement.ProviderDesk;
import cn.shequ.refusal.Refusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files of a bid (added by the bidder until the bid deadline: a file is part of the bid) and of a
 * contract milestone report (added by the contract's provider): the same checks as the project
 * attachments ({@link Attachments#checked}: PDF, JPEG, PNG by content, 1 byte to 10 MB, a plain
 * name), stored with their SHA-256, which goes to the audit chain in the same transaction
 * (docs/adr/0016-provider-workbench.md). Read by the provider who added them, by the evaluation
 * committee and officials once the bids are open (sealed before: 87号令 art. 33).
 */
@Service
class PurchaseAttachments {

    static final String BID = "BID";
    static final String MILESTONE = "MILESTONE";

    private final PurchaseAttachmentMapper rows;
    private final Bids bids;
    private final ProviderDesk desk;
    private final AuditLog audit;
    private final ShequClock clock;

    PurchaseAttachments(PurchaseAttachmentMapper rows, Bids bids, ProviderDesk desk, AuditLog audit, ShequClock clock) {
        this.rows = rows;
        this.bids = bids;
        this.desk = desk;
        this.audit = audit;
        this.clock = clock;
    }

    List<PurchaseAttachmentMapper.Row> ofBid(long bidId) {
        return rows.ofBid(bidId);
    }

    List<PurchaseAttachmentMapper.Row> ofMilestones(String code) {
        return rows.ofMilestones(code);
    }

    /** Adds a file to the caller's own bid, refused as a revision of the bid would be (after the deadline, not eligible). */
    @Transactional
    PurchaseAttachmentMapper.Row addToBid(String code, String fileName, byte[] content, CurrentUser user) {
        Bid bid = bids.changeable(code, user);
        return store(code, BID, bid.id(), null, bid.providerId(), fileName, content, user);
    }

    /** Adds a file to the report of milestone {@code seq} of the caller's contract. */
    @Transactional
    PurchaseAttachmentMapper.Row addToMilestone(String code, int seq, String fileName, byte[] content, CurrentUser user) {
        Procurement p = desk.find(code).orElseThrow(() -> Refusal.notFound("采购项目", code));
        Long org = user.organisationId();
        if (!user.isIn(Groups.PROVIDER) || org == null
                || desk.milestones(p, org).stream().noneMatch(m -> m.seq() == seq)) {
            throw Refusal.forbidden("NOT_THE_SUPPLIER", "只有本合同的承接主体可以为履约报告上传证明材料");
        }
        return store(code, MILESTONE, null, seq, org, fileName, content, user);
    }

    private PurchaseAttachmentMapper.Row store(String code, String purpose, Long bidId, Integer seq, long providerId,
                                               String fileName, byte[] content, CurrentUser user) {
        AttachedFile file = AttachedFile.accept(fileName, content, new LinkedHashMap<>());
        PurchaseAttachmentMapper.NewRow row = file.into(new PurchaseAttachmentMapper.NewRow(), purpose, seq, user, clock.localNow());
        row.procurementCode = code;
        row.bidId = bidId;
        row.providerId = providerId;
        rows.insert(row);
        AuditEvent event = AuditEvent.of(user.userId(), Attachments.ACTION).subject(code)
                .detail("attachmentId", row.id).detail("purpose", purpose).detail("providerId", providerId);
        if (bidId != null) {
            event = event.detail("bidId", bidId);
        }
        if (seq != null) {
            event = event.detail("milestoneSeq", seq);
        }
        audit.append(file.audited(event));
        return rows.find(row.id).orElseThrow();
    }

    /** The attachment, if {@code user} may read it: its provider; once the bids are open, the committee and officials. */
    Optional<PurchaseAttachmentMapper.Row> readable(long id, CurrentUser user) {
        return rows.find(id).filter(row -> {
            if (Objects.equals(user.organisationId(), row.providerId()) && user.isIn(Groups.PROVIDER)) {
                return true;
            }
            Procurement p = desk.find(row.procurementCode()).orElse(null);
            if (p == null || !desk.opened(p)) {
                return false;
            }
            return desk.isMember(p.code(), user.userId()) || user.isIn(Groups.STREET_OFFICE) || user.isIn(Groups.CIVIL_AFFAIRS)
                    || user.isIn(Groups.FINANCE) || user.isIn(Groups.AUDITOR) || user.isIn(Groups.ADMIN);
        });
    }

    byte[] content(long id) {
        return rows.content(id).map(PurchaseAttachmentMapper.Stored::content).orElseThrow();
    }
}

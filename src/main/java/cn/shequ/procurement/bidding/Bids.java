package cn.shequ.procurement.bidding;

import cn.shequ.audit.AuditActions;
import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.ShequClock;
import cn.shequ.fund.Money;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.Groups;
import cn.shequ.procurement.Procurement;
import cn.shequ.procurement.ProcurementDocuments;
import cn.shequ.procurement.ProcurementMapper;
import cn.shequ.procurement.ProcurementStatus;
import cn.shequ.procurement.requirement.ProcurementRules;
import cn.shequ.provider.Providers;
import cn.shequ.rules.Decisions.ProcurementMethod;
import cn.shequ.refusal.Refusal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bids (投标/响应文件): from providers the registry finds eligible ({@link Providers#whyNotEligible}:
 * certified, within the certification period, serving the category), one per provider,
 * revisable until the bid deadline and never after it, never above the budget; and the count of
 * qualified bids when bidding closes. A refusal by a rule (not eligible, too late, a second bid) is
 * written to the audit log although nothing else is recorded.
 */
@Service
public class Bids {

    static final int PROPOSAL_MAX = 4000;

    private final ProcurementMapper procurements;
    private final BidMapper bids;
    private final Providers providers;
    private final ShequClock clock;
    private final AuditLog audit;
    private final BidPeriods periods;

    Bids(ProcurementMapper procurements, BidMapper bids, Providers providers, ShequClock clock, AuditLog audit,
         BidPeriods periods) {
        this.periods = periods;
        this.procurements = procurements;
        this.bids = bids;
        this.providers = providers;
        this.clock = clock;
        this.audit = audit;
    }

    public record BidRequest(BigDecimal price, String proposal) {}

    /**
     * The fewest qualified bids with which a procurement goes on: 3 (采购法 art. 36 for tenders; 财政部令第74号
     * arts. 27, 48 and 财库〔2014〕214号 art. 3 for negotiation, quotations and consultation; at least three
     * quotes for a small purchase); a single-source purchase has one supplier by definition (采购法 art. 31);
     * a competitive consultation for purchased services — every purchase Shequ runs is one (政府购买服务) —
     * may go on with 2 qualified suppliers (财库〔2015〕124号).
     */
    public static int minimum(String method) {
        return switch (method) {
            case ProcurementMethod.METHOD_SINGLE_SOURCE -> 1;
            case ProcurementMethod.METHOD_COMPETITIVE_CONSULTATION -> 2;
            default -> 3;
        };
    }

    public List<Bid> of(String code) {
        return bids.bids(code);
    }

    @Transactional
    public Bid submit(String code, BidRequest request, CurrentUser user) {
        return refusalsAudited(code, user, "submit-bid", () -> {
            Procurement p = open(code, user);
            long providerId = user.organisationId();
            if (bids.bidOf(code, providerId).isPresent()) {
                throw Refusal.conflict("SECOND_BID", "每个承接主体对同一采购只能提交一份投标文件，截止前可修改（PUT /api/procurements/"
                        + code + "/bids/mine）/ one bid per provider; revise it before the deadline");
            }
            validate(p, request);
            LocalDateTime now = clock.localNow();
            bids.insert(code, providerId, user.userId(), request.price().setScale(2), request.proposal().trim(), now);
            Bid bid = bids.bidOf(code, providerId).orElseThrow();
            audit.append(AuditEvent.of(user.userId(), "BID_SUBMITTED").subject(code).detail("bidId", bid.id())
                    .detail("providerId", providerId).detail("price", bid.price().toPlainString()));
            return bid;
        });
    }

    @Transactional
    public Bid revise(String code, BidRequest request, CurrentUser user) {
        return refusalsAudited(code, user, "revise-bid", () -> {
            Procurement p = open(code, user);
            Bid bid = bids.bidOf(code, user.organisationId()).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND,
                    "NO_BID", "贵单位尚未对本采购投标 / your organisation has not bid yet"));
            validate(p, request);
            bids.revise(bid.id(), request.price().setScale(2), request.proposal().trim(), user.userId(), clock.localNow());
            audit.append(AuditEvent.of(user.userId(), "BID_REVISED").subject(code).detail("bidId", bid.id())
                    .detail("price", request.price().setScale(2).toPlainString()));
            return bids.bid(bid.id()).orElseThrow();
        });
    }

    /**
     * The caller's own bid, while it may still be changed (the rules of {@link #revise}: an eligible
     * provider, before the deadline): a file added to a bid is part of the bid. Refusals are audited.
     */
    @Transactional
    public Bid changeable(String code, CurrentUser user) {
        return refusalsAudited(code, user, "attach-to-bid", () -> {
            open(code, user);
            return bids.bidOf(code, user.organisationId()).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND,
                    "NO_BID", "贵单位尚未对本采购投标，请先提交投标文件 / your organisation has not bid yet"));
        });
    }

    /**
     * At the bid deadline: each bid is qualified only if its provider is still eligible on the
     * deadline's day; returns the number of qualified bids.
     */
    public int close(Procurement p) {
        LocalDate day = p.bidDeadline().toLocalDate();
        int qualified = 0;
        for (Bid bid : bids.bids(p.code())) {
            boolean eligible = providers.eligibleFor(bid.providerId(), p.category(), day);
            if (eligible != bid.qualified()) {
                bids.setQualified(bid.id(), eligible);
            }
            qualified += eligible ? 1 : 0;
        }
        return qualified;
    }

    /** The procurement locked, open for bids now, and the caller a user of an eligible provider. */
    private Procurement open(String code, CurrentUser user) {
        Procurement p = procurements.lock(code).orElseThrow(() -> Refusal.notFound("采购项目", code));
        if (!user.isIn(Groups.PROVIDER) || user.organisationId() == null) {
            throw Refusal.forbidden("NOT_A_PROVIDER", "只有承接主体（已登记的社会组织、企业等）可以投标 / only providers bid");
        }
        LocalDateTime now = clock.localNow();
        // a deadline near the shortest period counted on a provisional calendar: received a little longer (docs/calendar.md)
        LocalDateTime acceptedUntil = periods.acceptedUntil(p);
        if (acceptedUntil != null && !now.isBefore(acceptedUntil)) {
            throw Refusal.conflict("BID_DEADLINE_PASSED", "投标截止时间 " + ProcurementDocuments.minute(acceptedUntil) + " 已过，逾期的投标文件不予接收"
                    + "（87号令第三十三条）/ the bid deadline has passed");
        }
        if (p.procurementStatus() != ProcurementStatus.BIDDING) {
            throw Refusal.conflict("NOT_OPEN_FOR_BIDS", "采购项目 " + code + " 当前不接受投标（状态 " + p.status()
                    + "）/ not open for bids");
        }
        providers.whyNotEligible(user.organisationId(), p.category(), clock.today()).ifPresent(reason -> {
            throw Refusal.forbidden("PROVIDER_NOT_ELIGIBLE", reason);
        });
        return p;
    }

    private static void validate(Procurement p, BidRequest request) {
        Map<String, String> problems = new LinkedHashMap<>();
        String price = Money.problem(request.price());
        if (price != null) {
            problems.put("price", price);
        } else if (request.price().compareTo(p.amount()) > 0) {
            problems.put("price", "投标报价 " + Money.format(request.price()) + " 元超过采购预算 " + Money.format(p.amount())
                    + " 元，投标无效（87号令第六十三条）/ the price is above the budget");
        }
        if (ProcurementRules.blank(request.proposal())) {
            problems.put("proposal", "服务方案必填 / required");
        } else if (request.proposal().trim().length() > PROPOSAL_MAX) {
            problems.put("proposal", "服务方案最多 " + PROPOSAL_MAX + " 字 / at most " + PROPOSAL_MAX + " characters");
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
    }

    /** Runs {@code action}; a refusal by a rule (403, 409) is kept in the audit log, invalid input (400) is not. */
    private <T> T refusalsAudited(String code, CurrentUser user, String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (Refusal refused) {
            if (refused.kind() == Refusal.Kind.FORBIDDEN || refused.kind() == Refusal.Kind.CONFLICT) {
                audit.appendIndependently(AuditEvent.of(user.userId(), AuditActions.RULE_REFUSED).subject(code)
                        .task(what, refused.code(), AuditEvent.refusalComment(refused.getMessage()))
                        .detail("status", refused.kind().number()));
            }
            throw refused;
        }
    }
}

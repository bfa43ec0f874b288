package cn.shequ.procurement;

import cn.shequ.calendar.WorkingDayCalendar;
import cn.shequ.document.Amounts;
import cn.shequ.document.DocumentContent;
import cn.shequ.document.DocumentService;
import cn.shequ.document.DocumentType;
import cn.shequ.document.PaymentVoucher;
import cn.shequ.engine.ShequClock;
import cn.shequ.fund.FundLedger;
import cn.shequ.fund.MilestonePayments;
import cn.shequ.fund.PaymentTerms;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.procurement.bidding.Bid;
import cn.shequ.procurement.bidding.BidPeriods;
import cn.shequ.procurement.bidding.ProcurementNotice;
import cn.shequ.procurement.contract.Contract;
import cn.shequ.procurement.contract.ContractMilestone;
import cn.shequ.procurement.contract.PurchaseContract;
import cn.shequ.procurement.evaluation.AwardNotice;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Issues the formal papers of a purchase at their steps, in the step's own transaction: the
 * procurement notice (each round), the award notice, the contract and each payment voucher. The
 * purchaser issues the first three under its own numbers; finance issues the vouchers.
 */
@Component
public class ProcurementDocuments {

    /** Issuing body: code (≤ 6 characters, its number sequence), short name heading its numbers, full name. */
    record Issuer(String code, String shortName, String name) {}

    static final Issuer FINANCE = new Issuer("D01F", "龙湖财", "龙湖区财政局");

    static final Map<String, String> METHODS = Map.of(
            "OPEN_TENDER", "公开招标", "COMPETITIVE_CONSULTATION", "竞争性磋商", "COMPETITIVE_NEGOTIATION", "竞争性谈判",
            "SINGLE_SOURCE", "单一来源采购", "SMALL_PURCHASE", "小额采购（三家以上报价比较）");

    private static final java.time.format.DateTimeFormatter MINUTE = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A time in a message a person reads: 2026-06-22 09:00 (Beijing time), as the workbench prints it. */
    public static String minute(LocalDateTime time) {
        return time == null ? "" : time.format(MINUTE);
    }

    private final DocumentService documents;
    private final ProcurementMapper procurements;
    private final CurrentUsers users;
    private final FundLedger funds;
    private final ShequClock clock;
    private final WorkingDayCalendar calendar;

    ProcurementDocuments(DocumentService documents, ProcurementMapper procurements, CurrentUsers users,
                         FundLedger funds, ShequClock clock, WorkingDayCalendar calendar) {
        this.calendar = calendar;
        this.documents = documents;
        this.procurements = procurements;
        this.users = users;
        this.funds = funds;
        this.clock = clock;
    }

    public void notice(Procurement p, LocalDateTime deadline, int round, String actor) {
        Issuer purchaser = purchaser(p);
        BidPeriods.Minimum minimum = BidPeriods.minimum(p.method());
        issue(DocumentType.PROCUREMENT_NOTICE, p, purchaser, ProcurementNotice.content(new ProcurementNotice.Data(
                purchaser.name(), p.code(), p.title(), categoryName(p), p.amount(), method(p.method()),
                methodRule(p.method()), p.termMonths(), p.priceWeight(), p.bidDeposit(), round, today(), deadline,
                minimum.describe() + (minimum.workingDays() && calendar.isProvisional(deadline.toLocalDate())
                        ? provisionalNote(deadline.toLocalDate()) : ""),
                "采购经办人：" + name(actor) + "。投标请登录本系统提交（POST /api/procurements/" + p.code() + "/bids）。",
                today())), actor);
    }

    public void award(Procurement p, Bid winner, List<AwardNotice.Line> ranking, List<String> committee, LocalDate challengeUntil) {
        Issuer purchaser = purchaser(p);
        issue(DocumentType.AWARD_NOTICE, p, purchaser, AwardNotice.content(new AwardNotice.Data(purchaser.name(), p.code(),
                p.title(), method(p.method()), p.amount(), winner.providerName(), winner.price(), ranking,
                committee.stream().map(this::name).toList(), challengeUntil,
                "中标（成交）供应商应在公告之日起三十日内与采购人签订政府购买服务合同（采购法第四十六条）。"
                        + (calendar.isProvisional(challengeUntil) ? "质疑期限" + provisionalNote(challengeUntil)
                        + "；安排公布前，该日期后 " + WorkingDayCalendar.PROVISIONAL_EXTENSION_DAYS + " 日内提出的质疑仍予受理。" : ""),
                today())),
                CurrentUser.SYSTEM);
    }

    public void contract(Procurement p, Contract c, List<ContractMilestone> milestones) {
        Issuer purchaser = purchaser(p);
        issue(DocumentType.CONTRACT, p, purchaser, PurchaseContract.content(new PurchaseContract.Data(purchaser.name(),
                c.code(), p.code(), p.title(), c.providerName(), c.amount(), c.termMonths(), c.performanceBond(),
                milestones.stream().map(m -> new PurchaseContract.Milestone(m.seq(), m.name(), m.sharePercent(), m.amount()))
                        .toList(), c.paymentTermDays(), c.lateInterestRate(), c.signedOn(), name(c.signedBy()),
                p.termReason() == null ? "无。" : "履行期限超过一年的理由：" + p.termReason(), today())), c.signedBy());
    }

    void paymentVoucher(Procurement p, Contract c, ContractMilestone m, MilestonePayments.Payment payment) {
        issue(DocumentType.PAYMENT_VOUCHER, p, FINANCE, PaymentVoucher.content(new PaymentVoucher.Data(FINANCE.name(),
                p.code(), p.title(), c.providerName(), p.fundCode(), funds.find(p.fundCode()).map(f -> f.name()).orElse(p.fundCode()),
                m.seq(), m.name(), payment.amount(), payment.ledgerSeq(), payment.paidAt(), name(m.approvedBy()),
                name(payment.paidBy()), payment.late() ? lateRemark(payment) : "合同 " + c.code(),
                today())), payment.paidBy());
    }

    /** "（暂定，待国务院公布2027年节假日安排后确定）": a deadline counted on a provisional calendar, as printed. */
    static String provisionalNote(LocalDate deadline) {
        return "（暂定，待国务院公布" + deadline.getYear() + "年节假日安排后确定）";
    }

    /** 附注 of a late payment: the interest owed is stated, and is not part of the amount paid. */
    static String lateRemark(MilestonePayments.Payment payment) {
        return "验收后超过" + payment.paymentTermDays() + "日付款期限拨付，逾期" + payment.daysLate() + "日，应付逾期利息"
                + Amounts.yuan(payment.lateInterest()) + "（日利率" + PaymentTerms.percent(payment.interestRate())
                + "，不含在本次拨付金额内；保障中小企业款项支付条例第十七条）";
    }

    /** The purchasing street office, or the district's civil affairs bureau. */
    Issuer purchaser(Procurement p) {
        if (p.purchaserStreet() != null) {
            String name = procurements.streetName(p.purchaserStreet());
            return new Issuer(p.purchaserStreet(), name.substring(0, Math.min(2, name.length())) + "街", name);
        }
        String district = procurements.districtName(p.purchaserDistrict());
        String shortName = district.endsWith("区") ? district.substring(0, district.length() - 1) : district;
        return new Issuer(p.purchaserDistrict() + "M", shortName + "民", district + "民政局");
    }

    public static String method(String method) {
        return METHODS.getOrDefault(method, method);
    }

    private static String methodRule(String method) {
        return switch (method) {
            case "OPEN_TENDER" -> "公开招标（采购法第二十六条）";
            case "COMPETITIVE_CONSULTATION" -> "竞争性磋商（财库〔2014〕214号）";
            case "COMPETITIVE_NEGOTIATION" -> "竞争性谈判，经财政部门批准（采购法第二十七、三十条）";
            case "SINGLE_SOURCE" -> "单一来源采购，经财政部门批准（采购法第二十七、三十一条）";
            default -> "小额采购，三家以上报价比较（国办发〔2019〕55号）";
        };
    }

    private void issue(DocumentType type, Procurement p, Issuer issuer, DocumentContent content, String actor) {
        String number = documents.number(issuer.code(), issuer.shortName(), today().getYear());
        documents.issue(type, p.code(), number, content, actor);
    }

    private String categoryName(Procurement p) {
        String name = procurements.categoryName(p.category());
        return name == null ? p.category() : name;
    }

    private String name(String userId) {
        if (userId == null) {
            return "";
        }
        return users.displayName(userId);
    }

    private LocalDate today() {
        return clock.today();
    }
}

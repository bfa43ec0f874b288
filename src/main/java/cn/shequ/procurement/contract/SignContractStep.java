package cn.shequ.procurement.contract;

import cn.shequ.fund.Money;
import cn.shequ.fund.PaymentTerms;
import cn.shequ.identity.CurrentUser;
import cn.shequ.engine.ShequClock;
import cn.shequ.procurement.Procurement;
import cn.shequ.procurement.ProcurementCodes;
import cn.shequ.procurement.ProcurementDeadlines;
import cn.shequ.procurement.ProcurementDocuments;
import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.procurement.PurchaseProcess.Vars;
import cn.shequ.procurement.PurchaseStep;
import cn.shequ.procurement.PurchaseStepHandler;
import cn.shequ.procurement.bidding.Bid;
import cn.shequ.procurement.bidding.BidMapper;
import cn.shequ.task.StepOutcome;
import cn.shequ.task.TaskInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * sign-contract: the purchaser records the contract signed with the winning bidder: the signing date
 * (between the award notice and today; later than 30 days after the award notice, to the next working day
 * when the 30th is a rest day, it is recorded as late: 采购法 art. 46), the performance bond (at most 10%,
 * 条例 art. 48), the milestones and their payment schedule (default 30/40/30), the payment term (1 to 60
 * days, default 30) and the late-payment interest a day (default 0.05%). Makes the contract and its
 * milestones and generates the contract (PDF); the contract is to be published within 2 working days.
 */
@Component
class SignContractStep implements PurchaseStepHandler {

    /** The payment schedule when the contract states none: on signing (advance), mid-term, final acceptance. */
    static final String DEFAULT_MILESTONES = "合同签订（预付款）:30;中期评估:40;终期验收:30";
    static final int MAX_MILESTONES = 12;
    static final int NAME_MAX = 100;
    /** 条例 art. 48: the performance bond is at most 10% of the contract amount. */
    static final BigDecimal BOND_SHARE = new BigDecimal("0.10");
    static final String PAYMENT_TERM_DAYS = "paymentTermDays";
    static final String LATE_INTEREST_DAILY_RATE = "lateInterestDailyRate";

    record PlannedMilestone(String name, int percent) {}

    private final ContractMapper contracts;
    private final BidMapper bids;
    private final ProcurementCodes codes;
    private final ProcurementDeadlines deadlines;
    private final ProcurementDocuments documents;
    private final ShequClock clock;

    SignContractStep(ContractMapper contracts, BidMapper bids, ProcurementCodes codes, ProcurementDeadlines deadlines,
                     ProcurementDocuments documents, ShequClock clock) {
        this.contracts = contracts;
        this.bids = bids;
        this.codes = codes;
        this.deadlines = deadlines;
        this.documents = documents;
        this.clock = clock;
    }

    @Override
    public String taskKey() {
        return Tasks.SIGN_CONTRACT;
    }

    @Override
    public List<String> fields() {
        return List.of("signedOn", "performanceBond", "milestones", PAYMENT_TERM_DAYS, LATE_INTEREST_DAILY_RATE);
    }

    @Override
    public StepOutcome complete(PurchaseStep step) {
        Procurement p = step.procurement();
        CurrentUser actor = step.actor();
        TaskInput input = step.input();
        // what was sent as it was sent: blank means the default, and only what is read through input is recorded
        Function<String, Object> fields = step.fields()::unrecorded;
        Bid winner = bids.bid(p.awardBidId()).orElseThrow();
        LocalDate today = clock.today();
        LocalDate signedOn = date(input, fields.apply("signedOn"), today);
        if (signedOn != null && (signedOn.isAfter(today) || signedOn.isBefore(p.awardNoticeOn()))) {
            input.problem("signedOn", "签订日期不得早于中标（成交）公告之日（" + p.awardNoticeOn() + "），也不得晚于今天（" + today
                    + "）：合同在中标通知书发出后签订（采购法第四十六条），按实际签订日期填写 / the signing date lies between the award notice ("
                    + p.awardNoticeOn() + ") and today (" + today + ")");
        }
        BigDecimal bond = bond(input, fields.apply("performanceBond"), winner.price());
        List<PlannedMilestone> planned = milestones(input, input.text("milestones", "付款节点", TEXT_MAX, false));
        PaymentTerms terms = paymentTerms(input, fields);
        if (!planned.isEmpty() && planned.stream().mapToInt(PlannedMilestone::percent).sum() == 100) {
            List<BigDecimal> planShares = Money.split(winner.price(), planned.stream().map(PlannedMilestone::percent).toList());
            for (int i = 0; i < planned.size(); i++) {
                String problem = Money.milestoneProblem(planShares.get(i), planned.get(i).percent());
                if (problem != null) {
                    input.problem("milestones", "付款节点「" + planned.get(i).name() + "」" + problem);
                    break;
                }
            }
        }
        input.refuseIfInvalid();
        LocalDateTime now = clock.localNow();
        LocalDate due = deadlines.contractDue(p.awardNoticeOn());
        boolean late = signedOn.isAfter(due);
        String code = codes.next(ProcurementCodes.CONTRACT, today.getYear());
        LocalDate publishDue = deadlines.publishDue(signedOn);
        Contract contract = new Contract(code, p.code(), winner.providerId(), winner.providerName(), winner.price(), bond,
                p.termMonths(), terms.days(), terms.dailyRate(), signedOn, actor.userId(), late, now, publishDue, null, null, now);
        contracts.insert(contract);
        List<BigDecimal> shares = Money.split(winner.price(), planned.stream().map(PlannedMilestone::percent).toList());
        for (int i = 0; i < planned.size(); i++) {
            contracts.insertMilestone(new ContractMilestone(p.code(), i + 1, planned.get(i).name(), planned.get(i).percent(),
                    shares.get(i), ContractMilestone.PENDING, null, null, null, null, null, null, null, null, null));
        }
        documents.contract(p, contract, contracts.milestones(p.code()));
        return new StepOutcome(null, late ? "逾期签订：中标（成交）公告之日起30日内（采购法第四十六条），应于 " + due + " 前" : null,
                Map.of(Vars.PUBLISH_DUE, ProcurementDeadlines.date(ProcurementDeadlines.endOf(publishDue)),
                        Vars.MILESTONE_COUNT, planned.size()));
    }

    private static LocalDate date(TaskInput input, Object value, LocalDate otherwise) {
        if (value == null || value.toString().isBlank()) {
            return otherwise;
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant().atZone(cn.shequ.engine.ShequClock.ZONE).toLocalDate();
        }
        String text = value.toString().trim();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            input.problem("signedOn", "签订日期须为日期，例如 2026-07-20 / must be a date");
            return null;
        }
    }

    /**
     * The payment term and the late-interest rate a day the contract agrees, each the default when
     * left blank (保障中小企业款项支付条例 (2025): 30 days, any agreed term at most 60, no floor, art. 9; 0.05% a day, art. 17).
     */
    static PaymentTerms paymentTerms(TaskInput input, Function<String, Object> fields) {
        Integer days = PaymentTerms.DEFAULT_DAYS;
        if (!blank(fields.apply(PAYMENT_TERM_DAYS))) {
            days = input.integer(PAYMENT_TERM_DAYS, "付款期限（天）", Integer.MIN_VALUE, Integer.MAX_VALUE);
            if (days != null && (days < PaymentTerms.MIN_DAYS || days > PaymentTerms.MAX_DAYS)) {
                input.problem(PAYMENT_TERM_DAYS, "付款期限须为验收后 " + PaymentTerms.MIN_DAYS + " 到 " + PaymentTerms.MAX_DAYS
                        + " 天（保障中小企业款项支付条例第九条：合同约定的付款期限最长不超过60日，未约定的30日内支付）/ the payment term is "
                        + PaymentTerms.MIN_DAYS + " to " + PaymentTerms.MAX_DAYS + " days after acceptance (保障中小企业款项支付条例 art. 9)");
                days = null;
            }
        }
        BigDecimal rate = PaymentTerms.DEFAULT_DAILY_RATE;
        String sent = input.text(LATE_INTEREST_DAILY_RATE, "逾期利息日利率", 32, false);
        if (sent != null) {
            rate = null;
            try {
                rate = new BigDecimal(sent);
            } catch (NumberFormatException e) {
                input.problem(LATE_INTEREST_DAILY_RATE, "逾期利息日利率须为小数，例如 0.0005（即每日万分之五）/ must be a number such as 0.0005");
            }
            if (rate != null && (rate.signum() <= 0 || rate.compareTo(PaymentTerms.MAX_DAILY_RATE) > 0
                    || rate.stripTrailingZeros().scale() > PaymentTerms.RATE_SCALE)) {
                input.problem(LATE_INTEREST_DAILY_RATE, "逾期利息日利率须大于 0、不超过 " + PaymentTerms.MAX_DAILY_RATE.toPlainString()
                        + "（每日千分之一），最多 " + PaymentTerms.RATE_SCALE + " 位小数；未约定按每日万分之五（保障中小企业款项支付条例第十七条）"
                        + " / a daily rate as a fraction, above 0 and at most " + PaymentTerms.MAX_DAILY_RATE.toPlainString()
                        + " (0.1% a day); 0.0005 when the contract sets none");
                rate = null;
            }
        }
        return days == null || rate == null ? null : new PaymentTerms(days, rate);
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }

    private static BigDecimal bond(TaskInput input, Object value, BigDecimal contractAmount) {
        if (value == null || value.toString().isBlank()) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal bond;
        try {
            bond = new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            input.problem("performanceBond", "履约保证金须为金额 / must be an amount");
            return null;
        }
        if (bond.signum() < 0 || bond.stripTrailingZeros().scale() > 2) {
            input.problem("performanceBond", "履约保证金不得为负数，最多两位小数 / not negative, at most two decimals");
            return null;
        }
        BigDecimal max = contractAmount.multiply(BOND_SHARE).setScale(2, java.math.RoundingMode.DOWN);
        if (bond.compareTo(max) > 0) {
            input.problem("performanceBond", "履约保证金不得超过合同金额的10%（条例第四十八条），最多 " + Money.format(max) + " 元"
                    + " / the performance bond is at most 10% of the contract amount");
            return null;
        }
        return bond.setScale(2);
    }

    /** "名称:比例;名称:比例" (each share a whole percent, summing to 100); blank: the default 30/40/30. */
    static List<PlannedMilestone> milestones(TaskInput input, String text) {
        String source = text == null ? DEFAULT_MILESTONES : text;
        List<PlannedMilestone> planned = new ArrayList<>();
        int sum = 0;
        for (String part : source.split("[;；\\n]+")) {
            if (part.isBlank()) {
                continue;
            }
            String[] nameAndPercent = part.trim().split("[:：]");
            if (nameAndPercent.length != 2 || nameAndPercent[0].isBlank() || nameAndPercent[0].trim().length() > NAME_MAX) {
                input.problem("milestones", "付款节点格式为 名称:比例;名称:比例（例如 " + DEFAULT_MILESTONES + "）/ name:percent;…");
                return List.of();
            }
            int percent;
            try {
                percent = Integer.parseInt(nameAndPercent[1].trim().replace("%", ""));
            } catch (NumberFormatException e) {
                percent = -1;
            }
            if (percent < 1 || percent > 100) {
                input.problem("milestones", "付款比例须为 1 到 100 的整数 / each share is a whole percent 1..100");
                return List.of();
            }
            sum += percent;
            planned.add(new PlannedMilestone(nameAndPercent[0].trim(), percent));
        }
        if (planned.isEmpty() || planned.size() > MAX_MILESTONES) {
            input.problem("milestones", "付款节点 1 到 " + MAX_MILESTONES + " 个 / 1 to " + MAX_MILESTONES + " milestones");
        } else if (sum != 100) {
            input.problem("milestones", "付款比例合计 " + sum + "%，须为 100% / the shares must sum to 100");
        }
        return planned;
    }
}

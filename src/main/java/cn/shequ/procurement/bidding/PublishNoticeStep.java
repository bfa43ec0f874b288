package cn.shequ.procurement.bidding;

import cn.shequ.calendar.CalendarYearMissingException;
import cn.shequ.engine.ShequClock;
import cn.shequ.procurement.Procurement;
import cn.shequ.procurement.ProcurementDeadlines;
import cn.shequ.procurement.ProcurementDocuments;
import cn.shequ.procurement.ProcurementMapper;
import cn.shequ.procurement.ProcurementStatus;
import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.procurement.PurchaseProcess.Vars;
import cn.shequ.procurement.PurchaseStep;
import cn.shequ.procurement.PurchaseStepHandler;
import cn.shequ.task.StepOutcome;
import cn.shequ.task.TaskInput;
import cn.shequ.web.DateRange;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * publish-notice: the purchaser publishes the procurement notice (a new tender round) with its bid deadline,
 * no earlier than the shortest bid period the law allows for the method ({@link BidPeriods}), and the bid
 * deposit asked of bidders, if any, at most 2% of the budget (条例 art. 33). Generates the notice (PDF); the
 * process opens the bids when they are no longer received.
 */
@Component
class PublishNoticeStep implements PurchaseStepHandler {

    /** 条例 art. 33: a bid deposit of at most 2% of the budget. */
    static final BigDecimal BID_DEPOSIT_SHARE = new BigDecimal("0.02");

    private final ProcurementMapper procurements;
    private final BidPeriods periods;
    private final ProcurementDocuments documents;
    private final ShequClock clock;

    PublishNoticeStep(ProcurementMapper procurements, BidPeriods periods, ProcurementDocuments documents, ShequClock clock) {
        this.procurements = procurements;
        this.periods = periods;
        this.documents = documents;
        this.clock = clock;
    }

    @Override
    public String taskKey() {
        return Tasks.PUBLISH_NOTICE;
    }

    @Override
    public List<String> fields() {
        return List.of(Vars.BID_DEADLINE, "bidDeposit");
    }

    @Override
    public StepOutcome complete(PurchaseStep step) {
        TaskInput input = step.input();
        Procurement p = step.procurement();
        Object sent = step.fields().unrecorded(Vars.BID_DEADLINE);
        if (sent != null) {
            step.fields().record(Vars.BID_DEADLINE, sent.toString());
        }
        LocalDateTime deadline = deadline(input, sent, p.method());
        BigDecimal deposit = deposit(input, step.fields().unrecorded("bidDeposit"), p.amount());
        input.refuseIfInvalid();
        int round = p.tenderRound() + 1;
        procurements.setNotice(step.code(), clock.today(), deadline, round, deposit, step.now());
        procurements.setStatus(step.code(), ProcurementStatus.BIDDING.name(), step.now());
        documents.notice(procurements.find(step.code()).orElseThrow(), deadline, round, step.actor().userId());
        step.fields().record("tenderRound", round);
        // the bids are opened when they are no longer received (later only near a provisional minimum)
        return new StepOutcome(null, null, Map.of(Vars.BID_DEADLINE,
                ProcurementDeadlines.date(periods.acceptedUntil(p.method(), clock.today(), deadline))));
    }

    /** The bid deadline sent, checked against the shortest period the law allows for the method. */
    private LocalDateTime deadline(TaskInput input, Object value, String method) {
        if (value == null || value.toString().isBlank()) {
            input.problem(Vars.BID_DEADLINE, "投标截止时间必填 / required");
            return null;
        }
        LocalDateTime deadline = parse(value);
        if (deadline == null) {
            input.problem(Vars.BID_DEADLINE, "投标截止时间须为 ISO-8601 时间，例如 2026-06-22T09:00:00+08:00 / must be a date-time");
            return null;
        }
        if (!DateRange.holds(deadline)) {
            input.problem(Vars.BID_DEADLINE, DateRange.problem("投标截止时间"));
            return null;
        }
        LocalDate today = clock.today();
        try {
            LocalDate earliest = periods.earliestDeadline(method, today);
            if (deadline.toLocalDate().isBefore(earliest)) {
                input.problem(Vars.BID_DEADLINE, ProcurementDocuments.method(method) + "自公告发布之日起至投标截止之日止不得少于 "
                        + BidPeriods.minimum(method).describe() + "：最早为 " + earliest + " / the bid period of " + method
                        + " is at least " + BidPeriods.minimum(method).days()
                        + (BidPeriods.minimum(method).workingDays() ? " working days" : " days") + ", not before " + earliest);
                return null;
            }
        } catch (CalendarYearMissingException e) {
            input.problem(Vars.BID_DEADLINE, "工作日历缺少 " + e.getMessage() + " / no working-day calendar for that year");
            return null;
        }
        return deadline;
    }

    /** The bid deposit asked of bidders, if any: at most 2% of the budget (条例 art. 33). */
    private static BigDecimal deposit(TaskInput input, Object value, BigDecimal budget) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            BigDecimal deposit = new BigDecimal(value.toString().trim());
            BigDecimal max = budget.multiply(BID_DEPOSIT_SHARE).setScale(2, java.math.RoundingMode.DOWN);
            if (deposit.signum() < 0 || deposit.stripTrailingZeros().scale() > 2) {
                input.problem("bidDeposit", "投标保证金不得为负数，最多两位小数 / not negative, at most two decimals");
            } else if (deposit.compareTo(max) > 0) {
                input.problem("bidDeposit", "投标保证金不得超过采购项目预算金额的2%（条例第三十三条），最多 " + max.toPlainString()
                        + " 元 / the bid deposit is at most 2% of the budget");
            } else {
                return deposit.setScale(2);
            }
        } catch (NumberFormatException e) {
            input.problem("bidDeposit", "投标保证金须为金额 / must be an amount");
        }
        return null;
    }

    /**
     * 2026-06-22T09:00:00+08:00, 2026-06-22T09:00 (China Standard Time), or 2026-06-22 (end of that day);
     * {@code null} when it is none of them; {@link LocalDateTime#MAX}, beyond the dates Shequ takes, when it
     * is no date in China Standard Time (+999999999-12-31T23:59:59Z).
     */
    static LocalDateTime parse(Object value) {
        if (value instanceof java.util.Date d) {
            return LocalDateTime.ofInstant(d.toInstant(), ShequClock.ZONE).withNano(0);
        }
        String text = value.toString().trim();
        try {
            OffsetDateTime sent = OffsetDateTime.parse(text);
            try {
                return sent.atZoneSameInstant(ShequClock.ZONE).toLocalDateTime().withNano(0);
            } catch (DateTimeException beyondAnyDate) {
                return LocalDateTime.MAX;
            }
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).withNano(0);
            } catch (DateTimeParseException notLocal) {
                try {
                    return ProcurementDeadlines.endOf(LocalDate.parse(text));
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }
}

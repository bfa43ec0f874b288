package cn.shequ.procurement;

import static cn.shequ.procurement.PurchaseProcess.Decision.APPROVE;
import static cn.shequ.procurement.PurchaseProcess.Decision.CANCEL;
import static cn.shequ.procurement.PurchaseProcess.Decision.DISMISS;
import static cn.shequ.procurement.PurchaseProcess.Decision.REJECT;
import static cn.shequ.procurement.PurchaseProcess.Decision.RETENDER;
import static cn.shequ.procurement.PurchaseProcess.Decision.SWITCH_METHOD;
import static cn.shequ.procurement.PurchaseProcess.Decision.UPHOLD;

import cn.shequ.audit.AuditActions;
import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.calendar.CalendarYearMissingException;
import cn.shequ.engine.ShequClock;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.Groups;
import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.procurement.PurchaseProcess.Vars;
import cn.shequ.task.TaskInput;
import cn.shequ.refusal.Refusal;
import cn.shequ.web.DateRange;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * What completing each user task of a purchase means, through the API or in Tasklist: who may
 * complete it, the fields it needs, and its effect on Shequ's tables. Returns the variables the
 * process routes on; throws {@link Refusal} to refuse (the completion rolls back, the task
 * stays open). The contract and milestone steps are in {@link ContractSteps}.
 */
@Component
class ProcurementSteps {

    static final int COMMENT_MAX = 2000;
    static final int TEXT_MAX = 4000;
    /** Methods a failed procurement may switch to, with finance approval (采购法 arts. 30–31; 财库〔2015〕124号). */
    static final Set<String> SWITCHABLE = ProcurementRules.EXCEPTIONAL;
    /** 条例 art. 33: a bid deposit of at most 2% of the budget. */
    static final BigDecimal BID_DEPOSIT_SHARE = new BigDecimal("0.02");

    private final ProcurementMapper procurements;
    private final ProcurementService requirements;
    private final BidMapper bids;
    private final Evaluation evaluation;
    private final ChallengeMapper challenges;
    private final BidPeriods periods;
    private final ContractSteps contracts;
    private final ProcurementDocuments documents;
    private final ShequClock clock;
    private final AuditLog audit;

    ProcurementSteps(ProcurementMapper procurements, ProcurementService requirements, BidMapper bids, Evaluation evaluation, ChallengeMapper challenges, BidPeriods periods,
                     ContractSteps contracts, ProcurementDocuments documents, ShequClock clock, AuditLog audit) {
        this.procurements = procurements;
        this.requirements = requirements;
        this.bids = bids;
        this.evaluation = evaluation;
        this.challenges = challenges;
        this.periods = periods;
        this.contracts = contracts;
        this.documents = documents;
        this.clock = clock;
        this.audit = audit;
    }

    /** The task being completed: its key, id, and the variables of its execution (not the fields sent). */
    record Step(String taskKey, String taskId, String processInstanceId, Function<String, Object> execution) {
        Integer milestoneSeq() {
            return execution.apply(Vars.MILESTONE_SEQ) instanceof Number n ? n.intValue() : null;
        }
    }

    /**
     * Completes {@code step} of procurement {@code code} for {@code actor}; {@code fields} reads what
     * the user submitted. Returns the process variables to set.
     */
    Map<String, Object> complete(String code, Step step, CurrentUser actor, Function<String, Object> fields) {
        Map<String, Object> submitted = new TreeMap<>();
        Function<String, Object> recorded = name -> {
            Object value = fields.apply(name);
            if (value != null) {
                submitted.put(name, value);
            }
            return value;
        };
        if (Tasks.DEFINE_REQUIREMENT.equals(step.taskKey())) {
            // the procurement row is made by this step: the purchase of a service project starts without one
            Map<String, Object> routing = requirements.defineForProject(code, step.processInstanceId(),
                    (String) step.execution().apply(Vars.PROJECT_CODE), actor, recorded);
            recordCompletion(code, step, actor, null, null, submitted);
            return routing;
        }
        Procurement p = procurements.lock(code).orElseThrow(() -> Refusal.notFound("采购项目", code));
        requireActor(p, step, actor);
        TaskInput input = new TaskInput(recorded);
        Map<String, Object> routing = new HashMap<>();
        String decision = null;
        String comment = null;
        LocalDateTime now = clock.localNow();
        switch (step.taskKey()) {
            case Tasks.APPROVE_METHOD -> {
                decision = input.choice(Vars.DECISION, "审批意见", APPROVE, REJECT);
                comment = input.text("comment", "意见说明", COMMENT_MAX, REJECT.equals(decision));
                input.refuseIfInvalid();
                if (APPROVE.equals(decision) && p.requestedMethod() != null && SWITCHABLE.contains(p.requestedMethod())) {
                    procurements.setMethod(code, p.requestedMethod(), p.methodReason(), true, now);
                }
            }
            case Tasks.PUBLISH_NOTICE -> {
                Object sent = fields.apply(Vars.BID_DEADLINE);
                if (sent != null) {
                    submitted.put(Vars.BID_DEADLINE, sent.toString());
                }
                LocalDateTime deadline = deadline(input, sent, p.method());
                BigDecimal deposit = deposit(input, fields.apply("bidDeposit"), p.amount());
                input.refuseIfInvalid();
                int round = p.tenderRound() + 1;
                procurements.setNotice(code, clock.today(), deadline, round, deposit, now);
                procurements.setStatus(code, ProcurementStatus.BIDDING.name(), now);
                documents.notice(procurements.find(code).orElseThrow(), deadline, round, actor.userId());
                // the bids are opened when they are no longer received (later only near a provisional minimum)
                routing.put(Vars.BID_DEADLINE, ProcurementDeadlines.date(periods.acceptedUntil(p.method(), clock.today(), deadline)));
                submitted.put("tenderRound", round);
            }
            case Tasks.DECIDE_AFTER_FAILURE -> {
                decision = input.choice(Vars.DECISION, "处理方式", RETENDER, SWITCH_METHOD, CANCEL);
                comment = input.text("comment", "说明", COMMENT_MAX, CANCEL.equals(decision));
                if (SWITCH_METHOD.equals(decision)) {
                    String method = input.choice("method", "变更后的采购方式", SWITCHABLE.stream().sorted().toArray(String[]::new));
                    String reason = input.text("methodReason", "变更采购方式的理由（采购法第二十七条）", ProcurementRules.REASON_MAX, true);
                    input.refuseIfInvalid();
                    procurements.setRequestedMethod(code, method, reason, now);
                }
                input.refuseIfInvalid();
                routing.put(Vars.METHOD_SWITCH, SWITCH_METHOD.equals(decision));
            }
            case Tasks.FORM_COMMITTEE -> {
                List<String> members = ids(input.text("members", "评审委员会成员（用户名，逗号分隔）", TEXT_MAX, true));
                Set<String> experts = new LinkedHashSet<>(ids(input.text("experts", "其中的评审专家", TEXT_MAX, false)));
                input.refuseIfInvalid();
                evaluation.appoint(p, members, experts, actor.userId());
                submitted.put("members", members);
                submitted.put("experts", List.copyOf(experts));
            }
            case Tasks.SCORE_BID -> {
                BigDecimal score = input.score("technicalScore", "技术得分（0–100 分）", 100);
                input.refuseIfInvalid();
                long bidId = scoringTask(code, step).bidId();
                evaluation.score(code, bidId, actor.userId(), score);
                submitted.put("bidId", bidId);
            }
            case Tasks.ANSWER_CHALLENGE -> {
                Challenge challenge = challenges.byTask(step.taskId())
                        .orElseThrow(() -> new IllegalStateException("no challenge for task " + step.taskId()));
                decision = input.choice(Vars.DECISION, "质疑处理结论", UPHOLD, DISMISS);
                comment = input.text("answer", "答复内容（采购法第五十三条）", TEXT_MAX, true);
                input.refuseIfInvalid();
                challenges.answer(challenge.id(), comment, UPHOLD.equals(decision), actor.userId(), now,
                        now.isAfter(challenge.answerDue()));
                submitted.put("challengeId", challenge.id());
            }
            default -> {
                ContractSteps.Outcome outcome = contracts.complete(p, step, actor, input, fields);
                decision = outcome.decision();
                comment = outcome.comment();
                routing.putAll(outcome.routing());
            }
        }
        if (decision != null) {
            routing.put(Vars.DECISION, decision);
        }
        recordCompletion(code, step, actor, decision, comment, submitted);
        return routing;
    }

    /** Who did what: the procurement's own record of actions and the audit log. */
    private void recordCompletion(String code, Step step, CurrentUser actor, String decision, String comment,
                                  Map<String, Object> submitted) {
        procurements.insertAction(code, step.taskKey(), step.milestoneSeq(), actor.userId(), decision,
                comment == null ? null : comment.substring(0, Math.min(comment.length(), COMMENT_MAX)), clock.localNow());
        audit.append(AuditEvent.of(actor.userId(), AuditActions.TASK_COMPLETED).subject(code)
                .task(step.taskKey(), decision, comment).details(submitted).detail("milestoneSeq", step.milestoneSeq()));
    }

    /**
     * Who may complete a step: finance its approvals (never the purchaser: segregation of duties),
     * the purchaser their own procurement's steps, a member their own scores, the winning provider its
     * reports.
     */
    private void requireActor(Procurement p, Step step, CurrentUser actor) {
        String key = step.taskKey();
        if (Tasks.APPROVE_METHOD.equals(key) || Tasks.APPROVE_PAYMENT.equals(key)) {
            if (!actor.isIn(Groups.FINANCE)) {
                throw Refusal.forbidden("WRONG_GROUP", "此环节由财政部门办理 / this step belongs to finance");
            }
            if (actor.userId().equals(p.purchaserUser())) {
                throw Refusal.forbidden("SOD_PURCHASER", "职责分离：采购经办人不得审批本项目的采购方式或付款"
                        + " / the purchaser may not approve their own procurement's method or payments");
            }
            return;
        }
        String expected = switch (key) {
            // who scores in this task was recorded when the engine created it: not a variable a completion could overwrite
            case Tasks.SCORE_BID -> scoringTask(p.code(), step).memberUser();
            // from the award, not from a process variable that a completion's variables could overwrite
            case Tasks.REPORT_MILESTONE -> bids.bid(p.awardBidId()).orElseThrow().submittedBy();
            default -> p.purchaserUser();
        };
        if (!actor.userId().equals(expected)) {
            throw Refusal.forbidden("NOT_ASSIGNED", "此环节由 " + expected + " 办理 / this step belongs to " + expected);
        }
    }

    /** Who scores which bid in a score-bid task; for a task created before Shequ kept that, as the engine gave it. */
    private ScoringTask scoringTask(String code, Step step) {
        return evaluation.scoringTask(step.taskId()).orElseGet(() -> new ScoringTask(step.taskId(), code,
                (String) step.execution().apply(Vars.MEMBER), ((Number) step.execution().apply(Vars.BID_ID)).longValue()));
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

    static List<String> ids(String csv) {
        if (csv == null) {
            return List.of();
        }
        return Arrays.stream(csv.split("[,，\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}

package cn.shequ.procurement;

import cn.shequ.engine.EngineTasks;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.procurement.bidding.Bid;
import cn.shequ.procurement.bidding.Bids;
import cn.shequ.procurement.challenge.Challenge;
import cn.shequ.procurement.challenge.Challenges;
import cn.shequ.procurement.evaluation.Evaluation;
import cn.shequ.procurement.evaluation.Score;
import cn.shequ.procurement.requirement.ProcurementRequest;
import cn.shequ.task.TaskCompletion;
import cn.shequ.task.TaskInput;
import cn.shequ.refusal.Refusal;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Purchases of services (API.md "Purchase of services"). The steps that are user tasks (notice,
 * committee, scores, contract) complete the open task, so the same rules apply as in Tasklist.
 */
@RestController
class ProcurementController {

    private final ProcurementService procurements;
    private final Bids bids;
    private final Evaluation evaluation;
    private final Challenges challenges;
    private final ProcurementViews views;
    private final CurrentUsers users;
    private final EngineTasks tasks;
    private final TaskCompletion completion;

    ProcurementController(ProcurementService procurements, Bids bids, Evaluation evaluation, Challenges challenges,
                          ProcurementViews views, CurrentUsers users, EngineTasks tasks, TaskCompletion completion) {
        this.procurements = procurements;
        this.bids = bids;
        this.evaluation = evaluation;
        this.challenges = challenges;
        this.views = views;
        this.users = users;
        this.tasks = tasks;
        this.completion = completion;
    }

    record Created(String code, String method, String status, boolean needsFinanceApproval, String countedAmount) {}

    @PostMapping("/api/procurements")
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@RequestBody ProcurementRequest request) {
        Procurement p = procurements.create(request, users.current());
        return new Created(p.code(), p.method(), p.status(), p.needsFinanceApproval(), p.countedAmount().toPlainString());
    }

    @GetMapping("/api/procurements")
    List<ProcurementViews.ProcurementSummary> list(@RequestParam(required = false) String status) {
        users.current();
        if (status != null) {
            try {
                ProcurementStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid("status", "未知的采购状态 / unknown status: " + status);
            }
        }
        return procurements.search(status).stream().map(views::summary).toList();
    }

    /** The procurement; a purchase a project called shows AWAITING_REQUIREMENT until the purchaser states it. */
    @GetMapping("/api/procurements/{code}")
    Object get(@PathVariable String code) {
        CurrentUser user = users.current();
        Optional<Procurement> procurement = procurements.find(code);
        if (procurement.isPresent()) {
            return views.view(procurement.get(), user);
        }
        return views.awaitingRequirement(code, user).orElseThrow(() -> Refusal.notFound("采购项目", code));
    }

    record NoticeRequest(String bidDeadline, BigDecimal bidDeposit) {}

    @PostMapping("/api/procurements/{code}/notice")
    ProcurementViews.ProcurementView notice(@PathVariable String code, @RequestBody NoticeRequest request) {
        CurrentUser user = users.current();
        Procurement p = procurements.require(code);
        Map<String, Object> fields = new HashMap<>();
        if (request.bidDeadline() != null) {
            fields.put(PurchaseProcess.Vars.BID_DEADLINE, request.bidDeadline());
        }
        if (request.bidDeposit() != null) {
            fields.put("bidDeposit", TaskInput.plain("bidDeposit", request.bidDeposit()));
        }
        procurements.completeOpenTask(p, PurchaseProcess.Tasks.PUBLISH_NOTICE, user, fields);
        return views.view(procurements.require(code), user);
    }

    @PostMapping("/api/procurements/{code}/bids")
    @ResponseStatus(HttpStatus.CREATED)
    ProcurementViews.BidView bid(@PathVariable String code, @RequestBody Bids.BidRequest request) {
        return bidView(bids.submit(code, request, users.current()));
    }

    @PutMapping("/api/procurements/{code}/bids/mine")
    ProcurementViews.BidView revise(@PathVariable String code, @RequestBody Bids.BidRequest request) {
        return bidView(bids.revise(code, request, users.current()));
    }

    record MemberRequest(String userId, Boolean expert) {}

    record CommitteeRequest(List<MemberRequest> members) {}

    @PostMapping("/api/procurements/{code}/committee")
    @ResponseStatus(HttpStatus.CREATED)
    ProcurementViews.ProcurementView committee(@PathVariable String code, @RequestBody CommitteeRequest request) {
        CurrentUser user = users.current();
        Procurement p = procurements.require(code);
        if (request.members() == null || request.members().isEmpty()
                || request.members().stream().anyMatch(m -> m == null || m.userId() == null || m.userId().isBlank())) {
            throw Refusal.invalid("members", "评审委员会成员必填，每人须有 userId / members, each with a userId");
        }
        Map<String, Object> fields = Map.of(
                "members", request.members().stream().map(m -> m.userId().trim()).collect(Collectors.joining(",")),
                "experts", request.members().stream().filter(m -> Boolean.TRUE.equals(m.expert()))
                        .map(m -> m.userId().trim()).collect(Collectors.joining(",")));
        procurements.completeOpenTask(p, PurchaseProcess.Tasks.FORM_COMMITTEE, user, fields);
        return views.view(procurements.require(code), user);
    }

    record ScoreRequest(Long bidId, BigDecimal technicalScore) {}

    record ScoreView(long bidId, String member, String technicalScore, boolean revised, String status) {}

    /**
     * A member's score of a bid: completes their scoring task for it (201), or revises a score already
     * given while other members are still scoring (200).
     */
    @PostMapping("/api/procurements/{code}/scores")
    ResponseEntity<ScoreView> score(@PathVariable String code, @RequestBody ScoreRequest request) {
        CurrentUser user = users.current();
        Procurement p = procurements.require(code);
        if (!evaluation.isMember(code, user.userId())) {
            throw Refusal.forbidden("NOT_A_MEMBER", "只有本项目评审委员会成员可以评分（87号令第四十七条）/ committee members only");
        }
        if (request.bidId() == null) {
            throw Refusal.invalid("bidId", "bidId 必填 / required");
        }
        TaskInput input = new TaskInput(name -> request.technicalScore());
        BigDecimal score = input.score("technicalScore", "技术得分（0–100 分）", 100);
        if (input.hasProblems()) {
            throw Refusal.invalid("technicalScore", "技术得分须在 0 到 100 之间，最多两位小数 / the technical score is 0..100");
        }
        String taskId = p.processInstanceId() == null ? null : tasks.openTasks(p.processInstanceId(), PurchaseProcess.Tasks.SCORE_BID)
                .stream().filter(t -> user.userId().equals(t.assignee()))
                .filter(t -> tasks.variable(t.id(), PurchaseProcess.Vars.BID_ID) instanceof Number n
                        && n.longValue() == request.bidId())
                .map(EngineTasks.OpenTask::id).findFirst().orElse(null);
        if (taskId != null) {
            completion.complete(taskId, user, Map.of("technicalScore", score.toPlainString()));
            return ResponseEntity.status(HttpStatus.CREATED).body(new ScoreView(request.bidId(), user.userId(),
                    score.toPlainString(), false, procurements.require(code).status()));
        }
        if (!evaluation.bidIds(code).contains(request.bidId())) {
            throw Refusal.notFound("合格投标", request.bidId().toString());
        }
        Score revised = evaluation.revise(code, request.bidId(), user, score);
        return ResponseEntity.ok(new ScoreView(request.bidId(), user.userId(), revised.technicalScore().toPlainString(), true,
                procurements.require(code).status()));
    }

    record ChallengeRequest(String reason) {}

    record ChallengeCreated(long id, OffsetDateTime filedAt, OffsetDateTime answerDue) {}

    @PostMapping("/api/procurements/{code}/challenges")
    @ResponseStatus(HttpStatus.CREATED)
    ChallengeCreated challenge(@PathVariable String code, @RequestBody ChallengeRequest request) {
        Challenge c = challenges.file(code, request.reason(), users.current());
        return new ChallengeCreated(c.id(), ProcurementViews.at(c.filedAt()), ProcurementViews.at(c.answerDue()));
    }

    record PlannedMilestone(String name, Integer percent) {}

    /** {@code paymentTermDays} and {@code lateInterestDailyRate} (a fraction: 0.0005 is 0.05%) default to 30 and 0.0005. */
    record ContractRequest(String signedOn, BigDecimal performanceBond, List<PlannedMilestone> milestones,
                           BigDecimal paymentTermDays, BigDecimal lateInterestDailyRate) {}

    /**
     * Records the signed contract (completes sign-contract); milestones default to 30/40/30, the
     * payment term to 30 days after acceptance, late-payment interest to 0.05% a day.
     */
    @PostMapping("/api/procurements/{code}/contract")
    @ResponseStatus(HttpStatus.CREATED)
    ProcurementViews.ProcurementView contract(@PathVariable String code, @RequestBody ContractRequest request) {
        CurrentUser user = users.current();
        Procurement p = procurements.require(code);
        Map<String, Object> fields = new HashMap<>();
        if (request.signedOn() != null) {
            fields.put("signedOn", request.signedOn());
        }
        if (request.performanceBond() != null) {
            fields.put("performanceBond", TaskInput.plain("performanceBond", request.performanceBond()));
        }
        if (request.paymentTermDays() != null) {
            fields.put("paymentTermDays", TaskInput.plain("paymentTermDays", request.paymentTermDays()));
        }
        if (request.lateInterestDailyRate() != null) {
            fields.put("lateInterestDailyRate", TaskInput.plain("lateInterestDailyRate", request.lateInterestDailyRate()));
        }
        if (request.milestones() != null && !request.milestones().isEmpty()) {
            if (request.milestones().stream().anyMatch(m -> m == null || m.name() == null || m.percent() == null)) {
                throw Refusal.invalid("milestones", "每个付款节点须有 name 和 percent / each milestone needs name and percent");
            }
            fields.put("milestones", request.milestones().stream().map(m -> m.name().replaceAll("[:：;；]", " ") + ":" + m.percent())
                    .collect(Collectors.joining(";")));
        }
        procurements.completeOpenTask(p, PurchaseProcess.Tasks.SIGN_CONTRACT, user, fields);
        return views.view(procurements.require(code), user);
    }

    /** Publishes the signed contract (completes publish-contract; 条例 art. 50). */
    @PostMapping("/api/procurements/{code}/contract/publish")
    ProcurementViews.ProcurementView publishContract(@PathVariable String code) {
        CurrentUser user = users.current();
        procurements.completeOpenTask(procurements.require(code), PurchaseProcess.Tasks.PUBLISH_CONTRACT, user, Map.of());
        return views.view(procurements.require(code), user);
    }

    private static ProcurementViews.BidView bidView(Bid b) {
        return new ProcurementViews.BidView(b.id(), b.providerId(), b.providerName(), b.price().toPlainString(), b.proposal(),
                ProcurementViews.at(b.submittedAt()), ProcurementViews.at(b.revisedAt()), b.qualified(), null, null, null, null);
    }
}

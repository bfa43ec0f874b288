package cn.shequ.transparency;

import cn.shequ.engine.ShequClock;
import cn.shequ.fund.Fund;
import cn.shequ.fund.FundLedger;
import cn.shequ.fund.Money;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.Groups;
import cn.shequ.meeting.MeetingOutcome;
import cn.shequ.meeting.MeetingService;
import cn.shequ.refusal.Refusal;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 筹资筹劳: money raised from residents (居委会法 arts. 10, 16). The committee records the residents'
 * meeting that decided to raise it — purpose, service category, amount, and the counts, judged by the
 * same rule as any residents' meeting (art. 9, DMN resident-meeting-outcome). A fund whose source is
 * the residents is then opened only from a passed decision of that community, for at most the amount
 * decided, once; it is ring-fenced to the decided category and to the community's own projects
 * ({@link FundLedger#reserve}), and its accounts are disclosed with the community's
 * ({@link CommunityAccounts}).
 */
@Service
public class ResidentFunds {

    /** The rule every refusal here names. */
    static final String RULE = "居民筹资须经居民会议讨论决定，按决定的用途和金额筹集使用，账目及时公布（居委会法第十条、第十六条）";
    static final int PURPOSE_MAX = 500;
    static final String SOURCE = "居民筹资";

    private final FundraisingMapper decisions;
    private final MeetingService meetings;
    private final FundLedger ledger;
    private final ShequClock clock;

    ResidentFunds(FundraisingMapper decisions, MeetingService meetings, FundLedger ledger, ShequClock clock) {
        this.decisions = decisions;
        this.meetings = meetings;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** What the committee reports: the decision and the meeting that took it. */
    public record DecisionRequest(String purpose, String category, BigDecimal amount, String kind, String mode,
                                  Integer eligible, Integer present, Integer yes, Integer no, Integer abstain,
                                  java.time.LocalDate heldOn, String minutes) {}

    public record Recorded(long id, boolean quorum, boolean passed, String outcome) {}

    /** Records the meeting's decision to raise money for the community (committee of that community only). */
    @Transactional
    public Recorded recordDecision(String communityCode, DecisionRequest request, CurrentUser user) {
        ownCommunity(communityCode, user);
        Map<String, String> problems = new LinkedHashMap<>();
        if (request.purpose() == null || request.purpose().isBlank()) {
            problems.put("purpose", "筹资用途必填（" + RULE + "）/ purpose required");
        } else if (request.purpose().trim().length() > PURPOSE_MAX) {
            problems.put("purpose", "筹资用途最多 " + PURPOSE_MAX + " 字 / at most " + PURPOSE_MAX + " characters");
        }
        if (request.category() == null || decisions.categoryExists(request.category()) == 0) {
            problems.put("category", "未知的服务类别 / unknown category: " + request.category());
        }
        String amountProblem = Money.problem(request.amount());
        if (amountProblem != null) {
            problems.put("amount", "决定筹集的金额：" + amountProblem);
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        MeetingService.Meeting meeting = new MeetingService.Meeting(request.kind(), request.mode(), request.eligible(),
                request.present(), request.yes(), request.no(), request.abstain(), request.heldOn(), request.minutes());
        MeetingOutcome outcome = meetings.judge(meeting);
        FundraisingMapper.DecisionRow row = new FundraisingMapper.DecisionRow();
        row.communityCode = communityCode;
        row.purpose = request.purpose().trim();
        row.category = request.category();
        row.amount = request.amount().setScale(2);
        row.kind = request.kind();
        row.mode = request.mode();
        row.eligible = request.eligible();
        row.present = request.present();
        row.yesVotes = request.yes();
        row.noVotes = request.no();
        row.abstentions = request.abstain();
        row.heldOn = request.heldOn();
        row.minutes = request.minutes().trim();
        row.outcome = outcome.outcome();
        row.recordedBy = user.userId();
        row.recordedAt = clock.localNow();
        decisions.insert(row);
        return new Recorded(row.id, outcome.quorum(), outcome.passed(), outcome.outcome());
    }

    public List<FundraisingMapper.Decision> decisions(String communityCode) {
        return decisions.ofCommunity(communityCode);
    }

    /** What the committee asks to open: the decision it comes from and the amount actually raised. */
    public record OpenRequest(Long decisionId, BigDecimal amount) {}

    /**
     * Opens the fund of a passed decision with the amount raised (ALLOCATE). Refused naming the rule:
     * without a decision (400), with a decision that did not pass or of another community, above the
     * amount decided, or a second time for the same decision (409); nothing is changed then.
     */
    @Transactional
    public Fund open(OpenRequest request, CurrentUser user) {
        if (request.decisionId() == null) {
            throw Refusal.invalid("decisionId", "须指明决定筹资的居民会议记录：" + RULE + " / a residents' meeting decision is required");
        }
        String amountProblem = Money.problem(request.amount());
        if (amountProblem != null) {
            throw Refusal.invalid("amount", "筹集金额：" + amountProblem);
        }
        FundraisingMapper.Decision decision = decisions.lock(request.decisionId())
                .orElseThrow(() -> Refusal.notFound("居民会议筹资决定", String.valueOf(request.decisionId())));
        ownCommunity(decision.communityCode(), user);
        if (!"PASSED".equals(decision.outcome())) {
            throw Refusal.conflict("RESIDENT_FUND_NOT_DECIDED", "居民会议（" + decision.heldOn() + "）未通过筹资决定（"
                    + outcomeName(decision.outcome()) + "），不得向居民筹资。" + RULE + " / the residents' meeting did not pass it");
        }
        if (decision.fundCode() != null) {
            throw Refusal.conflict("RESIDENT_FUND_ALREADY_OPENED", "该筹资决定已开立资金 " + decision.fundCode()
                    + "，不得重复筹集 / this decision already opened fund " + decision.fundCode());
        }
        BigDecimal amount = request.amount().setScale(2);
        if (amount.compareTo(decision.amount()) > 0) {
            throw Refusal.conflict("RESIDENT_FUND_ABOVE_DECISION", "筹集金额 " + Money.format(amount) + " 元超过居民会议决定的 "
                    + Money.format(decision.amount()) + " 元。" + RULE + " / above the amount the residents' meeting decided");
        }
        int year = clock.today().getYear();
        String code = "F" + year + "-" + decision.communityCode() + "-R" + decision.id();
        String name = shortened("居民筹资：" + decision.purpose(), 64);
        String source = SOURCE + "（居民会议 " + decision.heldOn() + " 决定）";
        Fund fund = ledger.openRaisedByResidents(code, name, source, year, decision.communityCode(), amount,
                decision.category(), user.userId());
        decisions.setFund(decision.id(), code);
        return fund;
    }

    private static void ownCommunity(String communityCode, CurrentUser user) {
        if (!user.isIn(Groups.COMMITTEE) || !communityCode.equals(user.communityCode())) {
            throw Refusal.forbidden("OTHER_COMMUNITY", "只有本社区居委会成员可以记录和使用居民筹资（" + RULE + "）"
                    + " / only the committee of community " + communityCode);
        }
    }

    private static String outcomeName(String outcome) {
        return switch (outcome) {
            case "NO_QUORUM" -> "到会人数未过半";
            case "REJECTED" -> "赞成票未过到会人数的半数";
            default -> outcome;
        };
    }

    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

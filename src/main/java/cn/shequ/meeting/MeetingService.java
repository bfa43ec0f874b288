package cn.shequ.meeting;

import cn.shequ.engine.EngineDecisions;
import cn.shequ.engine.ShequClock;
import cn.shequ.rules.Decisions;
import cn.shequ.refusal.Refusal;
import cn.shequ.web.DateRange;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Records a residents' meeting and lets the DMN table resident-meeting-outcome decide quorum and
 * passing (居委会法 art. 9): more than half present, more than half of those present in favour;
 * a representatives' meeting needs two thirds present. The counts must be consistent first.
 */
@Service
public class MeetingService {

    static final Set<String> KINDS = Set.of(Decisions.MeetingOutcome.KIND_RESIDENTS_MEETING,
            Decisions.MeetingOutcome.KIND_REPRESENTATIVES_MEETING);
    static final Set<String> MODES = Set.of("ALL_ADULTS", "HOUSEHOLD_REPS", "GROUP_REPS");
    static final int MINUTES_MAX = 4000;
    static final int MAX_PEOPLE = 1_000_000;

    private final MeetingMapper meetings;
    private final EngineDecisions decisions;
    private final ShequClock clock;
    private final int maxNoQuorumAttempts;

    MeetingService(MeetingMapper meetings, EngineDecisions decisions, ShequClock clock,
                   @Value("${shequ.meeting.max-attempts:3}") int maxNoQuorumAttempts) {
        this.meetings = meetings;
        this.decisions = decisions;
        this.clock = clock;
        this.maxNoQuorumAttempts = maxNoQuorumAttempts;
    }

    /** A meeting as the committee reports it. */
    public record Meeting(String kind, String mode, Integer eligible, Integer present, Integer yes, Integer no,
                          Integer abstain, LocalDate heldOn, String minutes) {}

    /**
     * Validates, decides and records; 400 naming the field when the numbers do not add up, or when
     * the meeting is dated before what it must follow: the day a revised proposal was resubmitted
     * ({@code revisedOn}, null while the proposal was never revised), and the meeting it reconvenes.
     */
    public MeetingOutcome record(String projectCode, Meeting m, String actor, LocalDate revisedOn) {
        return recordInProject(projectCode, m, actor, revisedOn).outcome();
    }

    /** A meeting recorded for a project: what the rule decided, and whether the committee may convene again ({@link #mayReconvene}). */
    public record Recorded(MeetingOutcome outcome, boolean mayReconvene) {}

    /**
     * {@link #record}, answering {@link #mayReconvene} as well from what it has read before its insert: the meetings
     * without quorum since the last vote are those before, plus this one when it had none, or none when it voted.
     */
    public Recorded recordInProject(String projectCode, Meeting m, String actor, LocalDate revisedOn) {
        Map<String, String> problems = problems(m, clock.today());
        List<MeetingMapper.Held> before = meetings.held(projectCode);
        LocalDate lastHeldOn = before.stream().map(MeetingMapper.Held::heldOn).filter(java.util.Objects::nonNull)
                .max(LocalDate::compareTo).orElse(null);
        if (!problems.containsKey("heldOn")) {
            held(problems, m.heldOn(), revisedOn, lastHeldOn);
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        Map<String, Object> result = decide(m, false);
        String outcome = (String) result.get(Decisions.MeetingOutcome.OUTCOME);
        int attempt = before.size() + 1;
        meetings.insert(projectCode, attempt, m.kind(), m.mode(), m.eligible(), m.present(), m.yes(), m.no(),
                m.abstain(), m.heldOn(), m.minutes().trim(), outcome, actor,
                clock.localNow());
        int noQuorumSinceLastVote = 0;
        if (Decisions.MeetingOutcome.OUTCOME_NO_QUORUM.equals(outcome)) {
            noQuorumSinceLastVote = 1 + noQuorumSinceLastVote(before);
        }
        return new Recorded(new MeetingOutcome(Boolean.TRUE.equals(result.get(Decisions.MeetingOutcome.QUORUM)),
                Boolean.TRUE.equals(result.get(Decisions.MeetingOutcome.PASSED)), outcome, attempt),
                noQuorumSinceLastVote < maxNoQuorumAttempts);
    }

    /** The meetings without quorum after the last one that voted (what {@code MeetingMapper.noQuorumSinceLastVote} counts). */
    static int noQuorumSinceLastVote(List<MeetingMapper.Held> inOrder) {
        int count = 0;
        for (int i = inOrder.size() - 1; i >= 0 && Decisions.MeetingOutcome.OUTCOME_NO_QUORUM.equals(inOrder.get(i).outcome()); i--) {
            count++;
        }
        return count;
    }

    /**
     * Validates and decides a residents' meeting that is no project's — a decision to raise money
     * from residents (居委会法 arts. 10, 16) — by the same rule and the same DMN table; 400 naming the
     * field when the counts do not add up. Records nothing: the caller keeps the decision.
     */
    public MeetingOutcome judge(Meeting m) {
        Map<String, String> problems = problems(m, clock.today());
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        Map<String, Object> result = decide(m, true);
        return new MeetingOutcome(Boolean.TRUE.equals(result.get(Decisions.MeetingOutcome.QUORUM)),
                Boolean.TRUE.equals(result.get(Decisions.MeetingOutcome.PASSED)),
                (String) result.get(Decisions.MeetingOutcome.OUTCOME), 1);
    }

    private Map<String, Object> decide(Meeting m, boolean preview) {
        Map<String, Object> inputs = Map.of(
                Decisions.MeetingOutcome.KIND, m.kind(),
                Decisions.MeetingOutcome.ELIGIBLE, m.eligible().longValue(),
                Decisions.MeetingOutcome.PRESENT, m.present().longValue(),
                Decisions.MeetingOutcome.YES, m.yes().longValue());
        // recorded from the task's listener, where the engine checks no grant; previewed on Shequ's behalf
        Map<String, Object> result = preview ? decisions.evaluateForShequ(Decisions.MeetingOutcome.ID, inputs)
                : decisions.evaluate(Decisions.MeetingOutcome.ID, inputs);
        if (result.isEmpty()) {
            throw new IllegalStateException("resident-meeting-outcome gave no result for " + m);
        }
        return result;
    }

    /** What {@link #preview} answers: the problems of the counts typed so far, or the outcome the rule gives them. */
    public record Preview(Map<String, String> problems, String outcome) {}

    /**
     * The outcome the same DMN table would give the counts typed so far, recording nothing (the
     * workbench shows it while the committee fills in the meeting); the problems of the kind and
     * counts instead while they do not add up. Date and minutes are judged when the meeting is recorded.
     */
    public Preview preview(Meeting m) {
        Map<String, String> problems = problems(m, clock.today());
        problems.keySet().retainAll(Set.of("kind", "eligible", "present", "yes", "no", "abstain"));
        if (!problems.isEmpty()) {
            return new Preview(problems, null);
        }
        return new Preview(Map.of(), (String) decide(m, true).get(Decisions.MeetingOutcome.OUTCOME));
    }

    /** After NO_QUORUM, whether the committee may convene again (configurable, default 3 meetings without quorum). */
    public boolean mayReconvene(String projectCode) {
        return meetings.noQuorumSinceLastVote(projectCode) < maxNoQuorumAttempts;
    }

    /** The latest meeting recorded for the project (empty before the first). */
    public java.util.Optional<Meeting> lastMeeting(String projectCode) {
        return meetings.last(projectCode);
    }

    public String lastOutcome(String projectCode) {
        return meetings.lastOutcome(projectCode);
    }

    static Map<String, String> problems(Meeting m, LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (m.kind() == null || !KINDS.contains(m.kind())) {
            problems.put("kind", "会议类型须为 RESIDENTS_MEETING 或 REPRESENTATIVES_MEETING / unknown kind");
        }
        if (m.mode() == null || !MODES.contains(m.mode())) {
            problems.put("mode", "参会方式须为 ALL_ADULTS、HOUSEHOLD_REPS 或 GROUP_REPS（居委会法第九条）/ unknown mode");
        }
        count(problems, "eligible", m.eligible(), 1);
        count(problems, "present", m.present(), 0);
        count(problems, "yes", m.yes(), 0);
        count(problems, "no", m.no(), 0);
        count(problems, "abstain", m.abstain(), 0);
        if (problems.isEmpty()) {
            if (m.present() > m.eligible()) {
                problems.put("present", "实到人数不得超过应到人数 / present must not exceed eligible");
            } else if ((long) m.yes() + m.no() + m.abstain() > m.present()) {
                problems.put("yes", "赞成、反对、弃权合计不得超过实到人数 / yes + no + abstain must not exceed present");
            }
        }
        if (m.heldOn() == null) {
            problems.put("heldOn", "会议日期必填 / required");
        } else if (m.heldOn().isAfter(today)) {
            problems.put("heldOn", "会议日期不能晚于今天 / must not be in the future");
        } else if (!DateRange.holds(m.heldOn())) {
            problems.put("heldOn", DateRange.problem("会议日期"));
        }
        if (m.minutes() == null || m.minutes().isBlank()) {
            problems.put("minutes", "会议纪要必填 / required");
        } else if (m.minutes().length() > MINUTES_MAX) {
            problems.put("minutes", "会议纪要最多 " + MINUTES_MAX + " 字 / at most " + MINUTES_MAX + " characters");
        }
        return problems;
    }

    /**
     * A revised proposal goes back to the residents (DOMAIN-RULES "Residents' meeting"): the earlier
     * vote was on a different proposal, so the vote on this one is held on or after the day it was
     * resubmitted. A meeting reconvened after one without quorum is held after it (居委会法 art. 9).
     */
    static void held(Map<String, String> problems, LocalDate heldOn, LocalDate revisedOn, LocalDate lastHeldOn) {
        if (revisedOn != null && heldOn.isBefore(revisedOn)) {
            problems.put("heldOn", "修改后的项目报告书于 " + revisedOn + " 重新提交，须重新提交居民会议表决：此前的表决针对的是修改前的报告书，"
                    + "会议日期不得早于 " + revisedOn + " / the proposal was revised and resubmitted on " + revisedOn
                    + ": the residents vote on it again, at a meeting held on or after " + revisedOn);
        } else if (lastHeldOn != null && heldOn.isBefore(lastHeldOn)) {
            problems.put("heldOn", "再次召开的会议不得早于本项目上一次会议的日期 " + lastHeldOn + "（居委会法第九条）"
                    + " / a meeting convened again is not held before the project's previous meeting of " + lastHeldOn);
        }
    }

    private static void count(Map<String, String> problems, String field, Integer value, int min) {
        if (value == null) {
            problems.put(field, field + " 必填 / required");
        } else if (value < min || value > MAX_PEOPLE) {
            problems.put(field, field + " 须在 " + min + " 到 " + MAX_PEOPLE + " 之间 / out of range");
        }
    }
}

package cn.shequ.transparency;

import cn.shequ.engine.ShequClock;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.Groups;
import cn.shequ.meeting.MeetingOutcome;
import cn.shequ.meeting.MeetingService;
import cn.shequ.refusal.Refusal;
import cn.shequ.reports.SatisfactionRate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 民主评议: a residents' meeting recorded as a democratic evaluation of the services delivered in its
 * community (its projects, the purchases that served it) and of the departments that serve it (its
 * street office, its district's civil affairs and finance bureaus, coded as in the assessment). The
 * meeting is judged by the same rule as any residents' meeting (居委会法 art. 9, DMN
 * resident-meeting-outcome): without quorum it evaluates nothing and is refused. Each rating counts the
 * participants who judged the subject 满意 / 基本满意 / 不满意, together at most those present. The
 * results enter the assessment of departments (考评, 汕府〔2007〕60号 四(一)) and the community's public page.
 */
@Service
public class DemocraticEvaluations {

    static final String RULE = "民主评议须由依法召开的居民会议作出：到会人数须超过应到人数的半数，居民代表会议须有三分之二以上代表到会（居委会法第九条）";
    static final String COUNT_RULE = "每位到会居民对每一评议对象至多表达一次意见：满意、基本满意、不满意合计不得超过实到人数";
    static final Set<String> TYPES = Set.of("PROJECT", "PURCHASE", "DEPARTMENT");
    static final int MAX_RATINGS = 50;

    private final DemocraticEvaluationMapper mapper;
    private final MeetingService meetings;
    private final ShequClock clock;

    DemocraticEvaluations(DemocraticEvaluationMapper mapper, MeetingService meetings, ShequClock clock) {
        this.mapper = mapper;
        this.meetings = meetings;
        this.clock = clock;
    }

    public record RatingRequest(String subjectType, String subjectCode, Integer satisfied, Integer basicallySatisfied,
                                Integer dissatisfied) {}

    /** What the committee reports: the meeting and what it rated. */
    public record EvaluationRequest(String kind, String mode, Integer eligible, Integer present, LocalDate heldOn,
                                    String minutes, List<RatingRequest> ratings) {}

    public record Recorded(long id, int ratings) {}

    /** One subject the committee may rate, for the form. */
    public record Subject(String subjectType, String subjectCode, String subjectName) {}

    /** The services and departments the community's committee may rate. */
    public List<Subject> subjects(String communityCode) {
        DemocraticEvaluationMapper.Area area = area(communityCode);
        List<Subject> subjects = new ArrayList<>();
        mapper.services(communityCode, area.streetCode())
                .forEach(s -> subjects.add(new Subject(s.subjectType(), s.subjectCode(), s.subjectName())));
        for (String code : List.of(area.streetCode(), "CA-" + area.districtCode(), "FI-" + area.districtCode())) {
            subjects.add(new Subject("DEPARTMENT", code, departmentName(code, area).orElseThrow()));
        }
        return subjects;
    }

    /**
     * Records the evaluation (committee of that community only). 400 naming the field when a count or a
     * subject is wrong; 409 naming 居委会法第九条 when the meeting had no quorum; nothing is recorded then.
     */
    @Transactional
    public Recorded record(String communityCode, EvaluationRequest request, CurrentUser user) {
        ownCommunity(communityCode, user);
        DemocraticEvaluationMapper.Area area = area(communityCode);
        MeetingOutcome outcome = meetings.judge(new MeetingService.Meeting(request.kind(), request.mode(), request.eligible(),
                request.present(), 0, 0, 0, request.heldOn(), request.minutes()));
        List<DemocraticEvaluationMapper.Rating> ratings = ratings(communityCode, area, request);
        if (!outcome.quorum()) {
            throw Refusal.conflict("EVALUATION_NO_QUORUM", "本次会议应到 " + request.eligible() + " 人，实到 " + request.present()
                    + " 人，未达法定人数，不能作出民主评议。" + RULE + " / the meeting had no quorum");
        }
        DemocraticEvaluationMapper.EvaluationRow row = new DemocraticEvaluationMapper.EvaluationRow();
        row.communityCode = communityCode;
        row.kind = request.kind();
        row.mode = request.mode();
        row.eligible = request.eligible();
        row.present = request.present();
        row.heldOn = request.heldOn();
        row.minutes = request.minutes().trim();
        row.recordedBy = user.userId();
        row.recordedAt = clock.localNow();
        mapper.insert(row);
        for (int i = 0; i < ratings.size(); i++) {
            mapper.insertRating(row.id, i + 1, ratings.get(i));
        }
        return new Recorded(row.id, ratings.size());
    }

    private List<DemocraticEvaluationMapper.Rating> ratings(String communityCode, DemocraticEvaluationMapper.Area area,
                                                           EvaluationRequest request) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<RatingRequest> asked = request.ratings() == null ? List.of() : request.ratings();
        if (asked.isEmpty()) {
            problems.put("ratings", "至少评议一项服务或一个部门 / at least one rating");
        } else if (asked.size() > MAX_RATINGS) {
            problems.put("ratings", "一次最多评议 " + MAX_RATINGS + " 项 / at most " + MAX_RATINGS);
        }
        List<DemocraticEvaluationMapper.Rating> ratings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < asked.size() && i < MAX_RATINGS; i++) {
            RatingRequest r = asked.get(i) == null ? new RatingRequest(null, null, null, null, null) : asked.get(i);
            String at = "ratings[" + i + "].";
            Optional<String> name = Optional.empty();
            if (r.subjectType() == null || !TYPES.contains(r.subjectType())) {
                problems.put(at + "subjectType", "评议对象类型须为 PROJECT、PURCHASE 或 DEPARTMENT / unknown subject type");
            } else if (r.subjectCode() == null || r.subjectCode().isBlank()) {
                problems.put(at + "subjectCode", "评议对象必填 / required");
            } else {
                name = switch (r.subjectType()) {
                    case "PROJECT" -> mapper.deliveredProject(r.subjectCode(), communityCode);
                    case "PURCHASE" -> mapper.deliveredPurchase(r.subjectCode(), communityCode, area.streetCode());
                    default -> departmentName(r.subjectCode(), area);
                };
                if (name.isEmpty()) {
                    problems.put(at + "subjectCode", "“" + r.subjectCode() + "”不是本社区已实施的服务或为本社区服务的部门，不能由本社区民主评议"
                            + " / not a service delivered in this community nor a department serving it");
                } else if (!seen.add(r.subjectType() + " " + r.subjectCode())) {
                    problems.put(at + "subjectCode", "同一次评议中“" + r.subjectCode() + "”只能评议一次 / rated twice");
                }
            }
            count(problems, at + "satisfied", "满意", r.satisfied());
            count(problems, at + "basicallySatisfied", "基本满意", r.basicallySatisfied());
            count(problems, at + "dissatisfied", "不满意", r.dissatisfied());
            if (!problems.containsKey(at + "satisfied") && !problems.containsKey(at + "basicallySatisfied")
                    && !problems.containsKey(at + "dissatisfied") && request.present() != null) {
                long total = (long) r.satisfied() + r.basicallySatisfied() + r.dissatisfied();
                if (total > request.present()) {
                    problems.put(at + "satisfied", "满意、基本满意、不满意合计 " + total + " 人，超过实到人数 " + request.present() + " 人（"
                            + COUNT_RULE + "）/ the counts exceed those present");
                } else if (total == 0) {
                    problems.put(at + "satisfied", "该项没有任何评议意见 / no opinion counted");
                }
            }
            if (name.isPresent()) {
                ratings.add(new DemocraticEvaluationMapper.Rating(r.subjectType(), r.subjectCode(), name.get(),
                        r.satisfied() == null ? 0 : r.satisfied(), r.basicallySatisfied() == null ? 0 : r.basicallySatisfied(),
                        r.dissatisfied() == null ? 0 : r.dissatisfied()));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        return ratings;
    }

    private static void count(Map<String, String> problems, String field, String label, Integer value) {
        if (value == null) {
            problems.put(field, label + "人数必填（没有填 0）/ required");
        } else if (value < 0 || value > 1_000_000) {
            problems.put(field, label + "人数须在 0 到 1000000 之间 / out of range");
        }
    }

    /** An evaluation as published, each rating with its satisfaction rate. */
    public record Published(long id, String communityCode, String kind, String mode, int eligible, int present,
                            LocalDate heldOn, String minutes, List<PublishedRating> ratings) {}

    public record PublishedRating(String subjectType, String subjectCode, String subjectName, int satisfied,
                                  int basicallySatisfied, int dissatisfied, String satisfactionRate) {}

    /** The community's evaluations held in the year. */
    public List<Published> ofYear(String communityCode, int year) {
        area(communityCode);
        LocalDate from = LocalDate.of(year, 1, 1);
        return mapper.ofCommunity(communityCode, from, from.plusYears(1)).stream()
                .map(e -> new Published(e.id(), e.communityCode(), e.kind(), e.mode(), e.eligible(), e.present(), e.heldOn(),
                        e.minutes(), mapper.ratings(e.id()).stream().map(r -> new PublishedRating(r.subjectType(),
                                r.subjectCode(), r.subjectName(), r.satisfied(), r.basicallySatisfied(), r.dissatisfied(),
                                rate(r.satisfied(), r.basicallySatisfied(), r.dissatisfied()))).toList()))
                .toList();
    }

    /**
     * 满意率 as democratic evaluations count it: (满意 + 基本满意) ÷ all opinions, one decimal ("87.5%"); null
     * when nobody gave an opinion ({@link SatisfactionRate}, which the assessment uses too).
     */
    public static String rate(long satisfied, long basicallySatisfied, long dissatisfied) {
        return SatisfactionRate.of(satisfied, basicallySatisfied, dissatisfied);
    }

    private DemocraticEvaluationMapper.Area area(String communityCode) {
        return mapper.area(communityCode).orElseThrow(() -> Refusal.notFound("社区", communityCode));
    }

    /** The departments serving the community, coded as in the assessment: its street office, CA-/FI- its district. */
    private Optional<String> departmentName(String code, DemocraticEvaluationMapper.Area area) {
        if (code.equals(area.streetCode())) {
            return mapper.streetName(code);
        }
        if (code.equals("CA-" + area.districtCode())) {
            return mapper.districtName(area.districtCode()).map(n -> n + "民政局");
        }
        if (code.equals("FI-" + area.districtCode())) {
            return mapper.districtName(area.districtCode()).map(n -> n + "财政局");
        }
        return Optional.empty();
    }

    private static void ownCommunity(String communityCode, CurrentUser user) {
        if (!user.isIn(Groups.COMMITTEE) || !communityCode.equals(user.communityCode())) {
            throw Refusal.forbidden("OTHER_COMMUNITY", "只有本社区居委会成员可以记录本社区居民会议的民主评议"
                    + " / only the committee of community " + communityCode);
        }
    }
}

package cn.shequ.transparency;

import cn.shequ.identity.CurrentUsers;
import cn.shequ.refusal.Refusal;
import cn.shequ.web.Csv;
import org.springframework.http.ResponseEntity;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 民主评议 over HTTP (docs/api-additions.md): the committee records the meeting's evaluation; its
 * results are public with the community's page and enter the assessment of departments.
 */
@RestController
class DemocraticEvaluationController {

    private final DemocraticEvaluations evaluations;
    private final CurrentUsers users;

    DemocraticEvaluationController(DemocraticEvaluations evaluations, CurrentUsers users) {
        this.evaluations = evaluations;
        this.users = users;
    }

    @PostMapping("/api/communities/{code}/democratic-evaluations")
    @ResponseStatus(HttpStatus.CREATED)
    DemocraticEvaluations.Recorded record(@PathVariable String code,
                                          @RequestBody DemocraticEvaluations.EvaluationRequest request) {
        return evaluations.record(code, request, users.current());
    }

    @GetMapping({"/api/communities/{code}/democratic-evaluations", "/public/communities/{code}/democratic-evaluations"})
    List<DemocraticEvaluations.Published> ofYear(@PathVariable String code, @RequestParam int year) {
        if (year < 2000 || year > 2100) {
            throw Refusal.invalid("year", "年度应为 2000 至 2100 / year 2000 to 2100");
        }
        return evaluations.ofYear(code, year);
    }

    /** The same, one line per rating, as the public page's table shows it. */
    @GetMapping("/public/communities/{code}/democratic-evaluations.csv")
    ResponseEntity<byte[]> csv(@PathVariable String code, @RequestParam int year) {
        Csv csv = new Csv(List.of("会议日期", "会议类型", "应到人数", "实到人数", "评议对象类别", "评议对象编号", "评议对象", "满意", "基本满意",
                "不满意", "满意率"));
        for (DemocraticEvaluations.Published e : ofYear(code, year)) {
            for (DemocraticEvaluations.PublishedRating r : e.ratings()) {
                csv.row(java.util.Arrays.asList(e.heldOn(), KINDS.getOrDefault(e.kind(), e.kind()), e.eligible(), e.present(),
                        TYPES.getOrDefault(r.subjectType(), r.subjectType()), r.subjectCode(), r.subjectName(), r.satisfied(),
                        r.basicallySatisfied(), r.dissatisfied(), r.satisfactionRate()));
            }
        }
        return csv.download("民主评议-" + code + "-" + year + ".csv");
    }

    static final java.util.Map<String, String> KINDS = java.util.Map.of("RESIDENTS_MEETING", "居民会议",
            "REPRESENTATIVES_MEETING", "居民代表会议");
    static final java.util.Map<String, String> TYPES = java.util.Map.of("PROJECT", "服务项目", "PURCHASE", "政府购买服务",
            "DEPARTMENT", "部门");

    /** What the community's committee may rate (its delivered services and the departments serving it). */
    @GetMapping("/api/communities/{code}/democratic-evaluation-subjects")
    List<DemocraticEvaluations.Subject> subjects(@PathVariable String code) {
        users.current();
        return evaluations.subjects(code);
    }
}
